import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1796700000900-RowLevelSecurity';

/** The role a portal user's work runs as (src/db/tenant-runner.ts): agency_app's rights, and the portal policy. */
export const PORTAL_ROLE = 'agency_portal';

/** The portal user's client of the transaction, set with the agency (set_config(…, true)); unset: NULL, no row. */
const CLIENT = `NULLIF(current_setting('app.client_id', true), '')::uuid`;

/**
 * The portal wall. A portal user's work runs as the role agency_portal (NOLOGIN, a member of
 * agency_app: the same rights), with `app.client_id` set to the user's client next to the agency.
 * Every table with a `clientId` column (and `clients` itself, by its id) gets a RESTRICTIVE policy
 * `portal` for that role only: a row is visible and writable only if it is that client's, and
 * without the setting nothing is (fails closed). Restrictive: it narrows the agency's policy,
 * never widens it. The staff's, the jobs' and the sweeps' statements (agency_app) are not under
 * it at all, so they pay nothing for it: an agency-wide report over millions of rows keeps its
 * plan.
 *
 * `users` keeps its staff rows (no client) visible to a portal user: the portal shows the
 * client's account manager; another client's portal users are hidden.
 *
 * A login role switches to agency_portal when it is a member of it: `GRANT agency_app,
 * agency_portal TO api` (README, Security). The tables are found in the catalog, as the agency
 * policy's were; test/e2e/tenant-columns fails for a later table with a client and no policy.
 */
export class PortalRowSecurity1796900000100 implements MigrationInterface {
  name = 'PortalRowSecurity1796900000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${PORTAL_ROLE}') THEN
        CREATE ROLE ${PORTAL_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- another database of the cluster created it at the same moment
    END $$`);
    // agency_app's rights, present and future, through membership (roles are cluster-wide: granted once)
    await queryRunner.query(`DO $$ BEGIN
      IF NOT pg_has_role('${PORTAL_ROLE}', '${APP_ROLE}', 'MEMBER') THEN
        GRANT ${APP_ROLE} TO ${PORTAL_ROLE};
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END $$`);
    const tables: { name: string }[] = await queryRunner.query(CLIENT_TABLES);
    for (const { name } of tables) {
      const own = name === 'users' ? `("clientId" IS NULL OR "clientId" = ${CLIENT})` : `"clientId" = ${CLIENT}`;
      await queryRunner.query(`CREATE POLICY portal ON "${name}" AS RESTRICTIVE TO ${PORTAL_ROLE} USING (${own}) WITH CHECK (${own})`);
    }
    await queryRunner.query(`CREATE POLICY portal ON "clients" AS RESTRICTIVE TO ${PORTAL_ROLE} USING (id = ${CLIENT}) WITH CHECK (id = ${CLIENT})`);
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
