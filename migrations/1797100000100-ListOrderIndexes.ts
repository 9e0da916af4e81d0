import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agency-wide lists read a page in their own order (newest first, keyset on the sort column
 * and id). Without an index in that order PostgreSQL read every row the agency has of the kind and
 * sorted them for each page: ~3 ms for 2 000 invoices, growing with the agency. With one, a page is
 * an index range read backwards of `first + 1` entries, whatever the agency's size. (Reports are
 * listed per client, a few a month: their sort stays small.)
 */
export const LIST_ORDER_INDEXES: [index: string, table: string, column: string][] = [
  ['invoices_newest', 'invoices', 'createdAt'],
  ['contracts_newest', 'contracts', 'createdAt'],
  ['acts_newest', 'acts', 'createdAt'],
  ['credit_notes_newest', 'credit_notes', 'createdAt'],
  ['proposals_newest', 'proposals', 'createdAt'],
  ['briefs_newest', 'briefs', 'createdAt'],
  ['campaigns_newest', 'campaigns', 'createdAt'],
  ['deals_newest', 'deals', 'openedAt'],
  ['meetings_newest', 'meetings', 'startsAt'],
  ['interactions_newest', 'interactions', 'occurredAt'],
  ['surveys_newest', 'surveys', 'sentAt'],
];

export class ListOrderIndexes1797100000100 implements MigrationInterface {
  name = 'ListOrderIndexes1797100000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [index, table, column] of LIST_ORDER_INDEXES) {
      await queryRunner.query(`CREATE INDEX "${index}" ON "${table}" ("agencyId", "${column}", "id") `);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [index] of [...LIST_ORDER_INDEXES].reverse()) await queryRunner.query(`DROP INDEX "public"."${index}"`);
  }
}
