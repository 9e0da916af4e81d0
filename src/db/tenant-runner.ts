import type { PoolClient } from 'pg';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../../migrations/1796700000900-RowLevelSecurity';
import { PORTAL_ROLE } from '../../migrations/1796900000100-PortalRowSecurity';
import { ListeningClient } from './data-source';

/**
 * One agency's unit of work on the database, behind the second wall (row-level security): every
 * statement runs inside a transaction that first switched to the role agency_app (no superuser,
 * no BYPASSRLS) and set `app.agency_id`, both with `set_config(…, true)`, i.e. for that
 * transaction only. Nothing stays on the connection after COMMIT, so it is safe behind PgBouncer
 * in transaction mode, and the wall holds whoever the app connects as.
 *
 * `manager` is a TypeORM manager bound to one query runner; contexts derived from the one that
 * owns the unit share it. Outside a write transaction, every statement goes out as one
 * simple-protocol message `SELECT set_config(…); statement` (its values inlined as literals,
 * ListeningClient.armSettings): one implicit transaction, one round trip, where BEGIN with the
 * settings, the statement and COMMIT took three. A statement is its own snapshot either way (READ
 * COMMITTED), and a write outside a write transaction commits at once, as it would alone. The
 * rare statement with a value that has no text form (a Buffer) runs in a transaction of its own.
 * - holdReads (a GraphQL request): the connection stays with the unit between statements until
 *   `end()` (when the response is sent or the request closes), so a request takes one from the
 *   pool once. A write transaction (withTransaction) runs on it; after-commit work runs after its
 *   COMMIT.
 * - otherwise (jobs, scheduled sweeps, work that outlives a request): the connection is held only
 *   while a statement or a write transaction runs (no end to forget).
 *
 * The BEGIN/COMMIT of the fallback's transactions go to the connection directly (TypeORM's query
 * log never sees them); those of write transactions are logged, one each, as TypeORM's own START
 * TRANSACTION and COMMIT were.
 */
export interface TenantUnit {
  readonly manager: EntityManager;
  /** Commits the open read transaction, if any, and gives the connection back; later statements run one transaction each. */
  end(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The TypeORM internals of PostgresQueryRunner this module manages (typeorm 0.3). */
interface RunnerInternals extends Omit<QueryRunner, 'isTransactionActive'> {
  isTransactionActive: boolean;
  databaseConnection?: PoolClient;
  databaseConnectionPromise?: Promise<PoolClient>;
  releaseCallback?: (err?: unknown) => void;
  transactionDepth: number;
  connect(): Promise<PoolClient>;
  driver: { connectedQueryRunners: QueryRunner[] };
}

const units = new WeakMap<EntityManager, TenantUnit>();

/** A statement a unit may send together with its neighbours: a plain read. */
const READ = /^\s*SELECT\b/i;

/** A statement (or BEGIN, COMMIT, end) waiting its turn in a unit; `read` when it is a read that may go out with others. */
interface Job {
  fn: () => Promise<unknown>;
  read: { sql: string; parameters: unknown[] | undefined; structured: boolean } | null;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/**
 * The statement that opens a tenant transaction: the role, the agency and, for a portal user's
 * work, the role agency_portal and the client (the portal policy:
 * migrations/1796900000100-PortalRowSecurity.ts), in one round trip.
 */
export function tenantBegin(agencyId: string, prefix = 'BEGIN', clientId: string | null = null): string {
  return `${prefix}; ${tenantSettings(agencyId, clientId)}`;
}

/** The settings of a tenant transaction (tenantBegin without the BEGIN), for the transaction they run in. */
export function tenantSettings(agencyId: string, clientId: string | null = null): string {
  // inlined (a multi-statement string takes no bind parameters): only ever a validated uuid
  if (!UUID.test(agencyId)) throw new Error('tenant transaction: the agency id is not a uuid');
  if (clientId !== null && !UUID.test(clientId)) throw new Error('tenant transaction: the client id is not a uuid');
  // a portal user's work runs as agency_portal, the role the portal policy binds
  const role = clientId ? PORTAL_ROLE : APP_ROLE;
  const client = clientId ? `, set_config('app.client_id', '${clientId}', true)` : '';
  return `SELECT set_config('role', '${role}', true), set_config('app.agency_id', '${agencyId}', true)${client}`;
}

/**
 * `clientId`: the portal user's client, when the unit works for one; PostgreSQL then shows and
 * takes only that client's rows of every table with a client (a second wall behind the scope
 * module's portal conditions). Null for the agency's staff and for system work.
 */
export function openTenantUnit(dataSource: DataSource, agencyId: string, opts: { holdReads: boolean; clientId?: string | null }): TenantUnit {
  const clientId = opts.clientId ?? null;
  const settings = tenantSettings(agencyId, clientId);
  const begin = tenantBegin(agencyId, 'BEGIN', clientId);
  const qr = dataSource.createQueryRunner() as unknown as RunnerInternals;
  const query = qr.query.bind(qr);
  const startTransaction = qr.startTransaction.bind(qr);
  const commitTransaction = qr.commitTransaction.bind(qr);
  const rollbackTransaction = qr.rollbackTransaction.bind(qr);
  let holdReads = opts.holdReads;
  let state: 'none' | 'read' | 'write' = 'none';
  // statements of parallel resolvers queue here (pg would queue them anyway), so that opening,
  // ending and rolling back a read transaction never interleave with another statement. The queue
  // is worked from the next tick on, so that sibling loaders' reads of one tick (a list's clients
  // and its lines) are all in it; reads next to each other outside a write transaction go out
  // together (readTogether), everything else one at a time, in order.
  const jobs: Job[] = [];
  let working = false;
  const work = async (): Promise<void> => {
    while (jobs.length > 0) {
      const job = jobs.shift()!;
      if (job.read && state === 'none' && jobs[0]?.read) {
        const group = [job];
        while (jobs[0]?.read) group.push(jobs.shift()!);
        // settles each of them; should it throw, those not yet answered get the error (the others keep theirs)
        await readTogether(group).catch((err) => group.forEach((j) => j.reject(err)));
      } else {
        await job.fn().then(job.resolve, job.reject);
      }
    }
    working = false;
  };
  const serial = <R>(fn: () => Promise<R>, read: Job['read'] = null): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      jobs.push({ fn, read, resolve: resolve as (v: unknown) => void, reject });
      if (!working) {
        working = true;
        process.nextTick(() => void work());
      }
    });
  const raw = async (sql: string): Promise<void> => {
    await (await qr.connect()).query(sql);
  };
  /** Gives the connection back to the pool; the runner stays usable and takes one again when needed. */
  const detach = (err?: unknown): void => {
    const release = qr.releaseCallback;
    qr.releaseCallback = undefined;
    // TypeORM's callback reads the connection: released before it is forgotten
    release?.(err);
    qr.databaseConnection = undefined;
    qr.databaseConnectionPromise = undefined;
    const i = qr.driver.connectedQueryRunners.indexOf(qr);
    if (i !== -1) qr.driver.connectedQueryRunners.splice(i, 1);
  };
  /** Ends the read transaction (COMMIT, or ROLLBACK after a failed statement); a broken connection is destroyed, not pooled. */
  const closeRead = async (how: 'COMMIT' | 'ROLLBACK', keep: boolean): Promise<void> => {
    state = 'none';
    try {
      await raw(how);
    } catch (err) {
      detach(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    if (!keep) detach();
  };

  /** Reads queued next to each other, outside a write transaction: one message for all (ListeningClient.armReads). */
  const readTogether = async (group: Job[]): Promise<void> => {
    let client: PoolClient;
    try {
      client = await qr.connect();
    } catch (err) {
      for (const job of group) job.reject(err);
      return;
    }
    if (!(client instanceof ListeningClient) || !client.armReads(settings, group.map((j) => ({ text: j.read!.sql, values: j.read!.parameters })))) {
      for (const job of group) await job.fn().then(job.resolve, job.reject);
      return;
    }
    const settled = await Promise.allSettled(group.map((j) => query(j.read!.sql, j.read!.parameters, j.read!.structured as true)));
    client.disarmReads();
    // as one read alone: a failed statement gives its (sound or broken) connection back
    if (settled.some((s) => s.status === 'rejected') || (!holdReads && qr.databaseConnection)) detach();
    settled.forEach((s, i) => (s.status === 'fulfilled' ? group[i].resolve(s.value) : group[i].reject(s.reason)));
  };

  qr.query = ((sql: string, parameters?: unknown[], structured = false) =>
    serial(async () => {
      if (state === 'none') {
        // outside a write transaction: the settings and the statement in one message (no BEGIN/COMMIT)
        const client = await qr.connect();
        if (client instanceof ListeningClient && client.armSettings(settings, sql, parameters)) {
          try {
            return await query(sql, parameters, structured as true);
          } catch (err) {
            // pg-pool drops a connection that broke on release; a failed statement leaves a sound one clean
            detach();
            throw err;
          } finally {
            client.disarmSettings();
            if (!holdReads && qr.databaseConnection) detach();
          }
        }
        await raw(begin);
        state = 'read';
      }
      try {
        return await query(sql, parameters, structured as true);
      } catch (err) {
        if (state === 'read') await closeRead('ROLLBACK', holdReads);
        throw err;
      } finally {
        // a statement whose values cannot be inlined ran in a transaction of its own
        if (state === 'read') await closeRead('COMMIT', holdReads);
      }
    }, READ.test(sql) ? { sql, parameters, structured: structured === true } : null)) as QueryRunner['query'];

  qr.startTransaction = async (isolation) => {
    if (qr.transactionDepth > 0) return startTransaction(isolation); // a savepoint
    if (isolation) throw new Error('tenant transactions run at the default isolation level');
    await serial(async () => {
      await query(begin);
      state = 'write';
      qr.isTransactionActive = true;
      qr.transactionDepth = 1;
    });
  };
  const finish = (how: 'COMMIT' | 'ROLLBACK') =>
    serial(async () => {
      state = 'none';
      qr.isTransactionActive = false;
      qr.transactionDepth = 0;
      try {
        await query(how);
      } catch (err) {
        detach(err);
        throw err;
      }
      detach();
    });
  qr.commitTransaction = async () => (qr.transactionDepth > 1 ? commitTransaction() : finish('COMMIT'));
  qr.rollbackTransaction = async () => (qr.transactionDepth > 1 ? rollbackTransaction() : finish('ROLLBACK'));
  const unit: TenantUnit = {
    manager: qr.manager,
    end: () =>
      serial(async () => {
        holdReads = false;
        // a fallback's transaction never outlives its statement: only the connection is left to give back
        if (state === 'none') detach();
        // 'write': a transaction still running is finished by its own commit or rollback
      }),
  };
  // TypeORM releases only runners it created itself; should anything release this one, it ends the unit
  qr.release = () => unit.end();
  units.set(qr.manager, unit);
  return unit;
}

/** The unit whose manager this is (a request's), or undefined for the pool's manager. */
export function tenantUnitOf(manager: EntityManager): TenantUnit | undefined {
  return units.get(manager);
}
