import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cost budget leases shares of a window (src/limits/cost-budget.ts): `granted` is what the
 * last lease took (the statement's answer). Unlogged, as the login counters: a counter lost in a
 * crash costs nothing, a WAL write on every lease does.
 */
export class CostBudgetLeases1796700001500 implements MigrationInterface {
  name = 'CostBudgetLeases1796700001500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cost_budgets" ADD "granted" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "cost_budgets" SET UNLOGGED`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cost_budgets" SET LOGGED`);
    await queryRunner.query(`ALTER TABLE "cost_budgets" DROP COLUMN "granted"`);
  }
}
