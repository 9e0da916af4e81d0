import { createHmac } from 'node:crypto';
import { isPrivateAddress, webhookUrlProblem } from '../../src/events/address';
import { retryable, retryDelaySeconds } from '../../src/events/delivery';
import { newWebhookSecret, signWebhookBody, verifyWebhookSignature } from '../../src/events/signature';

describe('webhook signature', () => {
  const secret = 'whsec_test';
  const body = '{"id":"e1","type":"ACT_SIGNED","data":{"total":"1000.00"}}';
  const ts = 1_796_600_000;
  const at = new Date(ts * 1000);

  it('is the hex HMAC-SHA256 of "<timestamp>.<body>" with the secret, prefixed sha256=', () => {
    const expected = createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
    expect(signWebhookBody(secret, ts, body)).toBe(`sha256=${expected}`);
    // a known vector, so a change of scheme cannot pass unnoticed
    expect(signWebhookBody('key', 1, 'x')).toBe('sha256=' + createHmac('sha256', 'key').update('1.x').digest('hex'));
  });

  it('verifies with the same secret, body and timestamp, and nothing else', () => {
    const signature = signWebhookBody(secret, ts, body);
    expect(verifyWebhookSignature(secret, { timestamp: String(ts), signature }, body, at)).toBe(true);
    expect(verifyWebhookSignature('whsec_other', { timestamp: String(ts), signature }, body, at)).toBe(false);
    expect(verifyWebhookSignature(secret, { timestamp: String(ts), signature }, body.replace('1000.00', '1.00'), at)).toBe(false);
    expect(verifyWebhookSignature(secret, { timestamp: String(ts + 1), signature }, body, at)).toBe(false);
    expect(verifyWebhookSignature(secret, { timestamp: String(ts), signature: undefined }, body, at)).toBe(false);
    expect(verifyWebhookSignature(secret, { timestamp: 'soon', signature }, body, at)).toBe(false);
  });

  it('refuses a timestamp outside the replay window (5 minutes by default)', () => {
    const signature = signWebhookBody(secret, ts, body);
    expect(verifyWebhookSignature(secret, { timestamp: String(ts), signature }, body, new Date((ts + 300) * 1000))).toBe(true);
    expect(verifyWebhookSignature(secret, { timestamp: String(ts), signature }, body, new Date((ts + 301) * 1000))).toBe(false);
    expect(verifyWebhookSignature(secret, { timestamp: String(ts), signature }, body, new Date((ts - 301) * 1000))).toBe(false);
  });

  it('makes a new random secret each time', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});

describe('where a webhook may point', () => {
  it('in production: https to a public host only', () => {
    expect(webhookUrlProblem('https://hooks.example.com/in', true)).toBeNull();
    expect(webhookUrlProblem('http://hooks.example.com/in', true)).toBe('SCHEME');
    expect(webhookUrlProblem('https://127.0.0.1/in', true)).toBe('PRIVATE_ADDRESS');
    expect(webhookUrlProblem('https://10.1.2.3/in', true)).toBe('PRIVATE_ADDRESS');
    expect(webhookUrlProblem('https://169.254.169.254/latest/meta-data', true)).toBe('PRIVATE_ADDRESS');
    expect(webhookUrlProblem('https://[::1]/in', true)).toBe('PRIVATE_ADDRESS');
    expect(webhookUrlProblem('https://[fd00::1]/in', true)).toBe('PRIVATE_ADDRESS');
    expect(webhookUrlProblem('https://localhost/in', true)).toBe('PRIVATE_ADDRESS');
    expect(webhookUrlProblem('https://db/in', true)).toBe('PRIVATE_ADDRESS');
    expect(webhookUrlProblem('https://8.8.8.8/in', true)).toBeNull();
  });

  it('in development and tests: http and local receivers too, but never a non-http scheme or credentials', () => {
    expect(webhookUrlProblem('http://127.0.0.1:3000/in', false)).toBeNull();
    expect(webhookUrlProblem('ftp://example.com/in', false)).toBe('SCHEME');
    expect(webhookUrlProblem('not a url', false)).toBe('INVALID');
    expect(webhookUrlProblem('https://user:pw@example.com/in', false)).toBe('CREDENTIALS');
  });

  it('knows the private ranges, IPv4-mapped IPv6 included', () => {
    for (const a of ['127.0.0.1', '10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.1', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1']) {
      expect([a, isPrivateAddress(a)]).toEqual([a, true]);
    }
    for (const a of ['8.8.8.8', '172.32.0.1', '1.1.1.1', '2606:4700::1111', '::ffff:8.8.8.8']) expect([a, isPrivateAddress(a)]).toEqual([a, false]);
  });
});

describe('delivery policy', () => {
  it('retries no answer, 5xx and 429; not other 4xx', () => {
    expect([null, 500, 502, 503, 429].map((status) => retryable({ status }))).toEqual([true, true, true, true, true]);
    expect([400, 401, 404, 410, 422, 301].map((status) => retryable({ status }))).toEqual([false, false, false, false, false, false]);
  });

  it('waits base × 3^(n−1) after the n-th attempt', () => {
    expect([1, 2, 3, 4, 7].map((n) => retryDelaySeconds(30, n))).toEqual([30, 90, 270, 810, 21870]);
    expect(retryDelaySeconds(0, 5)).toBe(0);
  });
});
