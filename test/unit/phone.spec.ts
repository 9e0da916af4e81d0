import { BadUserInputError } from '../../src/errors';
import { normalizePhone, parsePhone } from '../../src/schema/validators/phone';

describe('parsePhone: national and international forms to E.164', () => {
  const accepted: Array<[string, string | null, string]> = [
    ['8 (916) 123-45-67', 'RU', '+79161234567'],
    ['+7 916 1234567', 'RU', '+79161234567'],
    ['+7 (916) 123-45-67', 'RU', '+79161234567'],
    ['8 916 123 45 67', 'RU', '+79161234567'],
    ['(495) 123-45-67', 'RU', '+74951234567'],
    ['79161234567', 'RU', '+79161234567'],
    ['810 359 888 123 456', 'RU', '+359888123456'],
    ['0888 123 456', 'BG', '+359888123456'],
    ['02 987 6543', 'BG', '+35929876543'],
    ['+359 88 812 3456', 'BG', '+359888123456'],
    ['00359 888 123 456', 'BG', '+359888123456'],
    ['088.812.3456', 'BG', '+359888123456'],
    // an international form does not depend on the country
    ['+7 916 123-45-67', 'BG', '+79161234567'],
    ['+359 2 987 6543', 'RU', '+35929876543'],
    ['+359 2 987 6543', null, '+35929876543'],
    // the country code is case-insensitive
    ['0888 123 456', 'bg', '+359888123456'],
  ];

  it.each(accepted)('%s in %s → %s', (raw, country, e164) => {
    expect(parsePhone(raw, country)).toEqual({ ok: true, e164 });
    expect(normalizePhone(raw, country)).toBe(e164);
  });

  const refused: Array<[string, string, string | null]> = [
    ['a Bulgarian mobile read in Russia', '0888 123 456', 'RU'],
    ['too short', '8 (916) 123-45', 'RU'],
    ['an unused range', '+7 000 000 0000', 'RU'],
    ['letters (a vanity number)', '+7 916 CALL-ME', 'RU'],
    ['an extension', '+7 916 123-45-67 доб. 12', 'RU'],
    ['separators only', '+7 ( ) - - - ', 'RU'],
    ['a national form without a country', '8 (916) 123-45-67', null],
    ['a national form in a country the library does not know', '8 (916) 123-45-67', 'AQ'],
    ['five digits', '12345', 'BG'],
  ];

  it.each(refused)('refuses %s (%s in %s)', (_label, raw, country) => {
    const result = parsePhone(raw, country);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.key).toMatch(/^validation\.phone/);
  });
});

describe('normalizePhone: the input-field helper', () => {
  it('clears with null, undefined or blank', () => {
    expect(normalizePhone(null, 'RU')).toBeNull();
    expect(normalizePhone(undefined, 'RU')).toBeNull();
    expect(normalizePhone('   ', 'RU')).toBeNull();
  });

  it('throws BAD_USER_INPUT naming the field at fault', () => {
    let thrown: unknown;
    try {
      normalizePhone('0888 123 456', 'RU', 'input.contact.phone');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(BadUserInputError);
    const ext = (thrown as BadUserInputError).extensions as { code: string; fields: Array<{ path: string; message: string }> };
    expect(ext.code).toBe('BAD_USER_INPUT');
    expect(ext.fields.map((f) => f.path)).toEqual(['input.contact.phone']);
    expect(ext.fields[0]!.message).toContain('RU');
  });

  it('names input.phone by default', () => {
    expect(() => normalizePhone('12345', 'BG')).toThrow(/input\.phone/);
  });
});
