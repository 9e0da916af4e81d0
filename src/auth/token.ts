import { createSecretKey, type KeyObject } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';

export interface TokenClaims {
  /** user id */
  sub: string;
  agencyId: string;
  /** the user's tokenVersion when the token was issued (absent in tokens from before versions: 0) */
  ver?: number;
}

const ISSUER = 'agency-api';
const AUDIENCE = 'agency-api';
/** signed document links: a token of this audience opens one PDF and is no bearer token */
const DOCUMENT_AUDIENCE = 'document';
/** jose accepts a token without `exp` as never expiring: ours always carry one, so one without it is not ours to honour */
const REQUIRED_CLAIMS = ['exp'];
/** bearer tokens remembered as checked by one process (a few hundred bytes each) */
const MAX_VERIFIED_TOKENS = 10_000;

export interface DocumentLinkClaims {
  /** user id: the link opens the document as this user (who must still see it) */
  sub: string;
  documentId: string;
  /** the user's tokenVersion: a password change or deactivation also retires the user's links */
  ver: number;
}

/** HS256 bearer tokens; the user is looked up on every request (src/auth/token-users.ts), so claims carry only ids. */
export class TokenService {
  /** a KeyObject made once: given bytes, jose makes one on every signature and every check */
  private readonly key: KeyObject;
  /** bearer tokens already checked, oldest first, with their claims and expiry (seconds) */
  private readonly verified = new Map<string, { claims: TokenClaims; exp: number }>();

  constructor(secret: string, private readonly ttlSeconds: number) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  async issue(claims: TokenClaims, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.ttlSeconds;
    const token = await new SignJWT({ agencyId: claims.agencyId, ver: claims.ver ?? 0 })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /**
   * Returns the claims, or a reason the token is not acceptable. A token whose signature and
   * claims were checked is remembered until its `exp` (a session sends the same token with every
   * request; checking it again was a tenth of a small request's work): what can change about an
   * accepted token is only time, checked on every use, and its user, which is not decided here.
   */
  async verify(token: string, now = Date.now()): Promise<{ ok: true; claims: TokenClaims } | { ok: false; reason: string }> {
    const known = this.verified.get(token);
    if (known) {
      // as jose decides it: expired once exp <= now, in whole seconds
      if (known.exp > Math.floor(now / 1000)) return { ok: true, claims: known.claims };
      this.verified.delete(token);
      return { ok: false, reason: 'Token expired' };
    }
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        requiredClaims: REQUIRED_CLAIMS,
        currentDate: new Date(now),
      });
      if (typeof payload.sub !== 'string' || typeof payload.agencyId !== 'string') {
        return { ok: false, reason: 'Malformed token' };
      }
      const ver = payload.ver === undefined ? 0 : payload.ver;
      if (typeof ver !== 'number' || !Number.isInteger(ver)) return { ok: false, reason: 'Malformed token' };
      const claims = { sub: payload.sub, agencyId: payload.agencyId, ver };
      this.verified.set(token, { claims, exp: payload.exp! });
      if (this.verified.size > MAX_VERIFIED_TOKENS) this.verified.delete(this.verified.keys().next().value as string);
      return { ok: true, claims };
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) return { ok: false, reason: 'Token expired' };
      return { ok: false, reason: 'Invalid token' };
    }
  }

  /** A short-lived link token for one document (`/documents/<id>.pdf?token=…`). */
  async issueDocumentLink(claims: DocumentLinkClaims, ttlSeconds: number, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + ttlSeconds;
    const token = await new SignJWT({ doc: claims.documentId, ver: claims.ver })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setAudience(DOCUMENT_AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** The claims of a document link, or why it is not acceptable (expired, invalid, another audience). */
  async verifyDocumentLink(token: string): Promise<{ ok: true; claims: DocumentLinkClaims } | { ok: false; reason: string }> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: DOCUMENT_AUDIENCE, algorithms: ['HS256'], requiredClaims: REQUIRED_CLAIMS });
      const { sub, doc, ver } = payload;
      if (typeof sub !== 'string' || typeof doc !== 'string' || typeof ver !== 'number' || !Number.isInteger(ver)) {
        return { ok: false, reason: 'Malformed token' };
      }
      return { ok: true, claims: { sub, documentId: doc, ver } };
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) return { ok: false, reason: 'Token expired' };
      return { ok: false, reason: 'Invalid token' };
    }
  }
}
