import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaigns: the agency's advertising channels (seeded per agency on first use), campaigns with
 * their launch checklist and KPI targets.
 */
export class Campaigns1796500000100 implements MigrationInterface {
  name = 'Campaigns1796500000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "campaign_channels" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(100) NOT NULL, "toolMixCategory" "public"."tool_category" NOT NULL, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_27d3e75ca672ccee35f3336b7ab" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_4b1d5892399d6433c5185d974c" ON "campaign_channels" ("agencyId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "campaign_channels_name_unique" ON "campaign_channels" ("agencyId", "name") `);
    await queryRunner.query(`CREATE TYPE "public"."campaign_status" AS ENUM('PLANNED', 'LAUNCHED', 'PAUSED', 'COMPLETED', 'CANCELLED')`);
    await queryRunner.query(`CREATE TABLE "campaigns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "clientId" uuid NOT NULL, "channelId" uuid NOT NULL, "proposalId" uuid, "contractId" uuid, "name" character varying(200) NOT NULL, "strategy" text, "budget" numeric(14,2) NOT NULL, "currency" "public"."currency_code" NOT NULL, "startDate" date NOT NULL, "endDate" date NOT NULL, "status" "public"."campaign_status" NOT NULL DEFAULT 'PLANNED', "launchedAt" TIMESTAMP(3) WITH TIME ZONE, "cancelReason" text, "followUpOfId" uuid, "internalNotes" text, "managerId" uuid, "createdById" uuid, CONSTRAINT "PK_831e3fcd4fc45b4e4c3f57a9ee4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_3f1423d4cc6140a203efa00098" ON "campaigns" ("agencyId") `);
    await queryRunner.query(`CREATE INDEX "campaigns_status" ON "campaigns" ("agencyId", "status") `);
    await queryRunner.query(`CREATE INDEX "campaigns_client" ON "campaigns" ("agencyId", "clientId") `);
    await queryRunner.query(`CREATE TYPE "public"."launch_checklist_item" AS ENUM('WEBSITE', 'WEB_ANALYTICS', 'KPI', 'CAMPAIGN_STRUCTURE', 'KEYWORD_SELECTION', 'AD_QUALITY', 'CAMPAIGN_SETTINGS')`);
    await queryRunner.query(`CREATE TABLE "campaign_checklist_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "campaignId" uuid NOT NULL, "clientId" uuid NOT NULL, "item" "public"."launch_checklist_item" NOT NULL, "checkedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "checkedById" uuid, "comment" text, CONSTRAINT "PK_218c1e3d99de8d3ba06c294c89c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_d4d78853b24e04864f7d7219c2" ON "campaign_checklist_items" ("agencyId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "campaign_checklist_items_unique" ON "campaign_checklist_items" ("agencyId", "campaignId", "item") `);
    await queryRunner.query(`CREATE TYPE "public"."kpi_metric" AS ENUM('IMPRESSIONS', 'CLICKS', 'CTR', 'CONVERSIONS', 'LEADS', 'CPC', 'CPA', 'CPL', 'CR', 'REVENUE', 'ROMI', 'SPEND', 'CUSTOM')`);
    await queryRunner.query(`CREATE TYPE "public"."kpi_period" AS ENUM('DAY', 'WEEK', 'MONTH', 'CAMPAIGN')`);
    await queryRunner.query(`CREATE TYPE "public"."kpi_target_direction" AS ENUM('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')`);
    await queryRunner.query(`CREATE TABLE "campaign_kpi_targets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "campaignId" uuid NOT NULL, "clientId" uuid NOT NULL, "position" integer NOT NULL, "metric" "public"."kpi_metric" NOT NULL, "customName" character varying(100), "plan" numeric(18,4) NOT NULL, "period" "public"."kpi_period" NOT NULL, "direction" "public"."kpi_target_direction" NOT NULL, "unit" character varying(20), "warnPercent" numeric(5,2) NOT NULL DEFAULT '10', "actPercent" numeric(5,2) NOT NULL DEFAULT '15', CONSTRAINT "PK_5442ca892aefa216bb4a4393bb1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_362bee850a8063e58ba121af0f" ON "campaign_kpi_targets" ("agencyId") `);
    await queryRunner.query(`CREATE INDEX "campaign_kpi_targets_campaign" ON "campaign_kpi_targets" ("agencyId", "campaignId", "position") `);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD CONSTRAINT "FK_e61692e4fb96f6444339a1485e1" FOREIGN KEY ("clientId") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD CONSTRAINT "FK_f6bc1511a5a03b8395680df2a5a" FOREIGN KEY ("channelId") REFERENCES "campaign_channels"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD CONSTRAINT "FK_439eaa5f243433ad142e1ef61f5" FOREIGN KEY ("proposalId") REFERENCES "proposals"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD CONSTRAINT "FK_abe271b9e8b9b8b33d66ca9862c" FOREIGN KEY ("contractId") REFERENCES "contracts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD CONSTRAINT "FK_0ae65aa28783e8a2b052c07ee2e" FOREIGN KEY ("followUpOfId") REFERENCES "campaigns"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD CONSTRAINT "FK_57a4ef74334f28bab617ace14ae" FOREIGN KEY ("managerId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign_checklist_items" ADD CONSTRAINT "FK_31feb0e284a516c1bd84e60b1a0" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign_kpi_targets" ADD CONSTRAINT "FK_4645efd1e0e40c0a482bcdbad90" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "campaign_kpi_targets"`);
    await queryRunner.query(`DROP TABLE "campaign_checklist_items"`);
    await queryRunner.query(`DROP TABLE "campaigns"`);
    await queryRunner.query(`DROP TABLE "campaign_channels"`);
    await queryRunner.query(`DROP TYPE "public"."kpi_target_direction"`);
    await queryRunner.query(`DROP TYPE "public"."kpi_period"`);
    await queryRunner.query(`DROP TYPE "public"."kpi_metric"`);
    await queryRunner.query(`DROP TYPE "public"."launch_checklist_item"`);
    await queryRunner.query(`DROP TYPE "public"."campaign_status"`);
  }
}
