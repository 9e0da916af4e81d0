import { MigrationInterface, QueryRunner } from 'typeorm';

/** Client analytics and upsell: acquisition costs (per client, or per month shared by the clients acquired in it), and the agency's matrix of competing channels. */
export class AnalyticsAndUpsell1796600000200 implements MigrationInterface {
  name = 'AnalyticsAndUpsell1796600000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "acquisition_costs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "clientId" uuid, "amount" numeric(18,2) NOT NULL, "currency" "public"."currency_code" NOT NULL, "spentOn" date NOT NULL, "note" character varying(500), "actorId" uuid, CONSTRAINT "PK_138eee70b0474ae5d492098fe5d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_77a3b87538ff9256f6362fe8c2" ON "acquisition_costs" ("agencyId") `);
    await queryRunner.query(`CREATE INDEX "acquisition_costs_client" ON "acquisition_costs" ("agencyId", "clientId") `);
    await queryRunner.query(`ALTER TABLE "acquisition_costs" ADD CONSTRAINT "FK_e1c725f5bd1fb6a6d54164f6d51" FOREIGN KEY ("clientId") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    await queryRunner.query(`CREATE TABLE "campaign_channel_competition" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "channelId" uuid NOT NULL, "competitorId" uuid NOT NULL, "reason" character varying(500) NOT NULL, "competes" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_f3ab158c8207ead9ce7d6357f8d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_68e684d7e35f901a7ff2c78d48" ON "campaign_channel_competition" ("agencyId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "campaign_channel_competition_pair" ON "campaign_channel_competition" ("agencyId", "channelId", "competitorId") `);
    await queryRunner.query(`ALTER TABLE "campaign_channel_competition" ADD CONSTRAINT "FK_f774945b1713bf58bd6078dbe43" FOREIGN KEY ("channelId") REFERENCES "campaign_channels"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign_channel_competition" ADD CONSTRAINT "FK_f84a11b84f999f60d84a98ed615" FOREIGN KEY ("competitorId") REFERENCES "campaign_channels"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "campaign_channel_competition"`);
    await queryRunner.query(`DROP TABLE "acquisition_costs"`);
  }
}
