import { createHash, randomBytes } from 'node:crypto';

/**
 * One-time tokens (invitations, password resets): 32 random bytes handed out once as base64url;
 * only their SHA-256 is stored. A slow hash buys nothing for 256 random bits, and a plain digest
 * can be looked up by an index.
 */
export function newOneTimeToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashOneTimeToken(token) };
}

export function hashOneTimeToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;
export const PASSWORD_RESET_TTL_MS = 24 * 3600 * 1000;
/** A reset asked for by the user and emailed: short-lived, as a link sitting in an inbox should be. */
export const SELF_SERVICE_RESET_TTL_MS = 3600 * 1000;
/** how long a sign-up's confirmation link works (SIGNUP_CONFIRMATION=email) */
export const SIGNUP_CONFIRMATION_TTL_MS = 24 * 3600 * 1000;
