import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The per-agency query cost budget (src/limits/cost-budget.ts): rate-limiter-flexible's
 * RateLimiterPostgres counters, shared by every API process. Created here, not by the library at
 * start (`tableCreated: true`), so the app needs no DDL rights. The layout is the library's own:
 * key = "<agency|anonymous>:<agency id | client address>", points spent in the window, and the
 * window's end in epoch milliseconds. Not a tenant table: rows are keyed, not scoped, and expire.
 */
export class CostBudgets1796700000100 implements MigrationInterface {
  name = 'CostBudgets1796700000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "cost_budgets" ("key" character varying(255) NOT NULL, "points" integer NOT NULL DEFAULT 0, "expire" bigint, CONSTRAINT "PK_cost_budgets" PRIMARY KEY ("key"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "cost_budgets"`);
  }
}
