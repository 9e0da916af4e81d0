import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config';
import type { RequestContext } from '../context';
import { RateLimitedError } from '../errors';
import type { Logger } from '../logger';

/** The table of migrations 1796700000100-CostBudgets and 1796700001500-CostBudgetLeases; shared by every API process on the database. */
export const COST_BUDGET_TABLE = 'cost_budgets';
const PERIOD_SECONDS = 60;
/** A lease is this share of the minute's budget (at least what the request needs). */
const LEASE_SHARE = 50;
/** Local leases kept before expired ones are swept (anonymous budgets are per address). */
const MAX_LOCAL_LEASES = 10_000;
/** Windows ended this long ago are deleted from the table, at most once per this period. */
const PRUNE_EVERY_MS = 5 * 60_000;

/**
 * Takes up to $2 points (at least $6) of the window's budget $5 for key $1: the whole request
 * when there is room for it, else what is left if that covers $6, else nothing. A window that has
 * ended ($4 = now) starts again with this grant and ends at $3. `granted` is what this call took.
 */
const LEASE_SQL = `
INSERT INTO ${COST_BUDGET_TABLE} AS b (key, points, expire, granted)
VALUES ($1, LEAST($2::int, $5::int), $3::bigint, LEAST($2::int, $5::int))
ON CONFLICT (key) DO UPDATE SET
  granted = CASE
    WHEN b.expire <= $4::bigint THEN LEAST($2::int, $5::int)
    WHEN b.points + $2::int <= $5::int THEN $2::int
    WHEN b.points + $6::int <= $5::int THEN $5::int - b.points
    ELSE 0 END,
  points = CASE
    WHEN b.expire <= $4::bigint THEN LEAST($2::int, $5::int)
    WHEN b.points + $2::int <= $5::int THEN b.points + $2::int
    WHEN b.points + $6::int <= $5::int THEN $5::int
    ELSE b.points END,
  expire = CASE WHEN b.expire <= $4::bigint THEN $3::bigint ELSE b.expire END
RETURNING granted, expire`;

interface Lease {
  /** points taken from the shared budget and not yet spent by this process */
  left: number;
  /** when the window they were taken from ends (epoch ms) */
  expire: number;
}

/**
 * Query cost over time, per agency (every user and portal client of it together) and, for
 * anonymous requests, per client address: each operation spends its cost before it runs; an
 * agency that has spent its minute's budget gets RATE_LIMITED until the window ends, while other
 * agencies' budgets are untouched.
 *
 * The budget lives in PostgreSQL (table cost_budgets, one row per key and window), so N API
 * processes share it. A process does not ask the table for every request: it leases a share of
 * the window (1/50 of the budget, or what the request needs if more) and spends it locally; it
 * asks again when its lease cannot pay a request, and near the end of the budget it is granted
 * just what is left. One process is therefore exact; N processes may each strand less than one
 * request's cost of an unspent lease when the window ends (under 2% of the budget each).
 */
export class CostBudget {
  private readonly pool: Pool;
  private readonly leases = new Map<string, Lease>();
  private lastPrune = 0;

  constructor(
    dataSource: DataSource,
    private readonly config: Pick<AppConfig, 'agencyCostPerMinute' | 'anonymousCostPerMinute'>,
    private readonly logger: Logger,
  ) {
    // TypeORM's pg Pool: the lease takes a connection only for itself, and it runs before the
    // operation holds one (never inside a transaction), so a pool of one (PGlite) cannot deadlock.
    // Unnamed statements: PgBouncer in transaction mode cannot follow named ones.
    this.pool = (dataSource.driver as unknown as { master: Pool }).master;
  }

  /** Spends `cost` of the caller's budget, or throws RATE_LIMITED (nothing is spent then). */
  async spend(ctx: RequestContext, cost: number): Promise<void> {
    const anonymous = !ctx.actor;
    const limit = anonymous ? this.config.anonymousCostPerMinute : this.config.agencyCostPerMinute;
    if (limit <= 0) return;
    const key = anonymous ? `anonymous:${ctx.clientAddress ?? 'unknown'}` : `agency:${ctx.actor!.agencyId}`;
    // every request counts, even one made only of free fields
    const points = Math.max(1, Math.ceil(cost));
    const now = Date.now();
    let lease = this.leases.get(key);
    if (lease && lease.expire <= now) lease = undefined;
    if (lease && lease.left >= points) {
      lease.left -= points;
      return;
    }
    const left = lease?.left ?? 0;
    const needed = points - left;
    let granted: number;
    let expire: number;
    try {
      const want = Math.max(needed, Math.ceil(limit / LEASE_SHARE));
      const { rows } = await this.pool.query(LEASE_SQL, [key, want, now + PERIOD_SECONDS * 1000, now, limit, needed]);
      granted = Number(rows[0].granted);
      expire = Number(rows[0].expire);
    } catch (err) {
      // the budget protects the database; a budget the database cannot answer must not take the API down with it
      this.logger.warn({ err }, 'cost budget unavailable: request let through');
      return;
    }
    this.prune(now);
    if (granted < needed) {
      const retryAfterSeconds = Math.max(1, Math.ceil((expire - now) / 1000));
      ctx.logger.info({ cost: points, retryAfterSeconds, anonymous }, 'cost budget spent: request refused');
      throw new RateLimitedError(retryAfterSeconds, { requested: points, limit, periodSeconds: PERIOD_SECONDS }, anonymous);
    }
    // what was left of this window's lease pays its part of the request
    this.remember(key, { left: left + granted - points, expire });
  }

  private remember(key: string, lease: Lease): void {
    this.leases.set(key, lease);
    if (this.leases.size <= MAX_LOCAL_LEASES) return;
    const now = Date.now();
    for (const [k, l] of this.leases) if (l.expire <= now || l.left === 0) this.leases.delete(k);
    // still full of live leases (many addresses at once): the oldest go (their points stay spent)
    for (const k of this.leases.keys()) {
      if (this.leases.size <= MAX_LOCAL_LEASES / 2) break;
      this.leases.delete(k);
    }
  }

  /** Ended windows leave the table now and then (fire and forget: only counters are lost). */
  private prune(now: number): void {
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    this.pool.query(`DELETE FROM ${COST_BUDGET_TABLE} WHERE expire < $1`, [now - PERIOD_SECONDS * 1000]).catch((err) => this.logger.warn({ err }, 'cost budget: pruning ended windows failed'));
  }
}
