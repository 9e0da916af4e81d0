import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The natural key of measurements (agency, campaign, date, metric, custom name) becomes their
 * primary key and their only index: the unique index already holding it is promoted in place
 * (no rebuild), and the random-uuid primary key, the agency index and the agency-by-date index go.
 * Every write then maintains one b-tree instead of four. `id` stays a column with its default.
 */
export class KpiMeasurementsKey1796500000900 implements MigrationInterface {
  name = 'KpiMeasurementsKey1796500000900';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "kpi_measurements" DROP CONSTRAINT "PK_kpi_measurements"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_94c39a467a8899f90b93169c15"`);
    await queryRunner.query(`DROP INDEX "public"."kpi_measurements_date"`);
    // the unique index is already the key: promoting it renames it, with no scan and no rebuild
    await queryRunner.query(`ALTER TABLE "kpi_measurements" ADD CONSTRAINT "kpi_measurements_key" PRIMARY KEY USING INDEX "kpi_measurements_unique"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "kpi_measurements" DROP CONSTRAINT "kpi_measurements_key"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "kpi_measurements_unique" ON "kpi_measurements" ("agencyId", "campaignId", "date", "metric", "customName") `);
    await queryRunner.query(`CREATE INDEX "kpi_measurements_date" ON "kpi_measurements" ("agencyId", "date") `);
    await queryRunner.query(`CREATE INDEX "IDX_94c39a467a8899f90b93169c15" ON "kpi_measurements" ("agencyId") `);
    await queryRunner.query(`ALTER TABLE "kpi_measurements" ADD CONSTRAINT "PK_kpi_measurements" PRIMARY KEY ("id")`);
  }
}
