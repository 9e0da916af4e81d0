import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { withUnnamedStatements } from '../db/unnamed-statements';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config';
import type { RequestContext } from '../context';
import { RateLimitedError } from '../errors';
import type { Logger } from '../logger';

/** The table of migration 1796700000100-CostBudgets; shared by every API process on the database. */
export const COST_BUDGET_TABLE = 'cost_budgets';
const PERIOD_SECONDS = 60;

/**
 * Query cost over time, per agency (every user and portal client of it together) and, for
 * anonymous requests, per client address: each operation spends its cost before it runs; an
 * agency that has spent its minute's budget gets RATE_LIMITED until the window ends, while other
 * agencies' budgets are untouched. The counters live in PostgreSQL (rate-limiter-flexible's
 * RateLimiterPostgres, one upsert per request on the app's own pool), so N API processes share
 * them.
 */
export class CostBudget {
  private readonly agency: RateLimiterPostgres | null;
  private readonly anonymous: RateLimiterPostgres | null;

  constructor(
    dataSource: DataSource,
    config: Pick<AppConfig, 'agencyCostPerMinute' | 'anonymousCostPerMinute'>,
    private readonly logger: Logger,
  ) {
    // TypeORM's pg Pool: the upsert takes a connection only for itself, and it runs before the
    // operation holds one (never inside a transaction), so a pool of one (PGlite) cannot deadlock
    const pool = withUnnamedStatements((dataSource.driver as unknown as { master: Pool }).master);
    const limiter = (keyPrefix: string, points: number) =>
      points > 0
        ? new RateLimiterPostgres({ storeClient: pool, storeType: 'pool', tableName: COST_BUDGET_TABLE, tableCreated: true, keyPrefix, points, duration: PERIOD_SECONDS })
        : null;
    this.agency = limiter('agency', config.agencyCostPerMinute);
    this.anonymous = limiter('anonymous', config.anonymousCostPerMinute);
  }

  /** Spends `cost` of the caller's budget, or throws RATE_LIMITED (nothing spent then counts against the next window). */
  async spend(ctx: RequestContext, cost: number): Promise<void> {
    const anonymous = !ctx.actor;
    const limiter = anonymous ? this.anonymous : this.agency;
    if (!limiter) return;
    const key = anonymous ? ctx.clientAddress ?? 'unknown' : ctx.actor!.agencyId;
    // every request counts, even one made only of free fields
    const points = Math.max(1, Math.ceil(cost));
    try {
      await limiter.consume(key, points);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        ctx.logger.info({ cost: points, retryAfterSeconds, anonymous }, 'cost budget spent: request refused');
        throw new RateLimitedError(retryAfterSeconds, { requested: points, limit: limiter.points, periodSeconds: PERIOD_SECONDS }, anonymous);
      }
      // the budget protects the database; a budget the database cannot answer must not take the API down with it
      this.logger.warn({ err: rejection }, 'cost budget unavailable: request let through');
    }
  }
}
