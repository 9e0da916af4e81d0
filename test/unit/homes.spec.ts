import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One home per feature: whoever knows a stem (`invoice`, `control-point`, …) finds each room of
 * it by name: src/schema/<stem>/<stem>.type.ts (object types), .inputs.ts (input types), .args.ts
 * (list arguments), .results.ts (error results and result unions), .enums.ts (enum
 * registrations), and src/resolvers/<stem>.resolver.ts. src/schema/common holds what several
 * stems share; src/schema/validators the input rules.
 */
const ROOT = join(__dirname, '..', '..');
const SCHEMA = join(ROOT, 'src', 'schema');
const SHARED = new Set(['common', 'validators']);
const ROOMS = ['type', 'inputs', 'args', 'results', 'enums'];

/** Which room each kind of declaration belongs in. */
const PLACES: [RegExp, string, string[]][] = [
  [/@InputType\(/, 'an input type', ['inputs']],
  [/@ArgsType\(/, 'list arguments', ['args']],
  [/\bregisterEnumType\(/, 'an enum registration', ['enums']],
  [/@ObjectType\(/, 'an object type', ['type', 'results']],
  [/\bresultUnion\(/, 'a result union', ['results']],
];

/** What is wrong with one file of a stem folder (given its folder, file name and text). */
function misplaced(stem: string, name: string, text: string): string[] {
  const room = ROOMS.find((r) => name === `${stem}.${r}.ts`);
  if (!room) return [`src/schema/${stem}/${name}: not one of ${ROOMS.map((r) => `${stem}.${r}.ts`).join(', ')}`];
  return PLACES.filter(([re, , rooms]) => re.test(text) && !rooms.includes(room)).map(
    ([, what, rooms]) => `src/schema/${stem}/${name}: holds ${what}, whose place is ${rooms.map((r) => `${stem}.${r}.ts`).join(' or ')}`,
  );
}

const stems = () => readdirSync(SCHEMA, { withFileTypes: true }).filter((d) => d.isDirectory() && !SHARED.has(d.name)).map((d) => d.name);

describe('one home per feature', () => {
  it('every file of a schema folder is one of the rooms of its stem, and holds only what that room is for', () => {
    const offences = stems().flatMap((stem) =>
      readdirSync(join(SCHEMA, stem)).flatMap((name) => misplaced(stem, name, readFileSync(join(SCHEMA, stem, name), 'utf8'))),
    );
    expect(offences).toEqual([]);
  });

  it('every resolver file is named after a stem of the schema', () => {
    const known = new Set([...stems(), 'error-result']);
    const strays = readdirSync(join(ROOT, 'src', 'resolvers'))
      .filter((name) => name !== 'index.ts')
      .filter((name) => !(name.endsWith('.resolver.ts') && known.has(name.slice(0, -'.resolver.ts'.length))));
    expect(strays).toEqual([]);
  });

  it('would notice a misplaced declaration or a file outside the scheme (the check itself can fail)', () => {
    expect(misplaced('funnel', 'funnel.types.ts', '')).toHaveLength(1);
    expect(misplaced('deal', 'deal.inputs.ts', '@ArgsType()\nexport class DealsArgs extends PageArgs {}')).toHaveLength(1);
    expect(misplaced('brief', 'brief.type.ts', "registerEnumType(BriefBlock, { name: 'BriefBlock' });")).toHaveLength(1);
    expect(misplaced('auth', 'auth.type.ts', "@InputType({ description: 'Email and password.' })")).toHaveLength(1);
    expect(misplaced('invoice', 'invoice.results.ts', "@ObjectType('EmptyInvoiceError')\nresultUnion('IssueInvoiceResult')")).toEqual([]);
  });
});
