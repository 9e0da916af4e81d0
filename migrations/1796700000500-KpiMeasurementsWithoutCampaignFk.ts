import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Measurements lose their foreign key to campaigns. Its check ran once per written row (a lookup
 * and a KEY SHARE lock on the campaign, ~40% of the database time of a 100 000-row import) to
 * guard something every writer already guarantees: figures are written only by storeMeasurements,
 * for a campaign it has just read through the agency's scope and locked FOR UPDATE (the import
 * checks each line's campaign exists and is the agency's before anything is written). Campaigns
 * are never deleted (no code path deletes a campaign, a client or an agency), so the cascade never
 * fired; should one ever be deleted by hand, a row trigger on campaigns still removes its
 * measurements, so no figure outlives its campaign. The rollup and the deviations keep their keys.
 */
export class KpiMeasurementsWithoutCampaignFk1796700000500 implements MigrationInterface {
  name = 'KpiMeasurementsWithoutCampaignFk1796700000500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "kpi_measurements" DROP CONSTRAINT "FK_de740823b54bf97d5a9681183ee"`);
    await queryRunner.query(
      `CREATE FUNCTION "kpi_measurements_campaign_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         DELETE FROM "kpi_measurements" WHERE "agencyId" = OLD."agencyId" AND "campaignId" = OLD."id";
         RETURN OLD;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "kpi_measurements_campaign_deleted" AFTER DELETE ON "campaigns" FOR EACH ROW EXECUTE FUNCTION "kpi_measurements_campaign_deleted"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "kpi_measurements_campaign_deleted" ON "campaigns"`);
    await queryRunner.query(`DROP FUNCTION "kpi_measurements_campaign_deleted"()`);
    await queryRunner.query(
      `ALTER TABLE "kpi_measurements" ADD CONSTRAINT "FK_de740823b54bf97d5a9681183ee" FOREIGN KEY ("campaignId") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }
}
