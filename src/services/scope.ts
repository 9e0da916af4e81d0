import { AsyncLocalStorage } from 'node:async_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import { isUUID } from 'class-validator';
import type DataLoader from 'dataloader';
import type { DeepPartial, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { Agency } from '../entities/agency.entity';
import { AgencyRequisites } from '../entities/requisites.entity';
import { DocumentCounter } from '../entities/document-counter.entity';
import { newContext, noUsage, type Actor, type AppServices, type AuthedContext, type RequestContext } from '../context';
import { Locale, UserRole } from '../entities/enums';
import { portalScopeOf } from '../entities/portal-scope';
import { ForbiddenError, NotFoundError, RequestTimeoutError, UnauthenticatedError } from '../errors';
import { withColumnScales } from './money/format';
import { leanMany, leanRows } from '../db/lean-rows';
import { openTenantUnit, tenantUnitOf, type TenantUnit } from '../db/tenant-runner';
import { APP_ROLE } from '../../migrations/1796700000900-RowLevelSecurity';
import { agencyList, agencyOwners } from './before-agency';

export interface TenantRow extends ObjectLiteral {
  id: string;
  agencyId: string;
}

/**
 * The one place that knows tenancy. Every read adds the actor's agency, and for a client-portal
 * user also its client (through the entity's @PortalScope column; entities without one are
 * invisible to portal users). Every write stamps or checks the agency. No other code writes a
 * tenant condition by hand.
 */
export class ScopedRepository<T extends TenantRow> {
  constructor(
    private readonly ctx: RequestContext,
    private readonly entity: EntityTarget<T> & Function,
    private readonly opts: ScopeOptions = {},
  ) {}

  private get actor(): Actor {
    const actor = this.ctx.actor;
    if (!actor) throw new UnauthenticatedError(this.ctx.authError ?? undefined);
    return actor;
  }

  private get name(): string {
    return this.entity.name;
  }

  /** A query builder already narrowed to what the actor may see. */
  query(alias = 'e'): SelectQueryBuilder<T> {
    assertUsable(this.ctx);
    const actor = this.actor;
    return this.narrowed(alias, actor.agencyId, this.portalKind(actor) === 'client' ? actor.clientId : null);
  }

  /** How a portal user's reads are narrowed: to its client, to nothing (no rule, no client), or not at all (staff). */
  private portalKind(actor: Actor): 'client' | 'none' | 'staff' {
    if (actor.role !== UserRole.CLIENT || this.opts.beyondPortal) return 'staff';
    return portalScopeOf(this.entity) && actor.clientId ? 'client' : 'none';
  }

  private narrowed(alias: string, agencyId: unknown, clientId: unknown): SelectQueryBuilder<T> {
    const qb = this.ctx.manager.getRepository(this.entity).createQueryBuilder(alias);
    qb.where(`${alias}."agencyId" = :__agencyId`, { __agencyId: agencyId });
    const kind = this.portalKind(this.actor);
    if (kind === 'none') qb.andWhere('1 = 0');
    if (kind === 'client') {
      const rule = portalScopeOf(this.entity)!;
      qb.andWhere(`${alias}."${rule.column}" = :__portalClientId`, { __portalClientId: clientId });
      if (rule.where) qb.andWhere(rule.where(alias));
    }
    return qb;
  }

  /**
   * The rows whose `column` is one of `values` (alias `x` in `where` and `order`), through the
   * same scope as query(), in the given order and then by id; only `columns` when given (row
   * projection). The loaders' read: its statement is built by the query builder once per entity
   * and shape and then reused with the request's agency, client and values (building it anew
   * was ~7 % of a nested list's CPU). Rows as leanMany's.
   */
  async rowsIn(column: string & keyof T, values: readonly string[], shape: RowsInShape = {}): Promise<T[]> {
    assertUsable(this.ctx);
    const actor = this.actor;
    const kind = this.portalKind(actor);
    const key = [kind, column, shape.order?.join(',') ?? '', shape.where ?? '', shape.columns?.join(',') ?? '*'].join('\u0000');
    // per data source (its metadata), then entity and shape
    const source = this.ctx.manager.connection;
    let byEntity = statements.get(source);
    if (!byEntity) statements.set(source, (byEntity = new Map()));
    let byKey = byEntity.get(this.entity);
    if (!byKey) byEntity.set(this.entity, (byKey = new Map()));
    let statement = byKey.get(key);
    if (!statement) {
      statement = this.rowsInStatement(column, shape);
      // projected columns come from the documents clients send: kept up to a bound, built afresh beyond it
      if (byKey.size < MAX_STATEMENTS_PER_ENTITY) byKey.set(key, statement);
    }
    const params = statement.params.map((p) => (p === AGENCY ? actor.agencyId : p === CLIENT ? actor.clientId : p === VALUES ? values : p.value));
    const raw = (await this.ctx.manager.query(statement.sql, params)) as Record<string, unknown>[];
    return leanRows<T>(raw, statement.metadata, 'x', this.ctx.manager.connection.driver, shape.columns ?? null);
  }

  private rowsInStatement(column: string, shape: RowsInShape): RowsInStatement {
    // built with stand-ins for the values a request gives, found again among the parameters by identity
    const agency = {};
    const client = {};
    const values = {};
    const qb = this.narrowed('x', agency, client).andWhere(`x."${column}" = ANY(:__values)`, { __values: values });
    if (shape.where) qb.andWhere(shape.where);
    for (const o of shape.order ?? []) {
      const [name, dir] = o.split(' ');
      qb.addOrderBy(`x."${name}"`, dir === 'DESC' ? 'DESC' : 'ASC');
    }
    qb.addOrderBy('x.id', 'ASC');
    if (shape.columns) qb.select(shape.columns.map((c) => `x.${c}`));
    const [sql, given] = qb.getQueryAndParameters();
    const params = given.map((p: unknown) => (p === agency ? AGENCY : p === client ? CLIENT : p === values ? VALUES : { value: p }));
    return { sql, params, metadata: qb.expressionMap.mainAlias!.metadata };
  }

  /**
   * null for a malformed id, a missing row, another agency's row or one outside the portal. The
   * row comes as the loaders' rows do (leanMany: a plain object with the entity's properties).
   */
  async findById(id: string, opts: { lock?: boolean } = {}): Promise<T | null> {
    if (!isUUID(id)) return null;
    // a read: rowsIn's statement, built once (building one per call was ~4 % of a portal chart read's CPU)
    if (!opts.lock) return (await this.rowsIn('id' as string & keyof T, [id]))[0] ?? null;
    const qb = this.query('e').andWhere('e.id = :__id', { __id: id });
    qb.setLock('pessimistic_write');
    return (await leanMany(qb))[0] ?? null;
  }

  /** Like findById, but NOT_FOUND (naming the input field at fault) when not visible. */
  async getById(id: string, field = 'id', opts: { lock?: boolean } = {}): Promise<T> {
    const row = await this.findById(id, opts);
    if (!row) throw new NotFoundError(this.name, field);
    return row;
  }

  async findByIds(ids: readonly string[]): Promise<T[]> {
    const valid = ids.filter((id) => isUUID(id));
    if (valid.length === 0) return [];
    return this.query('e').andWhere('e.id IN (:...__ids)', { __ids: valid }).getMany();
  }

  /** Inserts a row owned by the actor's agency. Portal users write only where a service allows it. */
  async insert(values: DeepPartial<T>, opts: { allowPortal?: boolean } = {}): Promise<T> {
    const actor = this.writer(opts.allowPortal);
    const repo = this.ctx.manager.getRepository(this.entity);
    const row = repo.create({ ...withColumnScales(repo.metadata, values as object), agencyId: actor.agencyId } as DeepPartial<T>);
    return repo.save(row);
  }

  /**
   * Applies a patch to a row previously loaded through this helper: one UPDATE of the changed
   * columns (no re-read), and the row object is patched in memory to match. With `onlyIf`, the
   * row is changed only while it still has those values (the in-memory row is patched anyway).
   */
  async update(row: T, patch: DeepPartial<T>, opts: { allowPortal?: boolean; onlyIf?: Partial<T> } = {}): Promise<T> {
    const actor = this.writer(opts.allowPortal);
    if (row.agencyId !== actor.agencyId) throw new NotFoundError(this.name);
    const repo = this.ctx.manager.getRepository(this.entity);
    const values: Record<string, unknown> = withColumnScales(repo.metadata, patch as object);
    delete values.id;
    delete values.agencyId;
    const stamp = repo.metadata.updateDateColumn;
    const set: Record<string, unknown> = { ...values };
    // the row's version (what caches of computed reads are keyed by, e.g. a campaign's KPIs): now,
    // but always later than the stamp it replaces, so that no two versions of a row share one
    // even when two writes fall in the same millisecond or two API nodes' clocks disagree
    if (stamp) set[stamp.propertyName] = () => `GREATEST(CAST(:__stamp AS timestamptz), "${stamp.databaseName}" + interval '1 millisecond')`;
    const qb = repo
      .createQueryBuilder()
      .update()
      .set(set as never)
      .where('id = :id AND "agencyId" = :agencyId', { id: row.id, agencyId: actor.agencyId })
      .setParameter('__stamp', new Date());
    // a write that applies only while the row still holds these values (e.g. a status)
    if (opts.onlyIf) qb.andWhere(opts.onlyIf);
    if (stamp) qb.returning(`"${stamp.databaseName}"`);
    const result = await qb.execute();
    if (stamp) values[stamp.propertyName] = (result.raw as Record<string, unknown>[])[0]?.[stamp.databaseName] ?? qb.getParameters().__stamp;
    Object.assign(row, values);
    return row;
  }

  /**
   * Replaces the child rows of one parent (lines of a document, items of a schedule): deletes the
   * parent's rows the actor may write and inserts the new ones, stamped with the agency.
   */
  async replaceChildren(parentColumn: keyof T & string, parentId: string, rows: DeepPartial<T>[], opts: { allowPortal?: boolean } = {}): Promise<void> {
    const actor = this.writer(opts.allowPortal);
    assertUsable(this.ctx);
    const repo = this.ctx.manager.getRepository(this.entity);
    await repo
      .createQueryBuilder()
      .delete()
      .where(`"${parentColumn}" = :parentId AND "agencyId" = :agencyId`, { parentId, agencyId: actor.agencyId })
      .execute();
    if (rows.length) await repo.insert(rows.map((r) => ({ ...r, [parentColumn]: parentId, agencyId: actor.agencyId })) as never);
  }

  /**
   * Inserts rows of the actor's agency, replacing the row that has the same values in
   * `conflictColumns` (which, with the agency first, must be a unique index of the table).
   */
  async upsert(rows: DeepPartial<T>[], conflictColumns: (keyof T & string)[]): Promise<void> {
    const actor = this.writer();
    if (rows.length === 0) return;
    const repo = this.ctx.manager.getRepository(this.entity);
    const values = rows.map((r) => ({ ...withColumnScales(repo.metadata, r as object), agencyId: actor.agencyId }));
    await repo.upsert(values as never, { conflictPaths: ['agencyId', ...conflictColumns] });
  }

  /**
   * Like upsert, for many rows at once: each column travels as ONE array parameter and is
   * unnested by PostgreSQL (`INSERT … SELECT … FROM unnest($2::uuid[], …)`), so the statement
   * has a handful of bind parameters however many rows there are (TypeORM's upsert binds one per
   * value and breaks past 65 535). Every row gets the actor's agency; `update` names the columns
   * a row sent again replaces. Rows must share the same keys; sent in chunks of BULK_CHUNK rows.
   * `constants` are columns with the same value in every row (the parent, a stamp): bound once
   * as parameters rather than sent with each row.
   */
  async bulkUpsert(rows: Partial<T>[], conflictColumns: (keyof T & string)[], update: (keyof T & string)[], opts: { constants?: Partial<T> } = {}): Promise<void> {
    await this.unnestUpsert(rows, conflictColumns, update, false, opts.constants ?? {});
  }

  /**
   * bulkUpsert for many rows (a file of figures), by COPY: the rows stream into a temporary
   * staging table created for this call inside the caller's transaction (dropped at the end, and
   * at commit in any case, so nothing outlives the transaction: safe behind a transaction-mode
   * pooler) and are merged by one INSERT … SELECT … ON CONFLICT, the agency stamped here, never
   * taken from the rows. A row sent again with the same values in `update` (its stamps aside:
   * `unchangedUnless`, by default all of `update`) is left as it is: re-importing a file rewrites
   * nothing. Where the server cannot take COPY FROM STDIN (the embedded PGlite, over whose socket a
   * COPY breaks the connection) or DB_BULK_COPY is off, the same merge runs through unnest arrays.
   * Returns how the rows travelled. Rows must share the same keys; `constants` as for bulkUpsert.
   */
  async copyUpsert(
    rows: Partial<T>[],
    conflictColumns: (keyof T & string)[],
    update: (keyof T & string)[],
    opts: { unchangedUnless?: (keyof T & string)[]; constants?: Partial<T> } = {},
  ): Promise<'COPY' | 'UNNEST'> {
    const actor = this.writer();
    if (rows.length === 0) return 'UNNEST';
    if (!this.ctx.manager.queryRunner?.isTransactionActive) throw new Error('copyUpsert runs inside the transaction of the write');
    const compare = opts.unchangedUnless ?? update;
    const constants = opts.constants ?? {};
    if (!(await copyAvailable(this.ctx))) {
      await this.unnestUpsert(rows, conflictColumns, update, compare, constants);
      return 'UNNEST';
    }
    const meta = this.ctx.manager.getRepository(this.entity).metadata;
    const columns = this.columnsOf(rows[0], 'copyUpsert');
    const fixed = this.columnsOf(constants, 'copyUpsert');
    const names = columns.map((c) => q(c.databaseName));
    const col = (p: string) => q(meta.findColumnWithPropertyName(p)!.databaseName);
    const stage = await stageByCopy(this.ctx, meta.tableName, columns, rows);
    const table = q(meta.tableName);
    await this.ctx.manager.query(
      `INSERT INTO ${table} ("agencyId", ${[...fixed, ...columns].map((c) => q(c.databaseName)).join(', ')}) ` +
        `SELECT $1, ${[...fixed.map((c, i) => `$${i + 2}::${sqlType(this.ctx, meta, c)}`), ...names].join(', ')} FROM ${stage} ` +
        `ON CONFLICT ("agencyId", ${conflictColumns.map(col).join(', ')}) ` +
        `DO UPDATE SET ${update.map(col).map((n) => `${n} = EXCLUDED.${n}`).join(', ')} ` +
        `WHERE ${compare.map(col).map((n) => `${table}.${n} IS DISTINCT FROM EXCLUDED.${n}`).join(' OR ')}`,
      [actor.agencyId, ...fixed.map((c) => (constants as Record<string, unknown>)[c.propertyName])],
    );
    await this.ctx.manager.query(`DROP TABLE ${stage}`);
    return 'COPY';
  }

  private columnsOf(row: object, caller: string) {
    const meta = this.ctx.manager.getRepository(this.entity).metadata;
    return Object.keys(row)
      .filter((p) => p !== 'agencyId')
      .map((p) => {
        const c = meta.findColumnWithPropertyName(p);
        if (!c) throw new Error(`${caller}: ${meta.name} has no column ${p}`);
        return c;
      });
  }

  /** The unnest-arrays upsert of bulkUpsert; with `compare`, a row whose compared columns are unchanged is not rewritten. */
  private async unnestUpsert(
    rows: Partial<T>[],
    conflictColumns: (keyof T & string)[],
    update: (keyof T & string)[],
    compare: (keyof T & string)[] | false,
    constants: Partial<T>,
  ): Promise<void> {
    const actor = this.writer();
    if (rows.length === 0) return;
    const meta = this.ctx.manager.getRepository(this.entity).metadata;
    const columns = this.columnsOf(rows[0], 'bulkUpsert');
    const fixed = this.columnsOf(constants, 'bulkUpsert');
    const col = (p: string) => q(meta.findColumnWithPropertyName(p)!.databaseName);
    const names = columns.map((c) => q(c.databaseName));
    const at = fixed.length + 2;
    const statement =
      `INSERT INTO ${q(meta.tableName)} ("agencyId", ${[...fixed, ...columns].map((c) => q(c.databaseName)).join(', ')}) ` +
      `SELECT $1, ${[...fixed.map((c, i) => `$${i + 2}::${sqlType(this.ctx, meta, c)}`), ...names.map((_, i) => `u.c${i}`)].join(', ')} ` +
      `FROM unnest(${columns.map((c, i) => `$${i + at}::${sqlType(this.ctx, meta, c)}[]`).join(', ')}) AS u(${names.map((_, i) => `c${i}`).join(', ')}) ` +
      `ON CONFLICT ("agencyId", ${conflictColumns.map(col).join(', ')}) ` +
      `DO UPDATE SET ${update.map(col).map((n) => `${n} = EXCLUDED.${n}`).join(', ')}` +
      (compare ? ` WHERE ${compare.map(col).map((n) => `${q(meta.tableName)}.${n} IS DISTINCT FROM EXCLUDED.${n}`).join(' OR ')}` : '');
    const params = [actor.agencyId, ...fixed.map((c) => (constants as Record<string, unknown>)[c.propertyName])];
    for (let at = 0; at < rows.length; at += BULK_CHUNK) {
      const chunk = rows.slice(at, at + BULK_CHUNK);
      await this.ctx.manager.query(statement, [...params, ...columns.map((c) => chunk.map((r) => (r as Record<string, unknown>)[c.propertyName] ?? null))]);
    }
  }

  private writer(allowPortal = false): Actor {
    assertUsable(this.ctx);
    const actor = this.actor;
    if (actor.role === UserRole.CLIENT && !allowPortal) throw new ForbiddenError();
    return actor;
  }
}

/** Rows per statement of bulkUpsert: bounds the memory of one statement, not its parameters. */
const BULK_CHUNK = 20_000;

type PgClient = { query(stream: CopyStreamQuery): CopyStreamQuery };

const q = (name: string) => `"${name}"`;

/** The SQL type of a column, as a cast of a parameter takes it (enums by their type's name). */
function sqlType(ctx: RequestContext, meta: EntityMetadata, c: ColumnMetadata): string {
  return c.type === 'enum' || c.enum ? q(c.enumName ?? `${meta.tableName}_${c.databaseName}_enum`) : ctx.manager.connection.driver.normalizeType(c);
}

/**
 * Streams rows by COPY into a temporary table of the given columns of `table` (their types, enums
 * and numeric scales, none of its constraints), created inside the caller's transaction and
 * dropped at its commit at the latest; returns the table's quoted name. The caller checked
 * copyAvailable.
 */
async function stageByCopy(ctx: RequestContext, table: string, columns: ColumnMetadata[], rows: readonly object[]): Promise<string> {
  const manager = ctx.manager;
  const names = columns.map((c) => q(c.databaseName)).join(', ');
  const stage = q(`copy_${table}`);
  await manager.query(`CREATE TEMP TABLE ${stage} ON COMMIT DROP AS SELECT ${names} FROM ${q(table)} WITH NO DATA`);
  const copy = `COPY ${stage} (${names}) FROM STDIN`;
  manager.connection.logger.logQuery(copy, [], manager.queryRunner);
  const client = (manager.queryRunner as unknown as { databaseConnection: PgClient }).databaseConnection;
  await pipeline(Readable.from(copyText(rows, columns.map((c) => c.propertyName))), client.query(copyFrom(copy)));
  return stage;
}

/** Rows per piece of COPY text handed to the stream: bounds the memory of one piece. */
const COPY_PIECE = 5_000;

/** A value in COPY's text format: \N for null, backslash escapes for the characters that delimit. */
function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const s = typeof v === 'string' ? v : v instanceof Date ? isoOf(v) : String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (ch) => (ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r')) : s;
}

/** A Date as ISO text; the last one is remembered, since a batch usually stamps every row with the same instant. */
let lastTime = NaN;
let lastIso = '';
function isoOf(d: Date): string {
  const t = d.getTime();
  if (t !== lastTime) [lastTime, lastIso] = [t, d.toISOString()];
  return lastIso;
}

/** The rows as COPY text, a piece at a time. */
function* copyText(rows: readonly object[], properties: string[]): Generator<string> {
  for (let at = 0; at < rows.length; at += COPY_PIECE) {
    let piece = '';
    const end = Math.min(rows.length, at + COPY_PIECE);
    for (let i = at; i < end; i++) {
      const r = rows[i] as Record<string, unknown>;
      for (let j = 0; j < properties.length; j++) piece += (j ? '\t' : '') + copyValue(r[properties[j]]);
      piece += '\n';
    }
    yield piece;
  }
}

/**
 * Whether this database takes COPY FROM STDIN: a real PostgreSQL does; the embedded PGlite, served
 * over its socket, loses the connection on it. Asked once per data source; DB_BULK_COPY=false
 * answers no everywhere.
 */
const copyCapability = new WeakMap<object, Promise<boolean>>();
export function copyAvailable(ctx: RequestContext): Promise<boolean> {
  if (!ctx.app.config.bulkCopy) return Promise.resolve(false);
  const key = ctx.manager.connection;
  let known = copyCapability.get(key);
  if (!known) {
    known = ctx.manager.query('SELECT version() AS v').then((rows: { v: string }[]) => !/PGlite|emscripten/i.test(rows[0]?.v ?? ''));
    copyCapability.set(key, known);
  }
  return known;
}

export interface ScopeOptions {
  /**
   * Reads the actor's whole agency even for a portal user: only for a row a service deliberately
   * shows the portal (its client's account manager), through a view type that exposes only what
   * the portal may see. Writes are unaffected.
   */
  beyondPortal?: boolean;
}

/** The shape of a rowsIn read: `order` as column names (" DESC" for descending), `where` an extra condition on alias x. */
export interface RowsInShape {
  order?: readonly string[];
  where?: string;
  columns?: readonly string[] | null;
}

const AGENCY = Symbol('agency');
const CLIENT = Symbol('client');
const VALUES = Symbol('values');

interface RowsInStatement {
  sql: string;
  params: (typeof AGENCY | typeof CLIENT | typeof VALUES | { value: unknown })[];
  metadata: EntityMetadata;
}

/** rowsIn's statements, per data source, entity and shape (the scope's kind, column, order, condition, columns). */
const statements = new WeakMap<object, Map<Function, Map<string, RowsInStatement>>>();
const MAX_STATEMENTS_PER_ENTITY = 256;

export function scoped<T extends TenantRow>(ctx: RequestContext, entity: EntityTarget<T> & Function, opts: ScopeOptions = {}): ScopedRepository<T> {
  return new ScopedRepository(ctx, entity, opts);
}


/**
 * Rows keyed by the agency itself (requisites, counters, idempotency keys): one row per agency
 * and key, no id of their own. The agency condition is added here, like everywhere else.
 */
export class AgencyKeyedRepository<T extends ObjectLiteral & { agencyId: string }> {
  constructor(
    private readonly ctx: RequestContext,
    private readonly entity: EntityTarget<T> & Function,
  ) {}

  private get agencyId(): string {
    assertUsable(this.ctx);
    const actor = this.ctx.actor;
    if (!actor) throw new UnauthenticatedError(this.ctx.authError ?? undefined);
    return actor.agencyId;
  }

  /** The agency's row matching `where` (besides the agency), or null. */
  async findOne(where: Partial<T> = {}, opts: { lock?: boolean } = {}): Promise<T | null> {
    return this.ctx.manager.getRepository(this.entity).findOne({
      where: { ...where, agencyId: this.agencyId } as never,
      ...(opts.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /**
   * The agency's rows, ordered by `order` (a column of the entity). `select` names the columns to
   * read, which is how a column kept out of ordinary reads (`select: false`, e.g. file bytes) is read.
   */
  async findAll(order: Partial<Record<keyof T, 'ASC' | 'DESC'>>, opts: { select?: (keyof T & string)[] } = {}): Promise<T[]> {
    return this.ctx.manager.getRepository(this.entity).find({
      where: { agencyId: this.agencyId } as never,
      order: order as never,
      ...(opts.select ? { select: Object.fromEntries(opts.select.map((c) => [c, true])) as never } : {}),
    });
  }

  /** Inserts the agency's row, or updates it where one with the same key (`conflictPaths`, besides the agency) exists. */
  async upsert(values: Partial<T>, conflictPaths: (keyof T & string)[]): Promise<void> {
    await this.ctx.manager.getRepository(this.entity).upsert({ ...values, agencyId: this.agencyId } as never, ['agencyId', ...conflictPaths]);
  }

  /** Inserts the agency's row unless it exists; true when this call inserted it (the caller holds it until commit). */
  async insertIfAbsent(values: Partial<T>): Promise<boolean> {
    const result = await this.ctx.manager
      .getRepository(this.entity)
      .createQueryBuilder()
      .insert()
      .values({ ...values, agencyId: this.agencyId } as never)
      .orIgnore()
      .returning('"agencyId"')
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  /** Deletes the agency's rows matching `where`. */
  async delete(where: Partial<T>): Promise<void> {
    await this.ctx.manager.getRepository(this.entity).delete({ ...where, agencyId: this.agencyId } as never);
  }

  /** Updates the agency's rows matching `where`. */
  async update(where: Partial<T>, patch: Partial<T>): Promise<void> {
    await this.ctx.manager.getRepository(this.entity).update({ ...where, agencyId: this.agencyId } as never, patch as never);
  }

  /** A new (unsaved) row of the agency, e.g. defaults for an agency that never saved any. */
  create(values: Partial<T>): T {
    return this.ctx.manager.getRepository(this.entity).create({ ...values, agencyId: this.agencyId } as never) as unknown as T;
  }

  /**
   * Raw SQL over the agency's rows, for statements the query builder cannot express (a counter
   * taken with INSERT … ON CONFLICT … RETURNING). `$1` is always the agency; the other
   * parameters follow from `$2`.
   */
  async sql<R = Record<string, unknown>>(statement: string, params: unknown[] = []): Promise<R[]> {
    return this.ctx.manager.query(statement, [this.agencyId, ...params]);
  }
}

export function agencyKeyed<T extends ObjectLiteral & { agencyId: string }>(ctx: RequestContext, entity: EntityTarget<T> & Function): AgencyKeyedRepository<T> {
  return new AgencyKeyedRepository(ctx, entity);
}

/**
 * The agency's gapless document counter (kind, period): incremented by one statement inside the
 * caller's transaction, so concurrent issuers queue on the row and a rollback gives the number
 * back. With `into`, the new value is also written onto the document row in the same statement
 * (`number = prefix || lpad(value, width) || suffix`), the last statement before COMMIT, which
 * keeps the counter row locked for a single round trip.
 */
export async function takeCounter(
  ctx: RequestContext,
  kind: string,
  period: number,
  into?: { table: string; id: string; prefix: string; width: number; suffix: string },
): Promise<{ value: number; number?: string }> {
  if (!ctx.manager.queryRunner?.isTransactionActive) throw new Error('a document counter is taken inside a transaction');
  const counter = agencyKeyed(ctx, DocumentCounter);
  const increment = `INSERT INTO document_counters ("agencyId", kind, period, "lastNumber") VALUES ($1, $2, $3, 1)
       ON CONFLICT ("agencyId", kind, period) DO UPDATE SET "lastNumber" = document_counters."lastNumber" + 1
       RETURNING "lastNumber"`;
  if (!into) {
    const rows = await counter.sql<{ lastNumber: number }>(increment, [kind, period]);
    return { value: Number(rows[0].lastNumber) };
  }
  const raw: unknown[] = await counter.sql(
    `WITH c AS (${increment})
     UPDATE "${into.table}" AS d
        SET number = $4 || lpad(c."lastNumber"::text, greatest($5::int, length(c."lastNumber"::text)), '0') || $6
       FROM c
      WHERE d.id = $7 AND d."agencyId" = $1
     RETURNING d.number, c."lastNumber"`,
    [kind, period, into.prefix, into.width, into.suffix, into.id],
  );
  // TypeORM answers an UPDATE with [rows, affected]
  const rows = (Array.isArray(raw[0]) ? raw[0] : raw) as { number: string; lastNumber: number }[];
  if (rows.length !== 1) throw new Error(`takeCounter: ${into.table} ${into.id} not found`);
  return { value: Number(rows[0].lastNumber), number: rows[0].number };
}

/**
 * Recomputes the monthly rollup (kpi_measurement_months) of the given campaigns and months from
 * the raw daily rows, in ONE statement inside the caller's transaction (the rows are read in one
 * range of the unique index from the first month to the last, whatever the plan's estimates): the sums are upserted,
 * and rollup rows of those campaign-months whose raw rows are gone are deleted. `months` are the
 * first days of the months, paired with `campaignIds` by position.
 * The campaigns (each once) and the date range are plain parameters, so the planner estimates the
 * rows read from its statistics and hashes the groups (with the range as sub-selects it guessed a
 * few hundred rows and sorted 100 000 on disk); dates are truncated as timestamps without time
 * zone (no zone arithmetic per row, the same month); and the rows kept are excluded with NOT IN,
 * which PostgreSQL hashes: a correlated NOT EXISTS against the CTE ran as a nested loop, quadratic
 * in the months refreshed (5.4 M comparisons, ~1 s, for a 100 000-figure import over 45 years).
 * The same campaigns and range bound the rollup rows the delete looks at (else all the agency's).
 */
export async function refreshKpiMonths(ctx: RequestContext, campaignIds: string[], months: string[]): Promise<void> {
  if (!ctx.manager.queryRunner?.isTransactionActive) throw new Error('the rollup is refreshed inside the transaction of the write');
  assertUsable(ctx);
  const actor = ctx.actor;
  if (!actor) throw new UnauthenticatedError(ctx.authError ?? undefined);
  if (actor.role === UserRole.CLIENT) throw new ForbiddenError();
  if (campaignIds.length === 0) return;
  const sorted = [...months].sort();
  const [first, last] = [sorted[0], sorted[sorted.length - 1]];
  await ctx.manager.query(
    `WITH k AS (SELECT DISTINCT cid, month FROM unnest($2::uuid[], $3::date[]) AS u(cid, month)),
     fresh AS (
       INSERT INTO kpi_measurement_months ("agencyId", "clientId", "campaignId", metric, "customName", month, value, days)
       SELECT m."agencyId", m."clientId", m."campaignId", m.metric, m."customName", date_trunc('month', m.date::timestamp)::date, SUM(m.value), COUNT(*)::int
         FROM kpi_measurements m
        WHERE m."agencyId" = $1 AND m."campaignId" = ANY($4::uuid[]) AND m.date >= $5::date AND m.date < $6::date
          AND (m."campaignId", date_trunc('month', m.date::timestamp)::date) IN (SELECT cid, month FROM k)
        GROUP BY m."agencyId", m."clientId", m."campaignId", m.metric, m."customName", date_trunc('month', m.date::timestamp)
       ON CONFLICT ("agencyId", "campaignId", metric, "customName", month)
       DO UPDATE SET value = EXCLUDED.value, days = EXCLUDED.days, "clientId" = EXCLUDED."clientId", "updatedAt" = now()
       RETURNING "campaignId", metric, "customName", month)
     DELETE FROM kpi_measurement_months r USING k
      WHERE r."agencyId" = $1 AND r."campaignId" = k.cid AND r.month = k.month
        AND r."campaignId" = ANY($4::uuid[]) AND r.month >= $5::date AND r.month < $6::date
        AND (r."campaignId", r.metric, r."customName", r.month) NOT IN (SELECT f."campaignId", f.metric, f."customName", f.month FROM fresh f)`,
    [actor.agencyId, campaignIds, months, [...new Set(campaignIds)], first, monthAfter(last)],
  );
}

/** One daily figure as kpi_measurements keys and holds it, the campaign aside. */
export interface KpiFigure {
  metric: string;
  customName: string;
  date: string;
  value: string;
}

/**
 * Inserts daily figures of one campaign none of whose (metric, name, day) is stored yet, and adds
 * their sums to the monthly rollup, in ONE statement inside the caller's transaction. The caller
 * guarantees the figures are new (no row of the campaign in their days' range, checked under its
 * lock on the campaign, which every writer of figures takes): so a plain INSERT, without the
 * speculative insertion of ON CONFLICT (which doubled the cost per row), and the rollup moves by
 * the figures' own sums instead of being recomputed from the raw rows. The campaign, its client
 * and the stamp are parameters, not columns of every row. Rows go by COPY through a staging table
 * with `copy` where the database takes it, else as four unnest arrays (one round trip).
 */
export async function insertKpiFigures(
  ctx: RequestContext,
  campaign: { id: string; clientId: string },
  figures: readonly KpiFigure[],
  now: Date,
  opts: { copy: boolean },
): Promise<'COPY' | 'UNNEST'> {
  if (!ctx.manager.queryRunner?.isTransactionActive) throw new Error('figures are inserted inside the transaction of the write');
  assertUsable(ctx);
  const actor = ctx.actor;
  if (!actor) throw new UnauthenticatedError(ctx.authError ?? undefined);
  if (actor.role === UserRole.CLIENT) throw new ForbiddenError();
  if (figures.length === 0) return 'UNNEST';
  const params: unknown[] = [actor.agencyId, campaign.clientId, campaign.id, now];
  let stage: string | null = null;
  if (opts.copy && (await copyAvailable(ctx))) {
    const meta = ctx.manager.connection.getMetadata('kpi_measurements');
    stage = await stageByCopy(ctx, meta.tableName, (['metric', 'customName', 'date', 'value'] as const).map((p) => meta.findColumnWithPropertyName(p)!), figures);
  } else {
    params.push(figures.map((f) => f.metric), figures.map((f) => f.customName), figures.map((f) => f.date), figures.map((f) => f.value));
  }
  // read twice (the rows, their sums): the staging table, or the arrays already bound
  const source = stage ? `${stage} s` : 'unnest($5::kpi_metric[], $6::varchar[], $7::date[], $8::numeric[]) AS s(metric, "customName", date, value)';
  await ctx.manager.query(
    `WITH stored AS (
       INSERT INTO kpi_measurements ("agencyId", "clientId", "campaignId", metric, "customName", date, value, "updatedAt")
       SELECT $1::uuid, $2::uuid, $3::uuid, s.metric, s."customName", s.date, s.value, $4::timestamptz FROM ${source})
     INSERT INTO kpi_measurement_months ("agencyId", "clientId", "campaignId", metric, "customName", month, value, days)
     SELECT $1, $2, $3, s.metric, s."customName", date_trunc('month', s.date::timestamp)::date, SUM(s.value), COUNT(*)::int
       FROM ${source} GROUP BY s.metric, s."customName", date_trunc('month', s.date::timestamp)
     ON CONFLICT ("agencyId", "campaignId", metric, "customName", month)
     DO UPDATE SET value = kpi_measurement_months.value + EXCLUDED.value, days = kpi_measurement_months.days + EXCLUDED.days,
                   "clientId" = EXCLUDED."clientId", "updatedAt" = now()`,
    params,
  );
  if (!stage) return 'UNNEST';
  await ctx.manager.query(`DROP TABLE ${stage}`);
  return 'COPY';
}

/** The first day of the month after the given first of a month (YYYY-MM-01). */
function monthAfter(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}

/**
 * Serialises the agency's transactions on one named key until they commit (a transaction-scoped
 * advisory lock), for a value derived from several rows where no single row can be locked: the
 * next version of a document, which may not exist yet. Another agency never waits on it.
 */
export async function agencyLock(ctx: RequestContext, ...key: string[]): Promise<void> {
  if (!ctx.manager.queryRunner?.isTransactionActive) throw new Error('an agency lock is taken inside a transaction');
  assertUsable(ctx);
  const actor = ctx.actor;
  if (!actor) throw new UnauthenticatedError(ctx.authError ?? undefined);
  await ctx.manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [[actor.agencyId, ...key].join('\u001f')]);
}

/** The actor's own agency among `ids` (the tenant row itself): null when it is not asked for. */
export async function ownAgency(ctx: RequestContext, ids: readonly string[], opts: { lock?: boolean } = {}): Promise<Agency | null> {
  assertUsable(ctx);
  const agencyId = ctx.actor?.agencyId;
  if (!agencyId || !ids.includes(agencyId)) return null;
  return ctx.manager.getRepository(Agency).findOne({ where: { id: agencyId }, ...(opts.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
}

/** The actor's agency joined with its requisites row (null when never saved), in one query. */
export async function ownAgencyWithRequisites(ctx: RequestContext): Promise<{ agency: Agency; requisites: AgencyRequisites | null }> {
  assertUsable(ctx);
  const agencyId = ctx.actor?.agencyId;
  if (!agencyId) throw new UnauthenticatedError(ctx.authError ?? undefined);
  const agency = await ctx.manager
    .getRepository(Agency)
    .createQueryBuilder('a')
    .leftJoinAndMapOne('a.requisites', AgencyRequisites, 'r', 'r."agencyId" = a.id')
    .where('a.id = :agencyId', { agencyId })
    .getOneOrFail();
  const requisites = (agency as Agency & { requisites?: AgencyRequisites | null }).requisites ?? null;
  return { agency, requisites };
}

/** Writes to the actor's own agency row. */
export async function updateOwnAgency(ctx: RequestContext, patch: Partial<Agency>): Promise<void> {
  assertUsable(ctx);
  const agencyId = ctx.actor?.agencyId;
  if (!agencyId) throw new UnauthenticatedError(ctx.authError ?? undefined);
  await ctx.manager.getRepository(Agency).update({ id: agencyId }, patch);
}

// ---------------------------------------------------------------------------------------------
// Inside a transaction the caller's context must not be used: its reads would take a second
// connection (the embedded database has only one, so they would wait forever) and would not see
// the transaction's writes. The guard follows the transaction's own async flow only, so other
// resolvers of the same request running alongside are unaffected.

const suspended = new WeakSet<RequestContext>();
const openTransaction = new AsyncLocalStorage<RequestContext>();

/**
 * Runs `work` (the transaction body) with `caller` refused. With `followFlow`, also every other
 * context on the pool within the transaction's async flow (a context derived before the
 * transaction, loaders bound to one): that needs AsyncLocalStorage, whose hooks cost every promise
 * of the process on Node 20, so it is on in tests and development (config.transactionFlowGuard).
 */
export async function whileCallerSuspended<R>(caller: RequestContext, work: () => Promise<R>, followFlow: boolean): Promise<R> {
  suspended.add(caller);
  try {
    return await (followFlow ? openTransaction.run(caller, work) : work());
  } finally {
    suspended.delete(caller);
  }
}

function assertUsable(ctx: RequestContext): void {
  // the request's time budget is spent: start no more SQL (a transaction in progress rolls back)
  if (ctx.deadline !== undefined && performance.now() >= ctx.deadline) throw new RequestTimeoutError(ctx.app.config.requestTimeoutMs);
  const caller = openTransaction.getStore();
  // inside a transaction's flow, every read goes through the transaction: a context on the pool
  // (the caller's, or one derived from it before the transaction) would take a second connection
  if (suspended.has(ctx) || (caller && !ctx.manager.queryRunner?.isTransactionActive)) {
    throw new Error("a transaction is open for this request: read and write through its context (tx), not the caller's");
  }
}

/** Runs fn outside any transaction's async flow: for work that is not part of the request (a background job). */
export function outsideTransactionFlow<R>(fn: () => R): R {
  return openTransaction.exit(fn);
}

/**
 * A context for work that outlives the request (a background job): the same actor, agency,
 * portal scope and language, so every read and write is scoped exactly as the request's were;
 * the pool's manager (never the request's transaction) and loaders of its own.
 */
export function detachedContext<C extends RequestContext>(ctx: C, jobName: string): C {
  return deriveContext(ctx, {
    requestId: `${ctx.requestId}/${jobName}`,
    manager: ctx.actor ? actorUnit(ctx.app, ctx.actor).manager : ctx.app.dataSource.manager,
    logger: ctx.logger.child({ job: jobName }),
    // work that outlives the request is not bound by the request's time budget
    deadline: undefined,
  });
}

/**
 * The unit of work of one agency behind PostgreSQL's row-level security (src/db/tenant-runner.ts):
 * its statements run as the role agency_app with `app.agency_id` set, so a statement missing the
 * tenant condition still sees and writes only that agency's rows. With `holdReads` (a request,
 * which must call end()), reads share one transaction; without, every statement is its own.
 * Every context with an actor gets one; the pool's manager (the connecting role) is left for the
 * lookups made before any agency is known (the bearer token's user, login by email, one-time
 * tokens by hash, the list of agencies of a sweep: src/services/before-agency.ts), registering an
 * agency (which enters the new agency first) and the job queue itself (its own schema).
 */
export function agencyUnit(app: AppServices, agencyId: string, opts: { holdReads?: boolean; clientId?: string | null } = {}): TenantUnit {
  if (!app.config.rowSecurity) return { manager: app.dataSource.manager, end: async () => undefined };
  return openTenantUnit(app.dataSource, agencyId, { holdReads: opts.holdReads ?? false, clientId: opts.clientId ?? null });
}

/** The unit of an actor: its agency's, narrowed to its client for a portal user (the portal policy). */
export function actorUnit(app: AppServices, actor: Actor, opts: { holdReads?: boolean } = {}): TenantUnit {
  return agencyUnit(app, actor.agencyId, { ...opts, clientId: portalClientOf(actor) });
}

/** A portal user's client, else null (staff see every client of the agency). */
export function portalClientOf(actor: Pick<Actor, 'role' | 'clientId'>): string | null {
  return actor.role === UserRole.CLIENT ? actor.clientId : null;
}

/**
 * The context of work done before any agency is known, whoever calls: login by email, a one-time
 * token found by its hash, registering an agency. No actor, and the pool's manager (the connecting
 * role, outside any agency's unit: row-level security shows it no tenant row). It reads across
 * agencies only through the narrow functions of src/services/before-agency.ts (SECURITY DEFINER,
 * each returning the few columns its caller needs), so the login role needs no BYPASSRLS and a
 * forgotten path finds nothing. Once the agency is known, a transaction enters it (enterAgency); a
 * caller already logged in has its own unit ended first, so that the request never holds two
 * connections.
 */
export async function beforeAgency<C extends RequestContext>(ctx: C): Promise<C> {
  await tenantUnitOf(ctx.manager)?.end();
  return deriveContext(ctx, { actor: null, authError: null, manager: ctx.app.dataSource.manager });
}

/**
 * beforeAgency for system work with no request behind it: a sign-up's email job, pruning expired
 * sign-ups. No actor, the pool's manager, the service's default language.
 */
export function systemBeforeAgency(app: AppServices, jobName: string): RequestContext {
  return newContext<RequestContext>({
    usage: noUsage(),
    requestId: jobName,
    actor: null,
    authError: null,
    locale: Locale.RU,
    manager: app.dataSource.manager,
    app,
    logger: app.logger.child({ job: jobName }),
  });
}

/**
 * Puts the rest of a transaction begun before the agency was known (beforeAgency) behind the wall:
 * from here on it runs as agency_app with `app.agency_id`, as an agency's own transactions do.
 */
export async function enterAgency(tx: RequestContext, agencyId: string): Promise<void> {
  if (!tx.manager.queryRunner?.isTransactionActive) throw new Error('an agency is entered inside a transaction');
  if (!tx.app.config.rowSecurity) return;
  await tx.manager.query(`SELECT set_config('role', $1, true), set_config('app.agency_id', $2, true)`, [APP_ROLE, agencyId]);
}

/** The user id a system job acts under: no person (nothing it writes records a creator). */
export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

/** A system job's context in one agency: as its owner (SYSTEM_USER_ID), in the given language, in the agency's own unit. */
export function agencySystemContext(app: AppServices, jobName: string, agency: { id: string; locale: Locale }): AuthedContext {
  return newContext<AuthedContext>({
    usage: noUsage(),
    requestId: `${jobName}/${agency.id}`,
    actor: { userId: SYSTEM_USER_ID, agencyId: agency.id, role: UserRole.OWNER, clientId: null },
    authError: null,
    locale: agency.locale,
    manager: agencyUnit(app, agency.id).manager,
    app,
    logger: app.logger.child({ job: jobName, agency: agency.id }),
  });
}

/**
 * Maintenance that runs for every agency (a scheduled job with no actor): `work` is called once per
 * agency, one after the other, with a context of that agency alone (as its owner, in its language),
 * so everything it reads and writes is scoped like any request of that agency. An agency whose
 * work fails is logged and skipped; the others go on. Returns what each agency's work returned.
 */
export async function forEachAgency<R>(app: AppServices, jobName: string, work: (ctx: AuthedContext, agency: { id: string; locale: Locale }) => Promise<R>): Promise<Map<string, R>> {
  // the agencies' ids and languages, through the narrow lookup (src/services/before-agency.ts)
  const agencies = await agencyList(app.dataSource.manager);
  const out = new Map<string, R>();
  for (const agency of agencies) {
    const ctx = agencySystemContext(app, jobName, agency);
    try {
      out.set(agency.id, await work(ctx, agency));
    } catch (err) {
      ctx.logger.error({ err }, 'maintenance of an agency failed');
    }
  }
  return out;
}

/**
 * Runs fn in one transaction and hands it a derived context: the same actor and request, the
 * transaction's manager and loaders of its own. The caller's context is never changed (and must
 * not be used inside fn). After the commit the caller's loaders drop what they cached, since
 * it predates the change. Inside an open transaction, fn simply joins it.
 */
export async function withTransaction<C extends RequestContext, R>(ctx: C, fn: (tx: C) => Promise<R>): Promise<R> {
  if (ctx.manager.queryRunner?.isTransactionActive) return fn(ctx);
  const body = (manager: EntityManager) => whileCallerSuspended(ctx, () => fn(deriveContext(ctx, { manager })), ctx.app.config.transactionFlowGuard);
  // an agency's unit (its own connection, behind row-level security) runs the transaction itself;
  // the pool's manager (anonymous work before any agency is known) takes a connection for it
  const result = await (ctx.manager.queryRunner ? ctx.manager.transaction(body) : ctx.app.dataSource.transaction(body));
  for (const loader of Object.values(ctx.loaders) as DataLoader<unknown, unknown>[]) loader.clearAll();
  return result;
}

/**
 * The same actor acting agency-side: an automatic consequence of a write the actor was allowed to
 * make (a portal user signing an act moves the agency's deal). Same agency, same unit of work,
 * the same user recorded; own loaders, since the caller's are portal-scoped.
 */
export function asAgency<C extends RequestContext & { actor: Actor }>(ctx: C): C {
  if (ctx.actor.role !== UserRole.CLIENT) return ctx;
  return deriveContext(ctx, { actor: { ...ctx.actor, role: UserRole.MANAGER, clientId: null } });
}

/**
 * The context of whoever holds a one-time link of the agency (a survey respondent, who has no
 * login): a portal actor of the link's client, so every read and write is scoped to that client of
 * that agency as a portal user's would be. `holder` identifies the link (its contact, else the
 * link itself), not a user: nothing done on this path records it as one. `link` is the row the
 * token was found by (anonymously, by its hash): its agency and client become the scope.
 */
export function linkHolderContext<C extends RequestContext>(ctx: C, link: TenantRow & { clientId: string }, holder: string): C & { actor: Actor } {
  const actor: Actor = { userId: holder, agencyId: link.agencyId, role: UserRole.CLIENT, clientId: link.clientId };
  // inside a transaction the caller has entered the link's agency (enterAgency); outside, the
  // holder's reads run in the agency's own unit
  const manager = ctx.manager.queryRunner?.isTransactionActive ? ctx.manager : agencyUnit(ctx.app, link.agencyId).manager;
  return deriveContext(ctx, { actor, authError: null, manager }) as C & { actor: Actor };
}

/** A new context value: the given changes, and loaders of its own. The original is untouched. */
export function deriveContext<C extends RequestContext>(ctx: C, changes: Partial<RequestContext>): C {
  return newContext<C>({ ...ctx, ...changes });
}

/**
 * System work on a schedule, agency by agency (e.g. the INVOICE_OVERDUE sweep): `fn` gets a
 * context of each agency acting as its first active owner, in the agency's language, so every
 * read and write inside is scoped as that owner's would be. One agency's failure is logged and
 * does not stop the others.
 */
export async function forEachAgencyAsOwner(app: AppServices, job: string, fn: (ctx: RequestContext & { actor: Actor }) => Promise<void>): Promise<{ agencies: number; failed: number }> {
  const contexts = await agencyOwnerContexts(app, null, job);
  let failed = 0;
  for (const ctx of contexts) {
    try {
      await fn(ctx);
    } catch (err) {
      failed++;
      ctx.logger.error({ err }, 'scheduled work failed for an agency');
    }
  }
  return { agencies: contexts.length, failed };
}

/**
 * System work on a schedule for every agency at once (the hourly report run, the overdue sweep):
 * one context per agency that has rows in `table` (every agency for null), acting as that
 * agency's first active owner, so that everything the work then reads and writes is scoped to
 * that agency exactly as the owner's own requests are. Found through the narrow lookup
 * app_agency_owners (src/services/before-agency.ts); `table` names the one table it can ask about.
 */
export async function agencyOwnerContexts(app: AppServices, table: 'report_schedules' | null, requestId: string): Promise<AuthedContext[]> {
  const rows = await agencyOwners(app.dataSource.manager, { withReportSchedules: table === 'report_schedules' });
  return rows.map((r) =>
    newContext<AuthedContext>({
      usage: noUsage(),
      requestId: `${requestId}:${r.agencyId}`,
      actor: { userId: r.userId, agencyId: r.agencyId, role: UserRole.OWNER, clientId: null },
      authError: null,
      locale: r.locale,
      manager: agencyUnit(app, r.agencyId).manager,
      app,
      logger: app.logger.child({ job: requestId, agencyId: r.agencyId }),
    }),
  );
}
