import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reports by audience: schedules per client and the reports made (data snapshot, plan, PDF). */
export class Reports1796600000400 implements MigrationInterface {
  name = 'Reports1796600000400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."report_kind" AS ENUM('MARKETING', 'BUDGET', 'OWNER')`);
    await queryRunner.query(`CREATE TYPE "public"."report_frequency" AS ENUM('WEEKLY', 'MONTHLY')`);
    await queryRunner.query(`CREATE TYPE "public"."report_status" AS ENUM('DRAFT', 'PUBLISHED')`);
    await queryRunner.query(`CREATE TABLE "report_schedules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "clientId" uuid NOT NULL, "kind" "public"."report_kind" NOT NULL, "frequency" "public"."report_frequency" NOT NULL, "recipients" character varying(254) array NOT NULL DEFAULT '{}', "active" boolean NOT NULL DEFAULT true, "createdById" uuid, CONSTRAINT "PK_report_schedules" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_b6f1afff22b3827c31ad6aaba2" ON "report_schedules" ("agencyId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "report_schedules_unique" ON "report_schedules" ("agencyId", "clientId", "kind", "frequency") `);
    await queryRunner.query(`ALTER TABLE "report_schedules" ADD CONSTRAINT "FK_37e4c21d89a9f523e348eec35ba" FOREIGN KEY ("clientId") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE TABLE "reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "clientId" uuid NOT NULL, "kind" "public"."report_kind" NOT NULL, "periodStart" date NOT NULL, "periodEnd" date NOT NULL, "version" integer NOT NULL, "status" "public"."report_status" NOT NULL DEFAULT 'DRAFT', "scheduleId" uuid, "data" jsonb NOT NULL, "developmentPlan" text NOT NULL DEFAULT '', "locale" "public"."locale" NOT NULL, "pdf" bytea, "pdfByteSize" integer, "pdfPageCount" integer, "pdfSha256" character(64), "renderedAt" TIMESTAMP(3) WITH TIME ZONE, "publishedAt" TIMESTAMP(3) WITH TIME ZONE, "publishedById" uuid, "createdById" uuid, CONSTRAINT "reports_period" CHECK ("periodEnd" >= "periodStart"), CONSTRAINT "PK_reports" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_10014e4d98f2a03e00dd151079" ON "reports" ("agencyId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "reports_version_unique" ON "reports" ("agencyId", "clientId", "kind", "periodStart", "periodEnd", "version") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "reports_schedule_period_unique" ON "reports" ("scheduleId", "periodStart") WHERE "scheduleId" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "reports_client" ON "reports" ("agencyId", "clientId", "periodEnd") `);
    await queryRunner.query(`ALTER TABLE "reports" ADD CONSTRAINT "FK_6c7384a5dbe486db20534fad5c7" FOREIGN KEY ("clientId") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "reports" ADD CONSTRAINT "FK_81d4cbc3d0a9c458c4b3f7ff09b" FOREIGN KEY ("scheduleId") REFERENCES "report_schedules"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "reports"`);
    await queryRunner.query(`DROP TABLE "report_schedules"`);
    await queryRunner.query(`DROP TYPE "public"."report_status"`);
    await queryRunner.query(`DROP TYPE "public"."report_frequency"`);
    await queryRunner.query(`DROP TYPE "public"."report_kind"`);
  }
}
