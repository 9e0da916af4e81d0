import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Background imports run as queue jobs: the file is kept on the import until it has finished and
 * the job is linked. Deviations say why they closed; open ones are found by the end of their period.
 */
export class KpiImportJobsAndDeviationClose1796500000800 implements MigrationInterface {
  name = 'KpiImportJobsAndDeviationClose1796500000800';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "kpi_imports" ADD "content" text`);
    await queryRunner.query(`ALTER TABLE "kpi_imports" ADD "jobId" uuid`);
    await queryRunner.query(`CREATE TYPE "public"."kpi_deviation_close_reason" AS ENUM('BACK_WITHIN_BAND', 'PERIOD_ENDED', 'CAMPAIGN_ENDED')`);
    await queryRunner.query(`ALTER TABLE "kpi_deviations" ADD "closeReason" "public"."kpi_deviation_close_reason"`);
    // until now a deviation closed only when its KPI came back within the band
    await queryRunner.query(`UPDATE "kpi_deviations" SET "closeReason" = 'BACK_WITHIN_BAND' WHERE "closedAt" IS NOT NULL`);
    // the few open ones, by the end of their period: what the hourly closing looks for
    await queryRunner.query(`CREATE INDEX "kpi_deviations_open_by_end" ON "kpi_deviations" ("periodEnd") WHERE "closedAt" IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."kpi_deviations_open_by_end"`);
    await queryRunner.query(`ALTER TABLE "kpi_deviations" DROP COLUMN "closeReason"`);
    await queryRunner.query(`DROP TYPE "public"."kpi_deviation_close_reason"`);
    await queryRunner.query(`ALTER TABLE "kpi_imports" DROP COLUMN "jobId"`);
    await queryRunner.query(`ALTER TABLE "kpi_imports" DROP COLUMN "content"`);
  }
}
