import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agency's records of background jobs and its outbox. The queue's own tables (schema
 * `pgboss`) are not here: pg-boss creates and upgrades them itself when the queue starts.
 */
export class JobsAndOutboundEmails1796500000700 implements MigrationInterface {
  name = 'JobsAndOutboundEmails1796500000700';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."job_state" AS ENUM('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')`);
    await queryRunner.query(`CREATE TABLE "jobs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "bossJobId" uuid NOT NULL, "kind" character varying(100) NOT NULL, "state" "public"."job_state" NOT NULL DEFAULT 'QUEUED', "progress" smallint NOT NULL DEFAULT '0', "progressMessage" text, "result" jsonb, "error" jsonb, "attempts" smallint NOT NULL DEFAULT '0', "createdById" uuid, "startedAt" TIMESTAMP(3) WITH TIME ZONE, "finishedAt" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_jobs" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_0bdffc1335969b77aff7a95db9" ON "jobs" ("agencyId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "jobs_boss_job" ON "jobs" ("bossJobId") `);
    await queryRunner.query(`CREATE TYPE "public"."outbound_email_status" AS ENUM('QUEUED', 'SENT', 'FAILED', 'KEPT')`);
    await queryRunner.query(`CREATE TABLE "outbound_emails" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "to" character varying(320) NOT NULL, "subject" character varying(300) NOT NULL, "text" text NOT NULL, "html" text, "status" "public"."outbound_email_status" NOT NULL DEFAULT 'QUEUED', "attempts" smallint NOT NULL DEFAULT '0', "lastError" text, "sentAt" TIMESTAMP(3) WITH TIME ZONE, "relatedType" character varying(50), "relatedId" uuid, CONSTRAINT "PK_outbound_emails" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_f897a808da5bdf59f3dd1babe7" ON "outbound_emails" ("agencyId") `);
    await queryRunner.query(`CREATE INDEX "outbound_emails_newest" ON "outbound_emails" ("agencyId", "createdAt", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "outbound_emails"`);
    await queryRunner.query(`DROP TABLE "jobs"`);
    await queryRunner.query(`DROP TYPE "public"."outbound_email_status"`);
    await queryRunner.query(`DROP TYPE "public"."job_state"`);
  }
}
