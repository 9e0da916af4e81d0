import { TokenService } from '../../src/auth/token';

const SECRET = 'unit-test-secret-of-at-least-32-characters!';
const T0 = Date.parse('2026-12-04T10:00:00.000Z');
const claims = { sub: '7b0c3f9e-1d2a-4c5b-8e6f-0a1b2c3d4e5f', agencyId: '1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b', ver: 3 };

describe('TokenService.verify', () => {
  it('accepts a token it issued, and again from what it remembers, with the same claims', async () => {
    const tokens = new TokenService(SECRET, 60);
    const { token } = await tokens.issue(claims, new Date(T0));
    expect(await tokens.verify(token, T0 + 1000)).toEqual({ ok: true, claims });
    expect(await tokens.verify(token, T0 + 2000)).toEqual({ ok: true, claims });
  });

  it('decides expiry of a remembered token exactly as a first check would, around exp', async () => {
    const remembering = new TokenService(SECRET, 60);
    const { token } = await remembering.issue(claims, new Date(T0));
    await remembering.verify(token, T0);
    for (const ms of [58_999, 59_000, 59_999, 60_000, 60_001, 61_000, 3_600_000]) {
      const fresh = new TokenService(SECRET, 60);
      expect({ ms, answer: await remembering.verify(token, T0 + ms) }).toEqual({ ms, answer: await fresh.verify(token, T0 + ms) });
    }
    expect(await remembering.verify(token, T0 + 60_000)).toEqual({ ok: false, reason: 'Token expired' });
  });

  it('refuses a token changed by one character, although the original is remembered', async () => {
    const tokens = new TokenService(SECRET, 60);
    const { token } = await tokens.issue(claims, new Date(T0));
    await tokens.verify(token, T0);
    const [header, payload, signature] = token.split('.');
    const flipped = signature[0] === 'A' ? 'B' + signature.slice(1) : 'A' + signature.slice(1);
    expect(await tokens.verify(`${header}.${payload}.${flipped}`, T0)).toEqual({ ok: false, reason: 'Invalid token' });
    const otherClaims = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ver: 4 })).toString('base64url');
    expect(await tokens.verify(`${header}.${otherClaims}.${signature}`, T0)).toEqual({ ok: false, reason: 'Invalid token' });
  });

  it("refuses another secret's token", async () => {
    const { token } = await new TokenService('another-secret-of-at-least-32-characters', 60).issue(claims, new Date(T0));
    expect(await new TokenService(SECRET, 60).verify(token, T0)).toEqual({ ok: false, reason: 'Invalid token' });
  });
});
