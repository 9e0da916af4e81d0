import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbound events: the agency's webhooks, one delivery per event and webhook (the body fixed at
 * emission), every attempt logged; and the mark that an invoice's INVOICE_OVERDUE was emitted.
 */
export class Webhooks1796600000300 implements MigrationInterface {
  name = 'Webhooks1796600000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."webhook_event_type" AS ENUM('KPI_DEVIATION_OPENED', 'REPORT_PUBLISHED', 'SURVEY_LOW_SCORE', 'INVOICE_OVERDUE', 'ACT_SIGNED', 'WEBHOOK_TEST')`);
    await queryRunner.query(`CREATE TYPE "public"."webhook_delivery_status" AS ENUM('PENDING', 'DELIVERED', 'FAILED')`);
    await queryRunner.query(`CREATE TABLE "webhooks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "url" character varying(2000) NOT NULL, "events" "public"."webhook_event_type" array NOT NULL, "description" character varying(500) NOT NULL DEFAULT '', "secret" character varying(100) NOT NULL, "active" boolean NOT NULL DEFAULT true, "consecutiveFailures" integer NOT NULL DEFAULT '0', "disabledAt" TIMESTAMP(3) WITH TIME ZONE, "disabledReason" text, "createdById" uuid, CONSTRAINT "PK_webhooks" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_cfceb5a739bc41d2ad01268a36" ON "webhooks" ("agencyId") `);
    await queryRunner.query(`CREATE TABLE "webhook_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "webhookId" uuid NOT NULL, "eventId" uuid NOT NULL, "eventType" "public"."webhook_event_type" NOT NULL, "body" text NOT NULL, "status" "public"."webhook_delivery_status" NOT NULL DEFAULT 'PENDING', "attempts" smallint NOT NULL DEFAULT '0', "lastResponseStatus" smallint, "lastResponseMs" integer, "lastError" text, "nextRetryAt" TIMESTAMP(3) WITH TIME ZONE, "deliveredAt" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_webhook_deliveries" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_995f2028b2b2fb929c93c26fe7" ON "webhook_deliveries" ("agencyId") `);
    await queryRunner.query(`CREATE INDEX "webhook_deliveries_newest" ON "webhook_deliveries" ("agencyId", "webhookId", "createdAt", "id") `);
    await queryRunner.query(`CREATE TABLE "webhook_delivery_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "deliveryId" uuid NOT NULL, "attempt" smallint NOT NULL, "responseStatus" smallint, "responseMs" integer NOT NULL, "error" text, "startedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_webhook_delivery_attempts" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_9d99dd8ebab7ff3c9c338b23a6" ON "webhook_delivery_attempts" ("agencyId") `);
    await queryRunner.query(`CREATE INDEX "webhook_delivery_attempts_of" ON "webhook_delivery_attempts" ("agencyId", "deliveryId", "attempt") `);
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_ab7a4dca7a25e29b745e2e1b601" FOREIGN KEY ("webhookId") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "webhook_delivery_attempts" ADD CONSTRAINT "FK_c3ea793c3b048889755a0b76b9e" FOREIGN KEY ("deliveryId") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoices" ADD "overdueEventAt" TIMESTAMP(3) WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invoices" DROP COLUMN "overdueEventAt"`);
    await queryRunner.query(`DROP TABLE "webhook_delivery_attempts"`);
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "webhooks"`);
    await queryRunner.query(`DROP TYPE "public"."webhook_delivery_status"`);
    await queryRunner.query(`DROP TYPE "public"."webhook_event_type"`);
  }
}
