import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { run } from 'graphql-schema-linter/lib/runner';
import { printSchemaSdl } from '../../src/schema/print';

/** Where `.graphql-schema-linterrc` lives: humans run `npx graphql-schema-linter` there with the same rules. */
const ROOT = join(__dirname, '..', '..');

interface LintError {
  message: string;
  rule: string;
  location: { line: number; column: number };
}

/** Runs the graphql-schema-linter CLI in-process over `sdl`, with the repository's configuration. */
async function lint(sdl: string): Promise<{ exitCode: number; errors: LintError[]; warnings: string }> {
  let out = '';
  let warnings = '';
  const exitCode = await run(
    { write: (s: string) => ((out += s), true) },
    Readable.from([Buffer.from(sdl, 'utf8')]),
    { write: (s: string) => ((warnings += s), true) },
    ['node', 'graphql-schema-linter', '--stdin', '--format', 'json', '--config-directory', ROOT],
  );
  return { exitCode, errors: out ? (JSON.parse(out) as { errors: LintError[] }).errors : [], warnings };
}

describe('schema conventions (graphql-schema-linter, .graphql-schema-linterrc)', () => {
  it('configures the contract conventions, and not alphabetical enum order (the order of stages is meaningful)', () => {
    const config = JSON.parse(readFileSync(join(ROOT, '.graphql-schema-linterrc'), 'utf8')) as { rules: string[] };
    expect(config.rules).toEqual(
      expect.arrayContaining([
        'types-have-descriptions',
        'fields-have-descriptions',
        'arguments-have-descriptions',
        'enum-values-have-descriptions',
        'input-object-values-have-descriptions',
        'enum-values-all-caps',
        'types-are-capitalized',
        'fields-are-camel-cased',
        'input-object-values-are-camel-cased',
        'relay-connection-types-spec',
        'relay-connection-arguments-spec',
        'relay-page-info-spec',
        'defined-types-are-used',
      ]),
    );
    expect(config.rules).not.toContain('enum-values-sorted-alphabetically');
  });

  it('the contract built from the code follows every configured rule', async () => {
    const { exitCode, errors, warnings } = await lint(await printSchemaSdl());
    // a misspelt rule name is only a warning for the linter, which would silently skip the rule
    expect(warnings).toBe('');
    expect(errors.map((e) => `${e.rule}: ${e.message}`)).toEqual([]);
    expect(exitCode).toBe(0);
  });

  it('reports a violation of each kind (the check can fail)', async () => {
    const sdl = `
      type Query {
        "Lists things."
        things(
          "How many."
          first: Int
          "After this cursor."
          after: String
        ): ThingConnection!
        undescribed: String
      }
      "A page of things."
      type ThingConnection {
        "Things."
        edges: [ThingEdge!]!
      }
      "A thing on a page."
      type ThingEdge {
        "The cursor."
        cursor: String!
        "The thing."
        node: Thing!
      }
      "A thing."
      type Thing {
        "Its id."
        id: ID!
        "Wrongly named."
        Snake_case: String
        "Its status."
        status: ThingStatus!
      }
      "Status of a thing."
      enum ThingStatus {
        "Active."
        ACTIVE
        archived
      }
      "Never referenced."
      type Orphan {
        "A field."
        name: String
      }
    `;
    const { exitCode, errors, warnings } = await lint(sdl);
    expect(warnings).toBe('');
    expect(exitCode).toBe(1);
    expect(new Set(errors.map((e) => e.rule))).toEqual(
      new Set([
        'types-have-descriptions', // Query
        'fields-have-descriptions', // Query.undescribed
        'fields-are-camel-cased', // Thing.Snake_case
        'enum-values-have-descriptions', // ThingStatus.archived
        'enum-values-all-caps', // ThingStatus.archived
        'relay-connection-types-spec', // ThingConnection without pageInfo
        'relay-page-info-spec', // no PageInfo type
        'defined-types-are-used', // Orphan
      ]),
    );
  });

  it('speaks to agencies: no description refers to where a rule was taken from', async () => {
    const lines = (await printSchemaSdl()).split('\n');
    expect(lines.filter((line) => /\bseeds?\b|\bsection \d|\bsource article/i.test(line))).toEqual([]);
  });
});
