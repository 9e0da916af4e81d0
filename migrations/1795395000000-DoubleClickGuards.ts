import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One live contract per accepted proposal (unless terminated) and one live invoice per
 * payment-schedule item (unless cancelled): partial unique indexes, so that two simultaneous
 * requests cannot both succeed. Existing duplicates are listed and stop the migration: which
 * contract to terminate or which invoice to cancel is a decision for the agency, not for a migration.
 */
export class DoubleClickGuards1795395000000 implements MigrationInterface {
    name = 'DoubleClickGuards1795395000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        const contracts: { agencyId: string; proposalId: string; ids: string }[] = await queryRunner.query(
            `SELECT "agencyId", "proposalId", string_agg(id::text, ', ' ORDER BY "createdAt") AS ids FROM "contracts"
             WHERE "proposalId" IS NOT NULL AND "status" <> 'TERMINATED' GROUP BY "agencyId", "proposalId" HAVING count(*) > 1`,
        );
        const invoices: { agencyId: string; scheduleItemId: string; ids: string }[] = await queryRunner.query(
            `SELECT "agencyId", "scheduleItemId", string_agg(id::text, ', ' ORDER BY "createdAt") AS ids FROM "invoices"
             WHERE "scheduleItemId" IS NOT NULL AND "status" <> 'CANCELLED' GROUP BY "agencyId", "scheduleItemId" HAVING count(*) > 1`,
        );
        if (contracts.length || invoices.length) {
            const lines = [
                ...contracts.map((r) => `proposal ${r.proposalId} (agency ${r.agencyId}) has several live contracts: ${r.ids}; terminate all but one`),
                ...invoices.map((r) => `schedule item ${r.scheduleItemId} (agency ${r.agencyId}) has several live invoices: ${r.ids}; cancel all but one`),
            ];
            throw new Error(`DoubleClickGuards: duplicates to resolve first:\n${lines.join('\n')}`);
        }
        await queryRunner.query(
            `CREATE UNIQUE INDEX "contracts_proposal_live_unique" ON "contracts" ("agencyId", "proposalId") WHERE "proposalId" IS NOT NULL AND "status" <> 'TERMINATED'`,
        );
        await queryRunner.query(
            `CREATE UNIQUE INDEX "invoices_schedule_item_live_unique" ON "invoices" ("agencyId", "scheduleItemId") WHERE "scheduleItemId" IS NOT NULL AND "status" <> 'CANCELLED'`,
        );
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."invoices_schedule_item_live_unique"`);
        await queryRunner.query(`DROP INDEX "public"."contracts_proposal_live_unique"`);
    }

}
