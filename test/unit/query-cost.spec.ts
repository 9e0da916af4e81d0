import { parse } from 'graphql';
import { buildAppSchema } from '../../src/schema';
import { queryCost, rememberedQueryCost } from '../../src/limits/query-cost';

/** The remembered cost is the counted one for each operation and variables it is asked with. */
it('remembers a cost per operation and variables, never across them', async () => {
  const schema = await buildAppSchema();
  const document = parse(`
    query Page($n: Int) { clients(first: $n) { edges { node { id contacts { id } } } } }
    query Other { me { id } }`);
  const cases: [string, Record<string, unknown> | undefined][] = [
    ['Page', { n: 5 }],
    ['Page', { n: 50 }],
    ['Page', { n: 5 }],
    ['Page', undefined],
    ['Other', undefined],
    ['Page', { n: 50 }],
  ];
  const costs = cases.map(([op, vars]) => rememberedQueryCost(schema, document, vars, op));
  expect(costs).toEqual(cases.map(([op, vars]) => queryCost(schema, document, vars, op)));
  expect(costs[0]).toBeLessThan(costs[1]);
  expect(costs[4]).toBeLessThan(costs[0]);
  // variables too long to key on (a bulk input) are counted afresh, to the same result
  const long = { n: 7, padding: 'x'.repeat(5_000) };
  expect(rememberedQueryCost(schema, document, long, 'Page')).toBe(queryCost(schema, document, long, 'Page'));
  // what fails to count is not remembered: it fails again
  expect(() => rememberedQueryCost(schema, document, { n: 'five' }, 'Page')).toThrow();
  expect(() => rememberedQueryCost(schema, document, { n: 'five' }, 'Page')).toThrow();
});
