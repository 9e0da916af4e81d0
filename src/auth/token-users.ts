import { randomUUID } from 'node:crypto';
import { Client, type Notification } from 'pg';
import { onIdentityWrite } from '../db/data-source';
import type { Logger } from '../logger';
import type { TokenUser } from '../services/before-agency';

/** The channel the database's triggers notify (migrations/1797000000000-TokenUserNotices.ts). */
export const TOKEN_USER_CHANNEL = 'app_token_users';

/** How often the listening connection proves that it still hears notices, and how long a proof may take. */
const PROBE_EVERY_MS = 30_000;
const PROBE_TIMEOUT_MS = 3_000;
const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 30_000;

export interface TokenUserCacheOptions {
  /** the session connection to LISTEN on (never through a transaction-mode pooler) */
  url: string | null;
  /** how long an entry is kept at most; 0: nothing is kept */
  ttlMs: number;
  /** most users kept (the oldest entry goes first) */
  maxEntries?: number;
  logger: Logger;
  /** sends NOTIFY from another session than the listening one (the app's pool): the proof that notices arrive */
  notify(payload: string): Promise<void>;
}

interface Entry {
  user: TokenUser;
  at: number;
}

/**
 * The users bearer tokens name, kept by this node between requests, so an authenticated request
 * does not start with a round trip for its user. Correct across nodes because it is kept only
 * while this node hears the database: a trigger on users and agencies notifies every change that
 * matters to a token (migrations/1797000000000-TokenUserNotices.ts), and every node forgets that
 * user (or everything, for an agency's language) when told.
 *
 * - Live only after LISTEN succeeded and a notice sent from another session came back on it, and
 *   again every 30 s: a connection that cannot hear (a transaction-mode pooler, a connection lost
 *   without an error) turns the cache off and reconnects; while off, every request reads its user.
 * - A change made by this process is forgotten at once (its client saw the statement), before the
 *   change's answer is sent: the next request, wherever it goes on this node, reads it afresh.
 * - A read that started before a notice is not kept (an epoch counts what was forgotten).
 * - Entries older than the TTL are read again: the bound on what an unheard notice could cost.
 * - Only users that exist are kept (a token naming no user reads every time: no memory for junk).
 */
export class TokenUserCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private live = false;
  private epoch = 0;
  private stopped = true;
  private client: Client | null = null;
  private retryMs = RECONNECT_MIN_MS;
  private timer: NodeJS.Timeout | null = null;
  private probes = new Map<string, () => void>();
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly opts: TokenUserCacheOptions) {
    this.maxEntries = opts.maxEntries ?? 10_000;
  }

  /** True while entries are kept and served (the listening connection hears notices). */
  get isLive(): boolean {
    return this.live;
  }

  /** Starts listening (in the background: the cache turns on once the first proof came back). */
  start(): void {
    if (!this.stopped || this.opts.ttlMs <= 0 || !this.opts.url) return;
    this.stopped = false;
    this.unsubscribe = onIdentityWrite(() => this.forgetAll());
    void this.connect();
  }

  /** Stops listening and forgets everything. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.down();
  }

  /** The user `userId` names: kept, or read by `load` (and kept when nothing was forgotten meanwhile). */
  async get(userId: string, load: () => Promise<TokenUser | null>): Promise<TokenUser | null> {
    if (!this.live) return load();
    const now = Date.now();
    const entry = this.entries.get(userId);
    if (entry && now - entry.at < this.opts.ttlMs) return entry.user;
    const epoch = this.epoch;
    const user = await load();
    if (user && this.live && this.epoch === epoch) {
      this.entries.delete(userId);
      this.entries.set(userId, { user, at: now });
      if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    }
    return user;
  }

  private forget(userId: string): void {
    this.epoch++;
    this.entries.delete(userId);
  }

  private forgetAll(): void {
    this.epoch++;
    this.entries.clear();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.opts.url!, application_name: 'agency-api-listener' });
    this.client = client;
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, null));
    client.on('notification', (n) => this.heard(n));
    try {
      await client.connect();
      await client.query(`LISTEN ${TOKEN_USER_CHANNEL}`);
      await this.prove(client);
      if (this.client !== client || this.stopped) return;
      this.forgetAll();
      this.live = true;
      this.retryMs = RECONNECT_MIN_MS;
      this.schedule(PROBE_EVERY_MS, () => void this.reprove(client));
    } catch (err) {
      this.lost(client, err);
    }
  }

  /** Resolves once a notice sent from another session arrived on `client`; rejects after the timeout. */
  private prove(client: Client): Promise<void> {
    const id = `probe:${randomUUID()}`;
    return new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => {
        this.probes.delete(id);
        reject(new Error('no notice arrived on the listening connection'));
      }, PROBE_TIMEOUT_MS);
      timeout.unref();
      this.probes.set(id, () => {
        clearTimeout(timeout);
        this.probes.delete(id);
        resolve();
      });
      this.opts.notify(id).catch((err) => {
        clearTimeout(timeout);
        this.probes.delete(id);
        reject(err);
      });
    });
  }

  private async reprove(client: Client): Promise<void> {
    if (this.client !== client || this.stopped) return;
    try {
      await this.prove(client);
      this.schedule(PROBE_EVERY_MS, () => void this.reprove(client));
    } catch (err) {
      this.lost(client, err);
    }
  }

  private heard(n: Notification): void {
    if (n.channel !== TOKEN_USER_CHANNEL) return;
    const payload = n.payload ?? '*';
    if (payload.startsWith('probe:')) return void this.probes.get(payload)?.();
    if (payload === '*') this.forgetAll();
    else this.forget(payload);
  }

  /** The listening connection failed or cannot hear: off, forget, and try again later. */
  private lost(client: Client, err: unknown): void {
    if (this.client !== client) return;
    if (this.live) this.opts.logger.warn({ err }, 'token user cache: lost the listening connection; users are read on every request until it is back');
    void this.down();
    if (this.stopped) return;
    this.schedule(this.retryMs, () => void this.connect());
    this.retryMs = Math.min(RECONNECT_MAX_MS, this.retryMs * 2);
  }

  private async down(): Promise<void> {
    this.live = false;
    this.forgetAll();
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('notification');
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }

  private schedule(ms: number, fn: () => void): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(fn, ms);
    this.timer.unref();
  }
}
