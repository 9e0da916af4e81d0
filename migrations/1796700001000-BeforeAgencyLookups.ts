import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1796700000900-RowLevelSecurity';

/**
 * The work done before any agency is known (login by email, a bearer token's user, a one-time
 * link's token, the agencies of a scheduled sweep, the queue's maintenance over every agency) goes
 * through these functions and nothing else, so that the API's login role needs no BYPASSRLS: a
 * plain login role that is a member of agency_app (`GRANT agency_app TO api`) reads, outside an
 * agency's unit of work, no tenant row at all (row-level security fails closed), and across
 * agencies only what these functions return.
 *
 * Each is SECURITY DEFINER: it runs as its owner, the role that runs the migrations, which owns
 * the tables and must pass their forced row-level security (a superuser, or a role with
 * BYPASSRLS; the migration warns otherwise). Each has a fixed search_path, takes values (never
 * SQL) and returns the fewest columns its caller needs; EXECUTE is taken from PUBLIC and given to
 * agency_app only. The lookups are plpgsql, whose plans are cached per connection: the token's
 * user of every request costs less than the plain query it replaces (pgbench, one connection:
 * ~0.10 ms against ~0.16 ms; a plain SQL function, re-planned on every call, ~0.19 ms). Callers:
 * src/services/before-agency.ts (the lookups), src/services/job.service.ts and
 * outbound-email.service.ts (the nightly pruning).
 *
 * Also: SELECT on the migrations' bookkeeping for agency_app, so that an API started as the login
 * role finds that nothing is pending (it still cannot apply a migration: they run as the owner),
 * and pg-boss's schema, if already there, granted again (idempotent: the earlier migration's
 * default privileges cover what the owner creates later).
 */
export class BeforeAgencyLookups1796700001000 implements MigrationInterface {
  name = 'BeforeAgencyLookups1796700001000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolbypassrls)) THEN
        RAISE WARNING 'the functions of the lookups before the agency run as % (the migrations'' role), which neither is a superuser nor has BYPASSRLS: under forced row-level security they will find nothing (ALTER ROLE % BYPASSRLS)', current_user, current_user;
      END IF;
    END $$`);
    for (const [signature, sql] of FUNCTIONS) {
      await queryRunner.query(sql);
      await queryRunner.query(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${signature} TO ${APP_ROLE}`);
    }
    await queryRunner.query(`GRANT SELECT ON TABLE "migrations" TO ${APP_ROLE}`);
    await queryRunner.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss') THEN
        GRANT USAGE ON SCHEMA pgboss TO ${APP_ROLE};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${APP_ROLE};
        GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA pgboss TO ${APP_ROLE};
        GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO ${APP_ROLE};
      END IF;
    END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE SELECT ON TABLE "migrations" FROM ${APP_ROLE}`);
    for (const [signature] of [...FUNCTIONS].reverse()) await queryRunner.query(`DROP FUNCTION IF EXISTS ${signature}`);
  }
}

const DEFINER = `SECURITY DEFINER SET search_path = pg_catalog, public`;

/** [signature, CREATE statement] of each function. */
const FUNCTIONS: [string, string][] = [
  [
    'app_user_for_login(text)',
    // login by email: what the password check and the agency need, nothing else (the payload's
    // user is read back by the agency's own UPDATE … RETURNING of lastLoginAt)
    `CREATE FUNCTION app_user_for_login(p_email text)
       RETURNS TABLE ("id" uuid, "agencyId" uuid, "passwordHash" varchar, "isActive" boolean)
       LANGUAGE plpgsql STABLE ${DEFINER} AS $$
       #variable_conflict use_column
       BEGIN
         RETURN QUERY SELECT u.id, u."agencyId", u."passwordHash", u."isActive" FROM public.users u WHERE u.email = p_email;
       END $$`,
  ],
  [
    'app_user_for_token(uuid)',
    // every authenticated request: the actor of a bearer token or a document link
    `CREATE FUNCTION app_user_for_token(p_user_id uuid)
       RETURNS TABLE ("id" uuid, "agencyId" uuid, "role" public.user_role, "clientId" uuid, "isActive" boolean, "tokenVersion" integer, "locale" public.locale)
       LANGUAGE plpgsql STABLE ${DEFINER} AS $$
       #variable_conflict use_column
       BEGIN
         RETURN QUERY SELECT u.id, u."agencyId", u.role, u."clientId", u."isActive", u."tokenVersion", COALESCE(u.locale, a.locale)
           FROM public.users u JOIN public.agencies a ON a.id = u."agencyId"
          WHERE u.id = p_user_id;
       END $$`,
  ],
  [
    'app_password_token(bpchar, boolean)',
    // an invitation's or reset's one-time token by its hash, locked (FOR UPDATE, held by the
    // caller's transaction) when it is about to be used; with the holder's email and name, which
    // the new password is judged against
    `CREATE FUNCTION app_password_token(p_token_hash bpchar, p_lock boolean)
       RETURNS TABLE ("id" uuid, "agencyId" uuid, "userId" uuid, "expiresAt" timestamptz, "usedAt" timestamptz, "email" varchar, "fullName" varchar)
       LANGUAGE plpgsql ${DEFINER} AS $$
       #variable_conflict use_column
       BEGIN
         IF p_lock THEN
           RETURN QUERY SELECT t.id, t."agencyId", t."userId", t."expiresAt", t."usedAt", u.email, u."fullName"
             FROM public.password_reset_tokens t LEFT JOIN public.users u ON u.id = t."userId"
            WHERE t."tokenHash" = p_token_hash FOR UPDATE OF t;
         ELSE
           RETURN QUERY SELECT t.id, t."agencyId", t."userId", t."expiresAt", t."usedAt", u.email, u."fullName"
             FROM public.password_reset_tokens t LEFT JOIN public.users u ON u.id = t."userId"
            WHERE t."tokenHash" = p_token_hash;
         END IF;
       END $$`,
  ],
  [
    'app_survey_invitation(bpchar, boolean)',
    // a survey's one-time link by its token's hash (locked when it is about to be answered)
    `CREATE FUNCTION app_survey_invitation(p_token_hash bpchar, p_lock boolean)
       RETURNS TABLE ("id" uuid, "agencyId" uuid, "surveyId" uuid, "clientId" uuid, "contactId" uuid, "expiresAt" timestamptz, "answeredAt" timestamptz)
       LANGUAGE plpgsql ${DEFINER} AS $$
       #variable_conflict use_column
       BEGIN
         IF p_lock THEN
           RETURN QUERY SELECT i.id, i."agencyId", i."surveyId", i."clientId", i."contactId", i."expiresAt", i."answeredAt"
             FROM public.survey_invitations i WHERE i."tokenHash" = p_token_hash FOR UPDATE;
         ELSE
           RETURN QUERY SELECT i.id, i."agencyId", i."surveyId", i."clientId", i."contactId", i."expiresAt", i."answeredAt"
             FROM public.survey_invitations i WHERE i."tokenHash" = p_token_hash;
         END IF;
       END $$`,
  ],
  [
    'app_agencies()',
    // a sweep over every agency: its id and language, oldest first
    `CREATE FUNCTION app_agencies()
       RETURNS TABLE ("id" uuid, "locale" public.locale)
       LANGUAGE plpgsql STABLE ${DEFINER} AS $$
       #variable_conflict use_column
       BEGIN
         RETURN QUERY SELECT a.id, a.locale FROM public.agencies a ORDER BY a."createdAt", a.id;
       END $$`,
  ],
  [
    'app_agency_owners(boolean)',
    // a sweep acting as each agency's first active owner (only agencies with report schedules, when asked)
    `CREATE FUNCTION app_agency_owners(p_with_report_schedules boolean)
       RETURNS TABLE ("agencyId" uuid, "userId" uuid, "locale" public.locale)
       LANGUAGE plpgsql STABLE ${DEFINER} AS $$
       #variable_conflict use_column
       BEGIN
         RETURN QUERY SELECT DISTINCT ON (a.id) a.id, u.id, a.locale
           FROM public.agencies a
           JOIN public.users u ON u."agencyId" = a.id AND u.role = 'OWNER' AND u."isActive"
          WHERE NOT p_with_report_schedules OR EXISTS (SELECT 1 FROM public.report_schedules s WHERE s."agencyId" = a.id)
          ORDER BY a.id, u."createdAt", u.id;
       END $$`,
  ],
  [
    'app_prune_job_records(integer)',
    // nightly: the records of jobs finished more than p_days ago, every agency's; how many went
    `CREATE FUNCTION app_prune_job_records(p_days integer)
       RETURNS bigint
       LANGUAGE sql ${DEFINER} AS $$
         WITH gone AS (DELETE FROM public.jobs WHERE "finishedAt" < now() - make_interval(days => p_days) RETURNING 1)
         SELECT count(*) FROM gone
       $$`,
  ],
  [
    'app_prune_outbox(integer)',
    // nightly: outbox emails no longer waiting (not QUEUED) created more than p_days ago; how many went
    `CREATE FUNCTION app_prune_outbox(p_days integer)
       RETURNS bigint
       LANGUAGE sql ${DEFINER} AS $$
         WITH gone AS (DELETE FROM public.outbound_emails WHERE status <> 'QUEUED' AND "createdAt" < now() - make_interval(days => p_days) RETURNING 1)
         SELECT count(*) FROM gone
       $$`,
  ],
  [
    'app_interrupted_jobs()',
    // every 5 minutes: the job records left RUNNING whose queue job pg-boss gave up on (retried or
    // failed); each is then updated in its own agency's unit. plpgsql: pg-boss's schema (pgboss)
    // may not exist yet when this is created; it does when the queue runs this
    `CREATE FUNCTION app_interrupted_jobs()
       RETURNS TABLE ("id" uuid, "agencyId" uuid, "bossState" text, "locale" public.locale)
       LANGUAGE plpgsql STABLE ${DEFINER} AS $$
       #variable_conflict use_column
       BEGIN
         RETURN QUERY
           WITH running AS (SELECT j.id, j."bossJobId", j."agencyId" FROM public.jobs j WHERE j.state = 'RUNNING'),
                boss AS (SELECT b.id, b.state::text AS state FROM pgboss.job b WHERE b.id IN (SELECT "bossJobId" FROM running)
                         UNION ALL
                         SELECT b.id, b.state::text FROM pgboss.archive b WHERE b.id IN (SELECT "bossJobId" FROM running))
           SELECT r.id, r."agencyId", b.state, a.locale
             FROM running r JOIN boss b ON b.id = r."bossJobId" JOIN public.agencies a ON a.id = r."agencyId"
            WHERE b.state IN ('created', 'retry', 'failed', 'cancelled');
       END $$`,
  ],
];
