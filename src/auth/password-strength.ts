import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { BadUserInputError } from '../errors';
import { msg, type Msg } from '../i18n';

/**
 * zxcvbn's cost grows fast with length (a random 128-character password took 300 ms of CPU on the
 * event loop): only the first 32 characters are judged. A prefix that is hard to guess makes the
 * whole password hard to guess; a strong tail after a weak prefix is refused, which is rare and safe.
 */
const JUDGED_LENGTH = 32;

/** zxcvbn's warnings that mean "on the lists attackers try first" */
const COMMON = new Set(['topTen', 'topHundred', 'common', 'similarToCommon', 'pwned']);

let estimator: ZxcvbnFactory | null = null;

/**
 * The estimator with the common dictionaries (passwords, names, Wikipedia words), built on first
 * use and kept for the life of the process: ~0.2 s and ~20 MB RSS, paid only by a process that
 * sets passwords (a worker never does).
 */
function zxcvbn(): ZxcvbnFactory {
  if (!estimator) {
    // required here, not imported at the top: the dictionaries are big and most processes never need them
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ZxcvbnFactory: Factory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
    estimator = new Factory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs, maxLength: JUDGED_LENGTH });
  }
  return estimator;
}

/**
 * Why `password` is too weak for `minScore` (0–4), or null. `personal`: what the password must not
 * be built from (the email and its local part, the person's and the agency's names).
 */
export function passwordWeakness(password: string, personal: (string | null | undefined)[], minScore: number): Msg | null {
  if (minScore <= 0) return null;
  const inputs = personal.flatMap((p) => {
    const v = p?.trim().toLowerCase();
    if (!v) return [];
    // "owner@acme.test" is guessed as "owner", "acme" and the whole; a name as its words
    return [v, ...v.split(/[\s@.+_\-«»"']+/).filter((w) => w.length >= 3)];
  });
  const result = zxcvbn().check(password.slice(0, JUDGED_LENGTH), inputs);
  if (result.score >= minScore) return null;
  const warning = result.feedback.warning ?? '';
  if (warning === 'userInputs') return msg('validation.passwordPersonal');
  if (COMMON.has(warning)) return msg('validation.passwordTooCommon');
  return msg('validation.passwordTooGuessable');
}

/** BAD_USER_INPUT on `path` when the password is too weak (see passwordWeakness). */
export function assertStrongPassword(password: string, path: string, personal: (string | null | undefined)[], minScore: number): void {
  const weakness = passwordWeakness(password, personal, minScore);
  if (weakness) throw new BadUserInputError([{ path, message: weakness }]);
}
