/**
 * Which columns an operation may read (src/schema/common/row-projection.ts): only a query made of
 * plain columns, declared fields and connection plumbing is narrowed, to the union of what its
 * selections show; anything else reads whole rows.
 */
import { parse, type GraphQLSchema } from 'graphql';
import { Campaign, CampaignChannel, Client, Contact, Invoice, InvoiceLine } from '../../src/entities';
import { buildAppSchema } from '../../src/schema';
import { projectionOf, type Projection } from '../../src/schema/common/row-projection';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

const NESTED = /* GraphQL */ `
  query Invoices {
    invoices(first: 20) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          __typename id number status total dueDate
          client { id name contacts { fullName email } }
          lines { description quantity net }
        }
      }
    }
  }
`;

const plan = (doc: string, operationName?: string): Projection | null => projectionOf(schema, parse(doc), operationName);
const sorted = (p: Projection | null, entity: Function) => [...(p?.get(entity) ?? [])].sort();

describe('row projection', () => {
  it('narrows the nested invoice list to the columns it shows, the keys its declared fields read, id and agencyId', () => {
    const p = plan(NESTED);
    expect(p).not.toBeNull();
    expect(sorted(p, Invoice)).toEqual(['agencyId', 'clientId', 'dueDate', 'id', 'number', 'status', 'total']);
    expect(sorted(p, Client)).toEqual(['agencyId', 'id', 'name']);
    expect(sorted(p, Contact)).toEqual(['agencyId', 'email', 'fullName', 'id']);
    expect(sorted(p, InvoiceLine)).toEqual(['agencyId', 'description', 'id', 'net', 'quantity']);
  });

  it('takes the union of every selection of a type: aliases, fragments and inline fragments', () => {
    const p = plan(/* GraphQL */ `
      query {
        a: invoices(first: 1) { edges { node { ...Money } } }
        b: invoices(first: 2) { edges { node { ... on Invoice { currency } client { inn } } } }
      }
      fragment Money on Invoice { total vatTotal }
    `);
    expect(sorted(p, Invoice)).toEqual(['agencyId', 'clientId', 'currency', 'id', 'total', 'vatTotal']);
    expect(sorted(p, Client)).toEqual(['agencyId', 'id', 'inn']);
  });

  it('reads whole rows when a computed or undeclared field is selected anywhere', () => {
    expect(plan(`query { invoices(first: 5) { edges { node { id overdue } } } }`)).toBeNull();
    expect(plan(`query { invoices(first: 5) { edges { node { id balanceDue } } } }`)).toBeNull();
    expect(plan(`query { invoices(first: 5) { edges { node { id payments { id } } } } }`)).toBeNull();
    expect(plan(`query { invoices(first: 5) { edges { node { id client { id balances { currency } } } } } }`)).toBeNull();
  });

  it('reads whole rows for a root field that is not declared, a mutation, and another operation of the document', () => {
    expect(plan(`query { contracts(first: 5) { edges { node { id } } } }`)).toBeNull();
    expect(plan(`query { invoices(first: 5) { edges { node { id } } } me { id } }`)).toBeNull();
    expect(plan(`mutation { logout }`)).toBeNull();
    const two = `query A { invoices(first: 1) { edges { node { id number } } } } query B { invoices(first: 1) { edges { node { id overdue } } } }`;
    expect(sorted(plan(two, 'A'), Invoice)).toEqual(['agencyId', 'id', 'number']);
    expect(plan(two, 'B')).toBeNull();
  });

  it('narrows the clients list, its contacts and their client the same way', () => {
    const p = plan(`query { clients(first: 5) { edges { node { name inn contacts { phone client { legalName } } } } } }`);
    expect(sorted(p, Client)).toEqual(['agencyId', 'id', 'inn', 'legalName', 'name']);
    expect(sorted(p, Contact)).toEqual(['agencyId', 'clientId', 'id', 'phone']);
    expect(plan(`query { clients(first: 5) { edges { node { name owner { id } } } } }`)).toBeNull();
  });

  it('narrows the campaigns list with its client and channel', () => {
    const p = plan(`query { campaigns(first: 5) { edges { node { name budget client { name } channel { name } } } } }`);
    expect(sorted(p, Campaign)).toEqual(['agencyId', 'budget', 'channelId', 'clientId', 'id', 'name']);
    expect(sorted(p, CampaignChannel)).toEqual(['agencyId', 'id', 'name']);
    expect(plan(`query { campaigns(first: 5) { edges { node { name kpis { metric } } } } }`)).toBeNull();
  });

  it('keeps __typename, cursors, page info and counts out of the columns', () => {
    const p = plan(`query { invoices(first: 5) { __typename totalCount pageInfo { __typename startCursor } edges { __typename cursor node { __typename } } } }`);
    expect(sorted(p, Invoice)).toEqual([]);
    expect(p?.size).toBe(0);
  });
});
