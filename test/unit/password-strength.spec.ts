import { passwordWeakness } from '../../src/auth/password-strength';

const key = (password: string, personal: string[] = []) => passwordWeakness(password, personal, 3)?.key ?? null;

describe('passwordWeakness: beyond length', () => {
  it('refuses the passwords attackers try first, naming them common', () => {
    for (const p of ['password1234', 'qwerty123456', 'Password123!', '1q2w3e4r5t6y']) expect([p, key(p)]).toEqual([p, 'validation.passwordTooCommon']);
  });

  it('refuses repeats, sequences and keyboard rows as too guessable', () => {
    for (const p of ['aaaaaaaaaaaa', 'abcdefghijklmn', '1234567890123', 'zxcvbnmasdfgh']) {
      expect([p, key(p)]).toEqual([p, expect.stringMatching(/^validation\.passwordToo(Guessable|Common)$/)]);
    }
    expect(key('aaaaaaaaaaaa')).toBe('validation.passwordTooGuessable');
  });

  it('refuses a password built from the email, the name or the agency name', () => {
    expect(key('zhuravlev-2026')).toBeNull();
    expect(key('zhuravlev-2026', ['zhuravlev@media.test', 'Ivan', 'Media'])).toBe('validation.passwordPersonal');
    expect(key('Ромашка2026!', ['owner@x.test', '', 'Ромашка Медиа'])).toBe('validation.passwordPersonal');
  });

  it('accepts passphrases and random strings, in any alphabet', () => {
    for (const p of ['correct-horse-battery', 'кошка-собака-2026', 'Tr0ub4dor&3-lamp', 'x7#Qm2!vLp9@']) expect([p, key(p)]).toEqual([p, null]);
  });

  it('judges only the first 32 characters, so a long password costs little', () => {
    const long = 'vB7$kq2!Lm9@zX4#' + 'a'.repeat(112);
    const started = process.hrtime.bigint();
    expect(key(long)).toBeNull();
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1000);
  });

  it('is off with a minimum score of 0', () => {
    expect(passwordWeakness('password1234', [], 0)).toBeNull();
  });
});
