import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The keys of measurements and of their monthly rollup carry the value (INCLUDE), so that the
 * agency-wide report reads a campaign's days or months from the index alone, without visiting
 * the table: rows of one campaign lie scattered over the table (figures arrive day by day for all
 * campaigns at once), so reading them there cost one page per row. The rollup's key also puts the
 * month before the metric: a campaign's months are then one range of it. The rollup's upsert
 * names the same columns, in any order. Both are rebuilt here (the table is locked meanwhile).
 */
export class KpiCoveringKeys1797000000200 implements MigrationInterface {
  name = 'KpiCoveringKeys1797000000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "kpi_measurements" DROP CONSTRAINT "kpi_measurements_key"`);
    await queryRunner.query(
      `ALTER TABLE "kpi_measurements" ADD CONSTRAINT "kpi_measurements_key" PRIMARY KEY ("agencyId", "campaignId", "date", "metric", "customName") INCLUDE ("value")`,
    );
    await queryRunner.query(`DROP INDEX "public"."kpi_measurement_months_unique"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "kpi_measurement_months_unique" ON "kpi_measurement_months" ("agencyId", "campaignId", "month", "metric", "customName") INCLUDE ("value")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."kpi_measurement_months_unique"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "kpi_measurement_months_unique" ON "kpi_measurement_months" ("agencyId", "campaignId", "metric", "customName", "month") `);
    await queryRunner.query(`ALTER TABLE "kpi_measurements" DROP CONSTRAINT "kpi_measurements_key"`);
    await queryRunner.query(`ALTER TABLE "kpi_measurements" ADD CONSTRAINT "kpi_measurements_key" PRIMARY KEY ("agencyId", "campaignId", "date", "metric", "customName")`);
  }
}
