import { MigrationInterface, QueryRunner } from 'typeorm';

/** The optimization log of campaigns: what was changed, which deviations it answers, the KPIs before. */
export class CampaignOptimizations1796500000300 implements MigrationInterface {
  name = 'CampaignOptimizations1796500000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."optimization_category" AS ENUM('STRATEGY', 'BIDS', 'SEMANTICS', 'AD_CREATIVES', 'TOPICS', 'REMARKETING')`);
    await queryRunner.query(`CREATE TABLE "campaign_optimizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "clientId" uuid NOT NULL, "campaignId" uuid NOT NULL, "category" "public"."optimization_category" NOT NULL, "description" text NOT NULL, "performedOn" date NOT NULL, "deviationIds" uuid array NOT NULL DEFAULT '{}', "triggeredByDeviation" boolean NOT NULL, "kpiBefore" jsonb NOT NULL, "createdById" uuid, CONSTRAINT "PK_campaign_optimizations" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_3f4511da1655deb73bb1aa2007" ON "campaign_optimizations" ("agencyId") `);
    await queryRunner.query(`CREATE INDEX "campaign_optimizations_campaign" ON "campaign_optimizations" ("agencyId", "campaignId", "performedOn") `);
    await queryRunner.query(`ALTER TABLE "campaign_optimizations" ADD CONSTRAINT "FK_f4039a6fb301e486e2a6030391f" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "campaign_optimizations"`);
    await queryRunner.query(`DROP TYPE "public"."optimization_category"`);
  }
}
