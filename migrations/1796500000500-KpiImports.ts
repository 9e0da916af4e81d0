import { MigrationInterface, QueryRunner } from 'typeorm';

/** Imports of measurement files as records: options, status, progress, outcome and the first problems. */
export class KpiImports1796500000500 implements MigrationInterface {
  name = 'KpiImports1796500000500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."kpi_import_status" AS ENUM('QUEUED', 'RUNNING', 'SUCCEEDED', 'REFUSED', 'FAILED')`);
    await queryRunner.query(`CREATE TABLE "kpi_imports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "createdById" uuid NOT NULL, "source" character varying(32) NOT NULL, "options" jsonb NOT NULL, "status" "public"."kpi_import_status" NOT NULL, "linesTotal" integer NOT NULL, "linesDone" integer NOT NULL DEFAULT '0', "figuresTotal" integer NOT NULL DEFAULT '0', "figuresDone" integer NOT NULL DEFAULT '0', "imported" integer NOT NULL DEFAULT '0', "skipped" integer NOT NULL DEFAULT '0', "problems" jsonb NOT NULL DEFAULT '[]', "problemCount" integer NOT NULL DEFAULT '0', "errorCode" character varying(64), "errorMessage" jsonb, "startedAt" TIMESTAMP(3) WITH TIME ZONE, "finishedAt" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_kpi_imports" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_f79755afacaae49affc32d87ae" ON "kpi_imports" ("agencyId") `);
    await queryRunner.query(`CREATE INDEX "kpi_imports_list" ON "kpi_imports" ("agencyId", "createdAt") `);
    // only the few unfinished ones: what the startup sweep looks for
    await queryRunner.query(`CREATE INDEX "kpi_imports_unfinished" ON "kpi_imports" ("status") WHERE "status" IN ('QUEUED', 'RUNNING')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "kpi_imports"`);
    await queryRunner.query(`DROP TYPE "public"."kpi_import_status"`);
  }
}
