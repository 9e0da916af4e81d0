import { MigrationInterface, QueryRunner } from 'typeorm';

/** The role the app's tenant statements run as (SET LOCAL ROLE in every tenant transaction: src/db/tenant-runner.ts). */
export const APP_ROLE = 'agency_app';

/**
 * The second wall: PostgreSQL enforces the tenant as well as the scope module. Every table with an
 * `agencyId` column (and `agencies` itself, by its id) gets ENABLE + FORCE ROW LEVEL SECURITY and
 * one policy: a row is visible and writable only while the transaction's `app.agency_id` setting
 * names its agency. A missing setting compares with NULL: no row, no error (fails closed).
 *
 * The policy binds every role without BYPASSRLS; the app's tenant transactions switch to the
 * NOLOGIN role agency_app (NOSUPERUSER NOBYPASSRLS), so the wall holds whoever the app connects as
 * (a superuser, as in tests and development, bypasses RLS on its own statements, not on agency_app's).
 * Roles are cluster-wide and every jest worker database runs this migration: created if absent,
 * never dropped by `down` (other databases of the cluster may hold grants to it).
 *
 * The tables are found in the catalog, not listed: this migration runs after every earlier one,
 * and test/e2e/tenant-columns.e2e-spec.ts fails for a later table that comes without its policy.
 */
export class RowLevelSecurity1796700000900 implements MigrationInterface {
  name = 'RowLevelSecurity1796700000900';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
        CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      -- another database of the cluster created it at the same moment
      NULL;
    END $$`);
    // what the app does today, no more: data statements, no DDL, nothing on the migrations' bookkeeping
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`);
    await queryRunner.query(`REVOKE ALL ON TABLE "migrations" FROM ${APP_ROLE}`);
    await queryRunner.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`);
    // tables created later by the same owner (later migrations; pg-boss's schema and per-queue
    // tables, created at start by the connecting role when it is the owner)
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${APP_ROLE}`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO ${APP_ROLE}`);
    // an existing deployment: pg-boss's schema is already there (jobs are sent inside tenant transactions)
    await queryRunner.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss') THEN
        GRANT USAGE ON SCHEMA pgboss TO ${APP_ROLE};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${APP_ROLE};
        GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA pgboss TO ${APP_ROLE};
        GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO ${APP_ROLE};
      END IF;
    END $$`);
    const tables: { name: string }[] = await queryRunner.query(TENANT_TABLES);
    for (const { name } of tables) {
      await queryRunner.query(`ALTER TABLE "${name}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${name}" FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`CREATE POLICY tenant ON "${name}" USING ("agencyId" = ${AGENCY}) WITH CHECK ("agencyId" = ${AGENCY})`);
    }
    await queryRunner.query(`ALTER TABLE "agencies" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "agencies" FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY tenant ON "agencies" USING (id = ${AGENCY}) WITH CHECK (id = ${AGENCY})`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const tables: { name: string }[] = await queryRunner.query(TENANT_TABLES);
    for (const { name } of [...tables, { name: 'agencies' }]) {
      await queryRunner.query(`DROP POLICY IF EXISTS tenant ON "${name}"`);
      await queryRunner.query(`ALTER TABLE "${name}" NO FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${name}" DISABLE ROW LEVEL SECURITY`);
    }
    // every grant and default privilege of the role in this database; the role itself stays
    await queryRunner.query(`DROP OWNED BY ${APP_ROLE}`);
  }
}

/** The transaction's agency: '' (a setting reset at the end of an earlier transaction) counts as none. */
const AGENCY = `NULLIF(current_setting('app.agency_id', true), '')::uuid`;

const TENANT_TABLES = `SELECT c.relname AS name
   FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
    AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'agencyId' AND NOT a.attisdropped)
  ORDER BY c.relname`;
