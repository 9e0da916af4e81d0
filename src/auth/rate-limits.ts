import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { withUnnamedStatements } from '../db/unnamed-statements';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config';
import { RetryLaterError } from '../errors';

/** The table the migration RateLimits1796700000200 creates; every limiter keeps its counters there under its own prefix. */
const TABLE = 'rate_limits';
/** a run of failures is forgotten after a day without one */
const FAILURE_MEMORY_SECONDS = 24 * 3600;

/**
 * Seconds the k-th attempt beyond the free ones waits after the previous one: 1, 2, 4, … up to
 * `max`. Doubling keeps a person who mistyped a few times waiting seconds, while a guesser's
 * 200th try waits the cap.
 */
export function backoffSeconds(k: number, max: number): number {
  return Math.min(max, 2 ** Math.min(Math.max(k - 1, 0), 30));
}

/** A stored key for an email (hashed: the table holds no addresses in clear, and fits any length). */
function emailKey(email: string): string {
  return createHash('sha256').update(email, 'utf8').digest('base64url');
}

function isRefusal(err: unknown): err is RateLimiterRes {
  return err instanceof RateLimiterRes;
}

/** What the limiter counted for one login attempt, to be settled when the answer is known. */
export interface LoginAttempt {
  address: string;
  email: string;
}

/**
 * Login and sign-up limits, kept in PostgreSQL so that every API process sees the same counts.
 * Each check is one statement on the pool (no connection is held between them, so a pool of one,
 * the embedded database's, never waits on itself). Attempts are counted *before* a password is
 * checked: a burst of concurrent guesses cannot pass together while the first ones are verified.
 */
export class AuthLimits {
  /** failures (and attempts in flight) of one address over all emails; a success gives its point back */
  private readonly perAddress: RateLimiterPostgres;
  /** consecutive attempts of one email from one address, and of one email from anywhere */
  private readonly perEmailAddress: RateLimiterPostgres;
  private readonly perEmail: RateLimiterPostgres;
  /** one attempt per back-off window once the free attempts are spent (its duration is set per call) */
  private readonly gate: RateLimiterPostgres;
  private readonly signups: RateLimiterPostgres;
  private readonly resetsPerAddress: RateLimiterPostgres;
  private readonly resetsPerEmail: RateLimiterPostgres;
  private readonly pool: Pool;

  constructor(dataSource: DataSource, private readonly config: AppConfig) {
    // the pg Pool behind TypeORM: each call checks a connection out for one statement only
    const storeClient = withUnnamedStatements((dataSource.driver as unknown as { master: Pool }).master);
    this.pool = storeClient;
    const base = { storeClient, storeType: 'pool', tableName: TABLE, tableCreated: true };
    this.perAddress = new RateLimiterPostgres({
      ...base,
      keyPrefix: 'login-address',
      points: config.loginFailuresPerHourPerAddress,
      duration: 3600,
      blockDuration: 3600,
    });
    // counters only: they never refuse by themselves (the gate does), hence the huge points
    this.perEmailAddress = new RateLimiterPostgres({ ...base, keyPrefix: 'login-email-address', points: 2 ** 30, duration: FAILURE_MEMORY_SECONDS, clearExpiredByTimeout: false });
    this.perEmail = new RateLimiterPostgres({ ...base, keyPrefix: 'login-email', points: 2 ** 30, duration: FAILURE_MEMORY_SECONDS, clearExpiredByTimeout: false });
    this.gate = new RateLimiterPostgres({ ...base, keyPrefix: 'login-gate', points: 1, duration: 1, clearExpiredByTimeout: false });
    this.signups = new RateLimiterPostgres({ ...base, keyPrefix: 'signup-address', points: config.signupPerHourPerAddress, duration: 3600, clearExpiredByTimeout: false });
    this.resetsPerAddress = new RateLimiterPostgres({ ...base, keyPrefix: 'reset-address', points: config.passwordResetPerHourPerAddress, duration: 3600, clearExpiredByTimeout: false });
    this.resetsPerEmail = new RateLimiterPostgres({ ...base, keyPrefix: 'reset-email', points: config.passwordResetPerHourPerEmail, duration: 3600, clearExpiredByTimeout: false });
  }

  /**
   * Counts a login attempt of `email` from `address`, or refuses it (TOO_MANY_ATTEMPTS) without
   * looking at the password: too many failures from the address, or a run of failures of the
   * email (from this address, or from anywhere) whose back-off has not passed.
   */
  async beginLogin(email: string, address: string): Promise<LoginAttempt> {
    const refuse = (ms: number) => new RetryLaterError('TOO_MANY_ATTEMPTS', 'errors.tooManyAttempts.login', ms);
    try {
      await this.perAddress.consume(address);
    } catch (err) {
      if (isRefusal(err)) throw refuse(err.msBeforeNext);
      throw err;
    }
    const hashed = emailKey(email);
    // the address's own run first: one address's flood is stopped there and never counts
    // against the account as a whole, so it cannot lock its owner out everywhere
    await this.passGate(this.perEmailAddress, `${hashed}:${address}`, this.config.loginFreeAttempts, refuse);
    await this.passGate(this.perEmail, hashed, this.config.loginFreeAttemptsPerEmail, refuse);
    return { address, email };
  }

  private async passGate(counter: RateLimiterPostgres, key: string, free: number, refuse: (ms: number) => Error): Promise<void> {
    const n = (await counter.consume(key)).consumedPoints;
    if (n <= free) return;
    const wait = backoffSeconds(n - free, this.config.loginBackoffMaxSeconds);
    try {
      // the first attempt of a window passes and opens it; the others wait for it to close
      await this.gate.consume(`${counter.keyPrefix}:${key}`, 1, { customDuration: wait });
    } catch (err) {
      if (isRefusal(err)) throw refuse(err.msBeforeNext);
      throw err;
    }
  }

  /** The password was right: the runs of failures end and the address gets its point back. */
  async loginSucceeded(attempt: LoginAttempt): Promise<void> {
    const hashed = emailKey(attempt.email);
    const emailAddress = `${hashed}:${attempt.address}`;
    // every login passes here: the four counters go in one statement (keys as the limiters store them)
    const keys = [
      this.perEmailAddress.getKey(emailAddress),
      this.perEmail.getKey(hashed),
      this.gate.getKey(`${this.perEmailAddress.keyPrefix}:${emailAddress}`),
      this.gate.getKey(`${this.perEmail.keyPrefix}:${hashed}`),
    ];
    await Promise.all([this.perAddress.reward(attempt.address, 1), this.pool.query(`DELETE FROM "${TABLE}" WHERE key = ANY($1)`, [keys])]);
  }

  /**
   * Counts a request for a password-reset email to `email` from `address`, or refuses it
   * (RATE_LIMITED): the address's requests over all emails (one sender cannot mail-bomb many
   * inboxes), then the email's from anywhere (nor one inbox). Counted for every email alike, an
   * account or not, so a refusal tells nothing about the email.
   */
  async beginPasswordReset(email: string, address: string): Promise<void> {
    try {
      await this.resetsPerAddress.consume(address);
      await this.resetsPerEmail.consume(emailKey(email));
    } catch (err) {
      if (isRefusal(err)) throw new RetryLaterError('RATE_LIMITED', 'errors.rateLimited.passwordReset', err.msBeforeNext);
      throw err;
    }
  }

  /** Counts a sign-up from the address, or refuses it (RATE_LIMITED). */
  async beginSignup(address: string): Promise<void> {
    try {
      await this.signups.consume(address);
    } catch (err) {
      if (isRefusal(err)) throw new RetryLaterError('RATE_LIMITED', 'errors.rateLimited.signup', err.msBeforeNext);
      throw err;
    }
  }
}
