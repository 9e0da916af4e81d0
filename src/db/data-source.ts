import 'reflect-metadata';
import { Client, types, type QueryResult } from 'pg';
import { DataSource, DataSourceOptions, Logger as TypeOrmLogger } from 'typeorm';
import { ENTITIES } from '../entities';
import { MIGRATIONS } from '../../migrations';
import { noteConnectionError } from './availability';
import { inlineParameters } from './inline-parameters';

// Calendar dates stay 'YYYY-MM-DD' strings: turning them into JS Dates at local midnight shifts
// them by the server's offset. numeric already arrives as a string (exact money).
types.setTypeParser(types.builtins.DATE, (v: string) => v);

/**
 * A statement that changes who a bearer token stands for: a write to users (role, client, active,
 * token version, language) or to agencies (their language). Seen by this process's clients, so a
 * cache of token users (src/auth/token-users.ts) can forget what this process itself changed
 * before the change's answer leaves; other processes hear of it through the database (NOTIFY).
 */
const IDENTITY_WRITE = /^\s*(?:UPDATE|DELETE\s+FROM|TRUNCATE)\s+(?:ONLY\s+)?(?:"?public"?\.)?"?(?:users|agencies)"?[\s(;]/i;
const TRANSACTION_END = /^\s*(?:COMMIT|ROLLBACK|END|ABORT)\b/i;
const identityWriteListeners = new Set<() => void>();

/** Calls `listener` when a client of this process has written a row that tokens stand for (and again once its transaction ends). */
export function onIdentityWrite(listener: () => void): () => void {
  identityWriteListeners.add(listener);
  return () => identityWriteListeners.delete(listener);
}

function identityWritten(): void {
  for (const listener of identityWriteListeners) listener();
}

/**
 * The pool's clients, each listening for its own 'error' from birth. pg-pool listens while a
 * client is idle and TypeORM once it holds it, but a fresh connection is handed over inside the
 * driver's read loop: when the server ends the session right after accepting it (a restart,
 * pg_terminate_backend), the FATAL message in the same packet is emitted before TypeORM listens,
 * and an 'error' nobody listens to ends the process. The client is unusable afterwards either way
 * (its next query fails as a lost connection, and the pool drops it on release). It also notes
 * the failure, so that what TypeORM reports in its place is known for an outage (availability.ts).
 */
export class ListeningClient extends Client {
  /** What armSettings armed: the statement expected next, and the message it goes out as. */
  private armed: { text: string; message: string } | null = null;
  /** What armReads armed: reads expected next, each with its message, and those that came. */
  private armedReads: ArmedReads | null = null;
  /** a statement of this client wrote users or agencies, and its transaction may not have ended yet */
  private identityDirty = false;

  constructor(config?: ConstructorParameters<typeof Client>[0]) {
    super(config);
    this.on('error', () => noteConnectionError());
  }

  /**
   * Arms the next `query(text, values)` of this statement on this client (whoever calls it:
   * TypeORM's query runner) to go out as ONE simple-protocol message `settings; statement`, the
   * values inlined (inlineParameters): both run in one implicit transaction, so `set_config(…,
   * true)` settings hold for that statement only, without the round trips of BEGIN and COMMIT.
   * Its answer is the statement's own result. False (nothing armed) when a value has no text form.
   */
  armSettings(settings: string, text: string, values: readonly unknown[] | undefined): boolean {
    const inlined = inlineParameters(text, values);
    if (inlined === null) return false;
    this.armed = { text, message: `${settings}; ${inlined}` };
    return true;
  }

  /** Disarms what armSettings armed and no query consumed (it failed before reaching the client). */
  disarmSettings(): void {
    this.armed = null;
  }

  /**
   * Arms reads that a unit of work has ready at the same time (sibling loaders' batches of one
   * tick: a list's clients and its lines) to go out together: as each `query(text, values)` of
   * them arrives (values matched by identity), it waits; on the next tick every one that arrived
   * goes out in ONE simple-protocol message `settings; read; settings; read…` (one round trip and
   * one implicit transaction for all), and each gets its own result. When that message fails,
   * each read is sent again on its own, so each gets its own error (reads: nothing is done twice
   * that was kept, the failed message having been rolled back as a whole). False (nothing armed)
   * when a value has no text form.
   */
  armReads(settings: string, reads: readonly { text: string; values: readonly unknown[] | undefined }[]): boolean {
    const entries: ArmedRead[] = [];
    for (const r of reads) {
      const inlined = inlineParameters(r.text, r.values);
      if (inlined === null) return false;
      entries.push({ text: r.text, values: r.values, message: `${settings}; ${inlined}`, waiting: null });
    }
    this.armedReads = { entries, scheduled: false, sent: false };
    return true;
  }

  /** Disarms what armReads armed (its reads have all been answered, or failed before reaching the client). */
  disarmReads(): void {
    this.armedReads = null;
  }

  private takeArmedRead(args: unknown[]): Promise<QueryResult> | null {
    const group = this.armedReads;
    if (group === null || typeof args[1] === 'function' || typeof args[2] === 'function') return null;
    const entry = group.entries.find((e) => e.waiting === null && e.text === args[0] && e.values === args[1]);
    if (!entry) return null;
    return new Promise<QueryResult>((resolve, reject) => {
      entry.waiting = { resolve, reject };
      // later than the others (it never is: they all come within the tick): alone, settings and all
      if (group.sent) return void this.sendAlone(entry);
      if (!group.scheduled) {
        group.scheduled = true;
        process.nextTick(() => void this.sendReads(group));
      }
    });
  }

  private async sendAlone(e: ArmedRead): Promise<void> {
    try {
      e.waiting!.resolve(lastResult((await super.query(e.message)) as unknown as QueryResult | QueryResult[]));
    } catch (err) {
      e.waiting!.reject(err);
    }
  }

  private async sendReads(group: ArmedReads): Promise<void> {
    group.sent = true;
    const arrived = group.entries.filter((e) => e.waiting !== null);
    if (arrived.length === 1) return this.sendAlone(arrived[0]);
    let results: QueryResult[] | null = null;
    try {
      const r = (await super.query(arrived.map((e) => e.message).join('; '))) as unknown as QueryResult[];
      // two results a read: its settings', then its own
      if (Array.isArray(r) && r.length === arrived.length * 2) results = r;
    } catch {
      results = null;
    }
    if (results) arrived.forEach((e, i) => e.waiting!.resolve(results![i * 2 + 1]));
    else for (const e of arrived) await this.sendAlone(e);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const read = this.armedReads === null ? null : this.takeArmedRead(args);
    if (read !== null) return read;
    const text: unknown = typeof args[0] === 'string' ? args[0] : args[0]?.text;
    const armed = this.armed;
    let result: unknown;
    let implicit = false;
    if (armed !== null) {
      this.armed = null;
      if (args[0] === armed.text && typeof args[1] !== 'function' && typeof args[2] !== 'function') {
        implicit = true;
        result = (super.query(armed.message) as unknown as Promise<QueryResult | QueryResult[]>).then(lastResult);
      }
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    if (!implicit) result = (super.query as any)(...args);
    if (typeof text === 'string' && IDENTITY_WRITE.test(text)) this.identityDirty = true;
    if (this.identityDirty && result instanceof Promise) {
      // told when the statement is done, and again after each later one until its transaction is
      // over: a statement that went out alone (armed) was its own transaction
      const ended = implicit || (typeof text === 'string' && TRANSACTION_END.test(text));
      const done = () => {
        if (ended) this.identityDirty = false;
        identityWritten();
      };
      result.then(done, done);
    }
    return result;
  }
}

/** A multi-statement simple query answers one result per statement: the statement's is the last. */
function lastResult(r: QueryResult | QueryResult[]): QueryResult {
  return Array.isArray(r) ? r[r.length - 1] : r;
}

interface ArmedRead {
  text: string;
  values: readonly unknown[] | undefined;
  message: string;
  waiting: { resolve: (r: QueryResult) => void; reject: (err: unknown) => void } | null;
}

interface ArmedReads {
  entries: ArmedRead[];
  scheduled: boolean;
  /** the message went out: a read that comes now goes alone */
  sent: boolean;
}

export interface DataSourceSettings {
  url: string;
  poolSize?: number;
  logger?: TypeOrmLogger;
  applicationName?: string;
  /**
   * PostgreSQL statement_timeout of every connection of the pool, sent by pg in the startup
   * message (no SET, so nothing leaks through a transaction-mode pooler); 0 or absent: none
   */
  statementTimeoutMs?: number;
}

export function dataSourceOptions(s: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: s.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'all',
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built into PostgreSQL 13+ and PGlite; uuid-ossp is not in PGlite
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: s.logger ? ['query', 'error', 'warn'] : ['error'],
    logger: s.logger,
    extra: {
      max: s.poolSize ?? 10,
      application_name: s.applicationName ?? 'agency-api',
      connectionTimeoutMillis: 10_000,
      Client: ListeningClient,
      ...(s.statementTimeoutMs ? { statement_timeout: s.statementTimeoutMs } : {}),
    },
  };
}

export function createDataSource(s: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(s));
}
