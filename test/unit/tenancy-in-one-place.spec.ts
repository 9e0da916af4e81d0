import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Tenancy is written in one place: src/services/scope.ts adds the agency to every read and
 * stamps it on every write. Anywhere else, a tenant condition written by hand ("agencyId" in SQL,
 * or agencyId as a key of a where/insert object) is a second, unreviewed wall. This check fails
 * when one appears outside the places listed below, each with its reason.
 */
const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');

const ALLOWED: Record<string, string> = {
  'src/services/scope.ts': 'the scope module itself',
  'src/context.ts': 'the Actor type names the agency of the caller',
  'src/auth/token.ts': 'the agency is a claim of the signed token',
  'src/services/auth.service.ts': 'authentication establishes the actor (no tenant yet to scope by); registration creates a new tenant',
  'src/seed/demo.ts': 'bootstraps a brand-new demo agency (its owner does not exist yet); the activity itself goes through the API',
  'src/seed/demo-activity.ts': 'the ids of the demo agency created above',
  'src/app.ts': 'log fields of the request',
  'src/loaders/loader-kit.ts': 'the type of a tenant row',
  'src/db/tenant-runner.ts': "the unit of work that gives PostgreSQL the agency for row-level security (the scope module's second wall)",
  'src/services/before-agency.ts': 'the types of the lookups made before the agency is known (each row names the agency it belongs to)',
  'src/services/job.service.ts': 'system maintenance over every agency\'s job records (reconciling interrupted runs reads each record\'s agency for its language)',
};

const PATTERNS: [RegExp, string][] = [
  [/"agencyId"/, 'the agency column in SQL'],
  [/\bagencyId\s*:/, 'agencyId as an object key (a where, insert or update object)'],
  [/\{\s*agencyId\s*[,}]/, 'agencyId as a shorthand object key'],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'entities' ? [] : files(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('tenancy lives in the scope module', () => {
  it('finds no tenant condition written by hand outside src/services/scope.ts', () => {
    const offences: string[] = [];
    for (const path of files(SRC)) {
      const rel = relative(ROOT, path).split('\\').join('/');
      if (ALLOWED[rel]) continue;
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
          for (const [re, what] of PATTERNS) if (re.test(line)) offences.push(`${rel}:${i + 1}: ${what}: ${line.trim()}`);
        });
    }
    expect(offences).toEqual([]);
  });

  it('would notice one (the check itself can fail)', () => {
    const line = `await repo.delete({ invoiceId, agencyId: invoice.agencyId });`;
    expect(PATTERNS.some(([re]) => re.test(line))).toBe(true);
    expect(PATTERNS.some(([re]) => re.test(`qb.where('l."agencyId" = :a')`))).toBe(true);
  });
});
