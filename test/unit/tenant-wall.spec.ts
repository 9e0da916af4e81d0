/**
 * The statements that do not go through an agency's unit of work (row-level security) run as the
 * connecting role, which (a plain login role, member of agency_app, no BYPASSRLS) sees no tenant
 * row there: across agencies it reads only through the narrow SECURITY DEFINER functions of
 * migrations/1796700001000-BeforeAgencyLookups.ts (src/services/before-agency.ts). They must stay
 * few and explicit all the same: this lists every place in src/ that reaches the pool directly,
 * with why. A new one fails here until it is justified (or, better, goes through the scope module:
 * scoped, agencyUnit, beforeAgency).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const POOL = /\bdataSource\.(manager|query|getRepository|transaction|createQueryRunner|createQueryBuilder)\b|\b(pool|queue)Executor\(/g;

const ALLOWED: Record<string, { uses: number; why: string }> = {
  'src/services/scope.ts': {
    uses: 7,
    why: 'the scope module: beforeAgency (and systemBeforeAgency, for the sign-up email job and pruning expired sign-ups), the agencies (and their owners) of a sweep through app_agencies / app_agency_owners, pool transactions of work before the agency, DB_ROW_SECURITY=false',
  },
  'src/services/auth.service.ts': { uses: 1, why: "the bearer token's user (app_user_for_token), read before the request's agency is known" },
  'src/services/job.service.ts': { uses: 2, why: 'the nightly pruning of finished job records of every agency (app_prune_job_records), and finding the records of runs the queue gave up on (app_interrupted_jobs; each is updated in its agency\'s unit)' },
  'src/services/outbound-email.service.ts': { uses: 1, why: 'the nightly pruning of old outbox emails of every agency (app_prune_outbox)' },
  'src/app.ts': { uses: 1, why: 'the manager of anonymous requests (which reach data only through beforeAgency)' },
  'src/db/availability.ts': { uses: 1, why: "the SELECT 1 that tells whether the database is back (/ready, a read waiting to be retried)" },
  'src/db/tenant-runner.ts': { uses: 1, why: 'the unit of work itself' },
  'src/jobs/queue.ts': { uses: 2, why: "pg-boss on its own schema (not the agencies' tables), and installing that schema as the owner (installQueue)" },
  'src/jobs/executor.ts': { uses: 3, why: "pg-boss's statements (for installing its schema, and for the queue, dropped once the pool has closed), and a job sent outside a transaction" },
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

it('reaches the pool (outside any agency unit) only where listed', () => {
  const found: Record<string, number> = {};
  for (const file of sources(join(ROOT, 'src'))) {
    const code = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\/\/|\*)/.test(line))
      .join('\n');
    const n = code.match(POOL)?.length ?? 0;
    if (n > 0) found[relative(ROOT, file)] = n;
  }
  expect(found).toEqual(Object.fromEntries(Object.entries(ALLOWED).map(([f, a]) => [f, a.uses])));
});
