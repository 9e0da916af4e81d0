import { MigrationInterface, QueryRunner } from 'typeorm';

/** The portal user's client of the transaction: set (set_config(…, true)) only for a portal user's work, else unset or ''. */
const CLIENT = `NULLIF(current_setting('app.client_id', true), '')::uuid`;

/**
 * The portal wall: behind the agency's policy (`tenant`), every table with a `clientId` column
 * (and `clients` itself, by its id) gets a second, RESTRICTIVE policy `portal`. While a
 * transaction works for a portal user (src/db/tenant-runner.ts sets `app.client_id` to the
 * user's client) a row is visible and writable only if it belongs to that client; for the
 * agency's staff, jobs and sweeps the setting is empty and the policy lets every row of the
 * agency through. Restrictive: it narrows the agency's policy, it never widens it.
 *
 * `users` keeps its staff rows (no client) visible to a portal user: the portal shows the
 * client's account manager; another client's portal users are hidden.
 *
 * The tables are found in the catalog, as the agency policy's were; test/e2e/tenant-columns
 * fails for a later table with a `clientId` that comes without this policy.
 */
export class PortalRowSecurity1796900000100 implements MigrationInterface {
  name = 'PortalRowSecurity1796900000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const tables: { name: string }[] = await queryRunner.query(CLIENT_TABLES);
    for (const { name } of tables) {
      const own = name === 'users' ? `("clientId" IS NULL OR "clientId" = ${CLIENT})` : `"clientId" = ${CLIENT}`;
      await queryRunner.query(`CREATE POLICY portal ON "${name}" AS RESTRICTIVE USING (${CLIENT} IS NULL OR ${own}) WITH CHECK (${CLIENT} IS NULL OR ${own})`);
    }
    await queryRunner.query(`CREATE POLICY portal ON "clients" AS RESTRICTIVE USING (${CLIENT} IS NULL OR id = ${CLIENT}) WITH CHECK (${CLIENT} IS NULL OR id = ${CLIENT})`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const tables: { name: string }[] = await queryRunner.query(CLIENT_TABLES);
    for (const { name } of tables) await queryRunner.query(`DROP POLICY IF EXISTS portal ON "${name}"`);
    await queryRunner.query(`DROP POLICY IF EXISTS portal ON "clients"`);
  }
}

/** Tables of the public schema with a clientId column (and an agencyId: tenant tables). */
export const CLIENT_TABLES = `
  SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
     AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'clientId' AND NOT a.attisdropped)
     AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'agencyId' AND NOT a.attisdropped)
   ORDER BY c.relname`;
