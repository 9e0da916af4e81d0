import { buildSchema, execute, GraphQLScalarType, parse, type ExecutionResult } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { releaseAfterSerializing, releasePlanOf, releaseResult, serializeAndRelease } from '../../src/result-release';

// A schema with what an answer's tree can hold: nested lists of objects, an interface and a union
// reached through fragments, aliases, and a scalar whose value is an object shared between answers.
const schema = buildSchema(`
  scalar JSON
  interface Named { name: String! }
  type Point { day: String! value: Int }
  type Kpi implements Named { name: String! points: [Point!]! grid: [[Point!]!]! }
  type Note implements Named { name: String! text: String }
  union Item = Kpi | Note
  type Campaign { id: ID! kpis: [Kpi!]! items: [Item!]! named: [Named!]! settings: JSON owner: Campaign }
  type Query { campaign: Campaign other: Int }
`);

/** The one object every answer's `settings` returns: an answer must never be able to change it. */
const SHARED_SETTINGS = { pacing: { tolerance: 10 }, channels: ['seo', 'smm'] };

const point = (day: string, value: number) => ({ day, value });
const root = {
  campaign: {
    id: 'c1',
    settings: SHARED_SETTINGS,
    kpis: [
      { __typename: 'Kpi', name: 'CLICKS', points: [point('2026-01-01', 1), point('2026-01-02', 2)], grid: [[point('2026-01-03', 3)]] },
      { __typename: 'Kpi', name: 'SPEND', points: [point('2026-01-01', 5)], grid: [] },
    ],
    items: [
      { __typename: 'Kpi', name: 'LEADS', points: [point('2026-01-04', 4)], grid: [] },
      { __typename: 'Note', name: 'n', text: 'kept' },
    ],
    named: [{ __typename: 'Note', name: 'x', text: 't' }],
    owner: { id: 'c0', settings: SHARED_SETTINGS, kpis: [], items: [], named: [] },
  },
  other: 7,
};
(schema.getType('JSON') as GraphQLScalarType).serialize = (v: unknown) => v;
for (const t of ['Item', 'Named']) (schema.getType(t) as unknown as { resolveType: (v: { __typename: string }) => string }).resolveType = (v) => v.__typename;

const QUERY = `
  query Read {
    other
    campaign {
      id settings
      kpis { name points { day value } grid { day } }
      first: kpis { points { value } }
      items { ... on Kpi { name points { day } } ...NoteFields }
      named { name ... on Kpi { grid { value } } }
      owner { id settings kpis { name } }
    }
  }
  fragment NoteFields on Note { text }
`;

async function run(engine: 'graphql-js' | 'graphql-jit'): Promise<ExecutionResult> {
  const document = parse(QUERY);
  if (engine === 'graphql-js') return execute({ schema, document, rootValue: root }) as Promise<ExecutionResult>;
  const compiled = compileQuery(schema, document, 'Read');
  if (!isCompiledQuery(compiled as CompiledQuery)) throw new Error('graphql-jit could not compile the test query');
  return (compiled as CompiledQuery).query(root, {}, {}) as Promise<ExecutionResult>;
}

/** Every object and array reachable from `value`, leaves' values included. */
function reachable(value: unknown, out: unknown[] = []): unknown[] {
  if (value === null || typeof value !== 'object' || out.includes(value)) return out;
  out.push(value);
  for (const v of Object.values(value)) reachable(v, out);
  return out;
}

describe('releasePlanOf', () => {
  it('follows the selections of object, interface and union types by response key, fragments merged, and no leaf', () => {
    const plan = releasePlanOf(schema, parse(QUERY), 'Read')!;
    const keys = (p: Map<string, unknown>): object => Object.fromEntries([...p].map(([k, v]) => [k, keys(v as Map<string, unknown>)]));
    expect(keys(plan)).toEqual({
      campaign: {
        kpis: { points: {}, grid: {} },
        first: { points: {} },
        items: { points: {} },
        named: { grid: {} },
        owner: { kpis: {} },
      },
    });
  });

  it('takes the named operation of a document with several, and answers null for one it does not hold', () => {
    const doc = parse('query A { other } query B { campaign { kpis { name } } }');
    expect([...releasePlanOf(schema, doc, 'B')!.keys()]).toEqual(['campaign']);
    expect(releasePlanOf(schema, doc, 'C')).toBeNull();
  });
});

describe.each(['graphql-js', 'graphql-jit'] as const)('an answer made by %s', (engine) => {
  it('serializes exactly as JSON.stringify, then every result object and list it made is cut', async () => {
    const result = await run(engine);
    expect(result.errors).toBeUndefined();
    const expected = JSON.stringify(result);
    const made = reachable(result.data).filter((o) => o !== SHARED_SETTINGS && !reachable(SHARED_SETTINGS).includes(o));
    releaseAfterSerializing(result.data, releasePlanOf(schema, parse(QUERY), 'Read'));

    expect(serializeAndRelease(result)).toBe(expected);

    // what the executor made: objects hold only nulls, lists are empty
    for (const o of made) {
      if (Array.isArray(o)) expect(o).toHaveLength(0);
      else expect(Object.values(o as object).every((v) => v === null)).toBe(true);
    }
    expect(made.length).toBeGreaterThan(15);
    // a scalar's object value is not the executor's: left as it was, for the next answer
    expect(SHARED_SETTINGS).toEqual({ pacing: { tolerance: 10 }, channels: ['seo', 'smm'] });
    // and the next answer is whole
    expect(JSON.stringify(await run(engine))).toBe(expected);
  });
});

describe('serializeAndRelease', () => {
  it('leaves an answer nobody noted for release as it was', async () => {
    const result = await run('graphql-js');
    const before = JSON.stringify(result);
    expect(serializeAndRelease(result)).toBe(before);
    expect(JSON.stringify(result)).toBe(before);
  });

  it('cuts a noted answer once: a second serialization of the same object is not cut again (nor fails)', () => {
    const data = { campaign: { kpis: [{ name: 'A' }] } };
    releaseAfterSerializing(data, releasePlanOf(schema, parse('{ campaign { kpis { name } } }')));
    expect(serializeAndRelease({ data })).toBe('{"data":{"campaign":{"kpis":[{"name":"A"}]}}}');
    expect(serializeAndRelease({ data })).toBe('{"data":{"campaign":null}}');
  });

  it('answers without data (errors only) serialize as they are', () => {
    expect(serializeAndRelease({ errors: [{ message: 'x' }] } as { data?: unknown })).toBe('{"errors":[{"message":"x"}]}');
  });

  it('releaseResult stops at leaves: a list of scalars inside a result object is dropped from it, not emptied', () => {
    const tags = ['a', 'b'];
    const node = { tags, child: { tags } };
    releaseResult(node, new Map([['child', new Map()]]));
    expect(node).toEqual({ tags: null, child: null });
    expect(tags).toEqual(['a', 'b']);
  });
});
