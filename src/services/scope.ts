import { isUUID } from 'class-validator';
import type { DeepPartial, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor, RequestContext } from '../context';
import { UserRole } from '../entities/enums';
import { portalScopeOf } from '../entities/portal-scope';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors';
import { createLoaders } from '../loaders';

interface TenantRow extends ObjectLiteral {
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
    const actor = this.actor;
    const qb = this.ctx.manager.getRepository(this.entity).createQueryBuilder(alias);
    qb.where(`${alias}."agencyId" = :__agencyId`, { __agencyId: actor.agencyId });
    if (actor.role === UserRole.CLIENT && !this.opts.beyondPortal) {
      const rule = portalScopeOf(this.entity);
      if (!rule || !actor.clientId) {
        qb.andWhere('1 = 0');
      } else {
        qb.andWhere(`${alias}."${rule.column}" = :__portalClientId`, { __portalClientId: actor.clientId });
        if (rule.where) qb.andWhere(rule.where(alias));
      }
    }
    return qb;
  }

  /** null for a malformed id, a missing row, another agency's row or one outside the portal. */
  async findById(id: string, opts: { lock?: boolean } = {}): Promise<T | null> {
    if (!isUUID(id)) return null;
    const qb = this.query('e').andWhere('e.id = :__id', { __id: id });
    if (opts.lock) qb.setLock('pessimistic_write');
    return qb.getOne();
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
    const row = repo.create({ ...values, agencyId: actor.agencyId } as DeepPartial<T>);
    return repo.save(row);
  }

  /**
   * Applies a patch to a row previously loaded through this helper: one UPDATE of the changed
   * columns (no re-read), and the row object is patched in memory to match.
   */
  async update(row: T, patch: DeepPartial<T>, opts: { allowPortal?: boolean } = {}): Promise<T> {
    const actor = this.writer(opts.allowPortal);
    if (row.agencyId !== actor.agencyId) throw new NotFoundError(this.name);
    const repo = this.ctx.manager.getRepository(this.entity);
    const values: Record<string, unknown> = { ...(patch as object) };
    delete values.id;
    delete values.agencyId;
    if (repo.metadata.updateDateColumn) values[repo.metadata.updateDateColumn.propertyName] = new Date();
    await repo
      .createQueryBuilder()
      .update()
      .set(values as never)
      .where('id = :id AND "agencyId" = :agencyId', { id: row.id, agencyId: actor.agencyId })
      .execute();
    Object.assign(row, values);
    return row;
  }

  private writer(allowPortal = false): Actor {
    const actor = this.actor;
    if (actor.role === UserRole.CLIENT && !allowPortal) throw new ForbiddenError();
    return actor;
  }
}

export interface ScopeOptions {
  /**
   * Reads the actor's whole agency even for a portal user: only for a row a service deliberately
   * shows the portal (its client's account manager), through a view type that exposes only what
   * the portal may see. Writes are unaffected.
   */
  beyondPortal?: boolean;
}

export function scoped<T extends TenantRow>(ctx: RequestContext, entity: EntityTarget<T> & Function, opts: ScopeOptions = {}): ScopedRepository<T> {
  return new ScopedRepository(ctx, entity, opts);
}

/**
 * Runs fn in one transaction. For its duration the request context itself is switched to the
 * transaction (its manager, and fresh loaders), so that every read inside — through `tx` or
 * through a captured `ctx` — uses the transaction's connection and sees its writes: a read on the
 * pool would need a second connection, and with a busy pool, or the embedded database's single
 * connection, it would wait forever. Afterwards the context gets fresh loaders, so nothing read
 * before the change is served from cache.
 */
export async function withTransaction<R>(ctx: RequestContext, fn: (tx: RequestContext) => Promise<R>): Promise<R> {
  if (ctx.manager.queryRunner?.isTransactionActive) return fn(ctx);
  const outer = ctx.manager;
  try {
    return await ctx.app.dataSource.transaction(async (manager) => {
      ctx.manager = manager;
      ctx.loaders = createLoaders(() => ctx);
      return fn(ctx);
    });
  } finally {
    ctx.manager = outer;
    ctx.loaders = createLoaders(() => ctx);
  }
}
