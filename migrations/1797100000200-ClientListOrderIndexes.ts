import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One client's page of a list (a portal user's lists are always one client's; staff filter by
 * client) read through an index in (agency, client, sort column, id) order: a range of that
 * client's rows in the list's order. With only (agency, client) or (agency, client, time) indexes
 * next to the agency-wide ones of ListOrderIndexes, PostgreSQL may walk the agency's newest rows
 * backwards and filter the client's out of them: quick for a client with recent rows, a read of the
 * whole table for one whose rows are all old. Each client index gets the list's order (its prefix
 * still serves every read by agency and client).
 */
export const CLIENT_LIST_ORDER_INDEXES: [index: string, table: string, before: string[], after: string[]][] = [
  ['invoices_client', 'invoices', ['agencyId', 'clientId'], ['agencyId', 'clientId', 'createdAt', 'id']],
  ['contracts_client', 'contracts', ['agencyId', 'clientId'], ['agencyId', 'clientId', 'createdAt', 'id']],
  ['acts_client', 'acts', ['agencyId', 'clientId'], ['agencyId', 'clientId', 'createdAt', 'id']],
  ['credit_notes_client', 'credit_notes', ['agencyId', 'clientId'], ['agencyId', 'clientId', 'createdAt', 'id']],
  ['proposals_client', 'proposals', ['agencyId', 'clientId'], ['agencyId', 'clientId', 'createdAt', 'id']],
  ['briefs_client', 'briefs', ['agencyId', 'clientId'], ['agencyId', 'clientId', 'createdAt', 'id']],
  ['campaigns_client', 'campaigns', ['agencyId', 'clientId'], ['agencyId', 'clientId', 'createdAt', 'id']],
  ['deals_client', 'deals', ['agencyId', 'clientId'], ['agencyId', 'clientId', 'openedAt', 'id']],
  ['meetings_client_time', 'meetings', ['agencyId', 'clientId', 'startsAt'], ['agencyId', 'clientId', 'startsAt', 'id']],
  ['interactions_client_time', 'interactions', ['agencyId', 'clientId', 'occurredAt'], ['agencyId', 'clientId', 'occurredAt', 'id']],
  ['surveys_client', 'surveys', ['agencyId', 'clientId', 'sentAt'], ['agencyId', 'clientId', 'sentAt', 'id']],
];

const columns = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

/**
 * Replaces each index by one of the same name on other columns. Every new index is built first,
 * under a temporary name (building takes a lock that holds writes back, not reads); only then are
 * the old ones dropped and the new ones renamed, at the very end of the migration's transaction:
 * dropping an index locks its table against reads too, until COMMIT, and that lock is now held for
 * a few statements instead of for every build that would follow it.
 */
async function replace(queryRunner: QueryRunner, indexes: [index: string, table: string, columns: string[]][]): Promise<void> {
  for (const [index, table, cols] of indexes) await queryRunner.query(`CREATE INDEX "${index}_next" ON "${table}" (${columns(cols)}) `);
  for (const [index] of indexes) {
    await queryRunner.query(`DROP INDEX "public"."${index}"`);
    await queryRunner.query(`ALTER INDEX "public"."${index}_next" RENAME TO "${index}"`);
  }
}

export class ClientListOrderIndexes1797100000200 implements MigrationInterface {
  name = 'ClientListOrderIndexes1797100000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await replace(queryRunner, CLIENT_LIST_ORDER_INDEXES.map(([index, table, , after]) => [index, table, after]));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await replace(queryRunner, CLIENT_LIST_ORDER_INDEXES.map(([index, table, before]) => [index, table, before]));
  }
}
