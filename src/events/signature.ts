import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * How a delivery is signed, and how a receiver verifies it:
 *   X-Webhook-Timestamp: unix seconds when this attempt was sent
 *   X-Webhook-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
 * The receiver recomputes the HMAC over the raw body bytes it received (before parsing the JSON),
 * compares in constant time, and refuses a timestamp older than its replay window (5 minutes
 * suggested); it keeps the body's `id` to ignore a redelivery it already handled.
 */

/** The window verifyWebhookSignature accepts by default, in seconds either side of now. */
export const REPLAY_WINDOW_SECONDS = 300;

/** A new signing secret: 32 random bytes, prefixed so it is recognisable in a receiver's config. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** The X-Webhook-Signature value of `body` sent at `timestamp` (unix seconds). */
export function signWebhookBody(secret: string, timestamp: number, body: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** What a receiver does: true when the signature matches and the timestamp lies within the window. */
export function verifyWebhookSignature(
  secret: string,
  header: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  now: Date = new Date(),
  windowSeconds = REPLAY_WINDOW_SECONDS,
): boolean {
  const ts = Number(header.timestamp);
  if (!header.signature || !Number.isInteger(ts)) return false;
  if (Math.abs(Math.floor(now.getTime() / 1000) - ts) > windowSeconds) return false;
  const expected = Buffer.from(signWebhookBody(secret, ts, body));
  const given = Buffer.from(header.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
