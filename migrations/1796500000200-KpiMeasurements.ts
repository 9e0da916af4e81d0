import { MigrationInterface, QueryRunner } from 'typeorm';

/** Daily KPI measurements of campaigns (upserted per day) and the deviations found from them. */
export class KpiMeasurements1796500000200 implements MigrationInterface {
  name = 'KpiMeasurements1796500000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "kpi_measurements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "clientId" uuid NOT NULL, "campaignId" uuid NOT NULL, "metric" "public"."kpi_metric" NOT NULL, "customName" character varying(100) NOT NULL DEFAULT '', "date" date NOT NULL, "value" numeric(18,4) NOT NULL, CONSTRAINT "kpi_measurements_value_not_negative" CHECK ("value" >= 0), CONSTRAINT "PK_kpi_measurements" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_94c39a467a8899f90b93169c15" ON "kpi_measurements" ("agencyId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "kpi_measurements_unique" ON "kpi_measurements" ("agencyId", "campaignId", "metric", "customName", "date") `);
    await queryRunner.query(`CREATE TYPE "public"."deviation_severity" AS ENUM('NONE', 'WARN', 'ACT')`);
    await queryRunner.query(`CREATE TABLE "kpi_deviations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "clientId" uuid NOT NULL, "campaignId" uuid NOT NULL, "targetId" uuid NOT NULL, "periodStart" date NOT NULL, "periodEnd" date NOT NULL, "plan" numeric(18,4) NOT NULL, "actual" numeric(18,4) NOT NULL, "deviationPercent" numeric(12,2), "severity" "public"."deviation_severity" NOT NULL, "openedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "closedAt" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_kpi_deviations" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_9c5515059845afe486f41a07f0" ON "kpi_deviations" ("agencyId") `);
    await queryRunner.query(`CREATE INDEX "kpi_deviations_campaign" ON "kpi_deviations" ("agencyId", "campaignId", "openedAt") `);
    await queryRunner.query(`CREATE INDEX "kpi_deviations_target_period" ON "kpi_deviations" ("agencyId", "targetId", "periodStart") `);
    await queryRunner.query(`ALTER TABLE "kpi_measurements" ADD CONSTRAINT "FK_de740823b54bf97d5a9681183ee" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kpi_deviations" ADD CONSTRAINT "FK_fd04e1f60f137e8c705af3488cb" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kpi_deviations" ADD CONSTRAINT "FK_c2f6793b7e94870f6a9a144ebad" FOREIGN KEY ("targetId") REFERENCES "campaign_kpi_targets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "kpi_deviations"`);
    await queryRunner.query(`DROP TYPE "public"."deviation_severity"`);
    await queryRunner.query(`DROP TABLE "kpi_measurements"`);
  }
}
