import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The layers depend one way: resolvers → services → schema / entities. The contract (src/schema)
 * never reaches into the rules or the resolvers, storage (src/entities) knows neither the
 * contract nor the rules, and resolvers stay thin: no database access of their own (loaders and
 * services do that). Type-only imports count too: they tie the files together all the same.
 */
const ROOT = join(__dirname, '..', '..');

interface ImportRule {
  /** the layer whose files are checked */
  from: string;
  /** folders those files must not import */
  forbidden: string[];
  why: string;
}

const IMPORT_RULES: ImportRule[] = [
  { from: 'src/schema', forbidden: ['src/services', 'src/resolvers'], why: 'the contract does not depend on the rules or the resolvers' },
  { from: 'src/entities', forbidden: ['src/schema', 'src/services'], why: 'storage knows neither the contract nor the rules' },
];

/** Files that sit at a layer's edge on purpose, each with its reason. */
const ALLOWED: Record<string, string> = {
  'src/schema/index.ts': 'builds the executable schema: type-graphql takes the resolver classes to assemble Query and Mutation',
};

/** What a resolver never does itself (it calls a service or a loader instead). */
const RESOLVER_PATTERNS: [RegExp, string][] = [
  [/\bscoped\(/, 'scoped( (tenancy belongs in a service)'],
  [/\bgetRepository\b/, 'getRepository (database access belongs in a service)'],
  [/\bcreateQueryBuilder\b/, 'createQueryBuilder (database access belongs in a service)'],
  [/\.query\(/, '.query( (SQL belongs in a service)'],
  [/\bnew DataLoader\b/, 'new DataLoader (loaders live in src/loaders)'],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const rel = (path: string) => relative(ROOT, path).split('\\').join('/');

/** Every module specifier of a source text: import / export … from, side-effect imports, import(), require(). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
  for (const m of source.matchAll(re)) found.push(m[1]);
  return found;
}

/** The imports of one file (given by its path relative to the repository) that break a rule. */
function importOffences(file: string, source: string): string[] {
  const rules = IMPORT_RULES.filter((r) => file.startsWith(r.from + '/'));
  if (rules.length === 0 || ALLOWED[file]) return [];
  const offences: string[] = [];
  for (const spec of specifiers(source)) {
    if (!spec.startsWith('.')) continue;
    const target = rel(resolve(ROOT, dirname(file), spec));
    for (const rule of rules) {
      const hit = rule.forbidden.find((f) => target === f || target.startsWith(f + '/'));
      if (hit) offences.push(`${file} imports ${spec} (${hit}): ${rule.why}`);
    }
  }
  return offences;
}

/** The lines of a resolver file that do what only services and loaders may do. */
function resolverOffences(file: string, source: string): string[] {
  const offences: string[] = [];
  source.split('\n').forEach((line, i) => {
    if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
    for (const [re, what] of RESOLVER_PATTERNS) if (re.test(line)) offences.push(`${file}:${i + 1}: ${what}: ${line.trim()}`);
  });
  return offences;
}

describe('layering', () => {
  it('the schema imports no service or resolver, and the entities import no schema or service', () => {
    const offences = files(join(ROOT, 'src')).flatMap((path) => importOffences(rel(path), readFileSync(path, 'utf8')));
    expect(offences).toEqual([]);
  });

  it('resolvers are thin: no scoped repositories, query builders, SQL or DataLoaders of their own', () => {
    const offences = files(join(ROOT, 'src', 'resolvers')).flatMap((path) => resolverOffences(rel(path), readFileSync(path, 'utf8')));
    expect(offences).toEqual([]);
  });

  it('would notice a breach (the checks themselves can fail)', () => {
    expect(importOffences('src/schema/brief/brief.type.ts', `import { briefCompleteness } from '../../services/brief.service';`)).toHaveLength(1);
    expect(importOffences('src/schema/x/x.type.ts', `import type { A } from '../../resolvers/a.resolver';`)).toHaveLength(1);
    expect(importOffences('src/schema/x/x.type.ts', `export { A } from "../../services/a";`)).toHaveLength(1);
    expect(importOffences('src/entities/a.entity.ts', `import { AType } from '../schema/a/a.type';`)).toHaveLength(1);
    expect(importOffences('src/entities/a.entity.ts', `const s = require('../services/scope');`)).toHaveLength(1);
    expect(importOffences('src/entities/a.entity.ts', `import { Locale } from './enums';`)).toEqual([]);
    expect(importOffences('src/services/a.service.ts', `import { AType } from '../schema/a/a.type';`)).toEqual([]);
    expect(resolverOffences('src/resolvers/a.resolver.ts', `    return scoped(ctx, Client).find();`)).toHaveLength(1);
    expect(resolverOffences('src/resolvers/a.resolver.ts', `    return ctx.manager.query('SELECT 1');`)).toHaveLength(1);
    expect(resolverOffences('src/resolvers/a.resolver.ts', `  const l = new DataLoader(async (ids) => ids);`)).toHaveLength(1);
    expect(resolverOffences('src/resolvers/a.resolver.ts', `    return ctx.manager.getRepository(Client).createQueryBuilder('c');`)).toHaveLength(2);
    expect(resolverOffences('src/resolvers/a.resolver.ts', `    return clients.getClient(ctx, id);`)).toEqual([]);
  });
});
