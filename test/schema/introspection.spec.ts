import { startTestApp, type TestApp } from '../support/app';

/** What a GraphQL client (GraphiQL, codegen) reads about the contract from the running server. */
const DESCRIPTIONS = /* GraphQL */ `
  query ContractDescriptions {
    __schema {
      queryType { name description }
      mutationType { name description }
    }
    dealStage: __type(name: "DealStage") { enumValues { name description } }
  }
`;

describe('the served contract describes itself (introspection)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('describes the Query and Mutation entry points and every value of an enum', async () => {
    const res = await t.gql(DESCRIPTIONS);
    expect(res.body.errors).toBeUndefined();
    const { __schema: schema, dealStage } = res.body.data;
    expect(schema.queryType).toEqual({ name: 'Query', description: expect.stringMatching(/^[A-Z].{40,}\.$/) });
    expect(schema.mutationType).toEqual({ name: 'Mutation', description: expect.stringMatching(/^[A-Z].{40,}\.$/) });
    expect(dealStage.enumValues.map((v: { name: string }) => v.name)).toEqual([
      'PRESENTATION',
      'PROPOSAL',
      'CONTRACT',
      'PAYMENT',
      'DELIVERY',
      'CLOSING',
    ]);
    for (const value of dealStage.enumValues) expect(value.description).toEqual(expect.stringMatching(/^[A-Z].{9,}\.$/));
  });
});
