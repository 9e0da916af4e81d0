/**
 * Resolvers' parameter lists are put in order once when the schema is built, and their `sort`
 * (which type-graphql calls on every resolver call) answers them as they are.
 */
import { getMetadataStorage } from 'type-graphql';
import { buildAppSchema } from '../../src/schema';

beforeAll(async () => {
  await buildAppSchema();
});

// that each resolver still gets its parameters in their places is what every e2e test calling one checks

it('keeps every resolver parameter list in parameter order, and sorting it again changes nothing and allocates no copy', () => {
  const storage = getMetadataStorage();
  const lists = [...storage.queries, ...storage.mutations, ...storage.fieldResolvers].map((r) => r.params ?? []);
  const multi = lists.filter((p) => p.length >= 2);
  expect(multi.length).toBeGreaterThan(50);
  for (const params of lists) {
    const indexes = params.map((p) => p.index);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    expect(params.sort((a, b) => a.index - b.index)).toBe(params);
    expect(params.map((p) => p.index)).toEqual(indexes);
  }
});
