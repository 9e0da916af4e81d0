import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The monthly rollup of KPI measurements (kept by every write, read by the agency-wide report),
 * built here from the measurements already stored; the agency-by-date index the report's partial
 * months read the raw rows through; and the unique key of measurements reordered (date before
 * metric) so that one campaign's period is one range of it.
 */
export class KpiMeasurementMonths1796500000400 implements MigrationInterface {
  name = 'KpiMeasurementMonths1796500000400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "kpi_measurement_months" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "clientId" uuid NOT NULL, "campaignId" uuid NOT NULL, "metric" "public"."kpi_metric" NOT NULL, "customName" character varying(100) NOT NULL DEFAULT '', "month" date NOT NULL, "value" numeric(22,4) NOT NULL, "days" integer NOT NULL, CONSTRAINT "PK_kpi_measurement_months" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_c6351e7ad775e79b6e0fd4d286" ON "kpi_measurement_months" ("agencyId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "kpi_measurement_months_unique" ON "kpi_measurement_months" ("agencyId", "campaignId", "metric", "customName", "month") `);
    await queryRunner.query(`CREATE INDEX "kpi_measurement_months_month" ON "kpi_measurement_months" ("agencyId", "month") `);
    await queryRunner.query(`CREATE INDEX "kpi_measurements_date" ON "kpi_measurements" ("agencyId", "date") `);
    // the same unique key with the date before the metric: a campaign's period is one index range
    await queryRunner.query(`DROP INDEX "public"."kpi_measurements_unique"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "kpi_measurements_unique" ON "kpi_measurements" ("agencyId", "campaignId", "date", "metric", "customName") `);
    await queryRunner.query(`ALTER TABLE "kpi_measurement_months" ADD CONSTRAINT "FK_91f443739974fea3d5b6330a2fe" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(
      `INSERT INTO "kpi_measurement_months" ("agencyId", "clientId", "campaignId", "metric", "customName", "month", "value", "days")
       SELECT "agencyId", "clientId", "campaignId", "metric", "customName", date_trunc('month', "date")::date, SUM("value"), COUNT(*)::int
         FROM "kpi_measurements"
        GROUP BY "agencyId", "clientId", "campaignId", "metric", "customName", date_trunc('month', "date")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."kpi_measurements_unique"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "kpi_measurements_unique" ON "kpi_measurements" ("agencyId", "campaignId", "metric", "customName", "date") `);
    await queryRunner.query(`DROP INDEX "public"."kpi_measurements_date"`);
    await queryRunner.query(`DROP TABLE "kpi_measurement_months"`);
  }
}
