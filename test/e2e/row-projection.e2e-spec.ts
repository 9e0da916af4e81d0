/**
 * A query of plain columns and declared fields reads only the columns it shows
 * (src/schema/common/row-projection.ts): the answer is the one whole rows give, for the agency
 * and for a portal user, the statements name only those columns, and a narrowed row refuses, in
 * tests, a read of a column it was not given.
 */
import { Invoice } from '../../src/entities';
import { leanMany } from '../../src/db/lean-rows';
import { CountingLogger, startTestApp, TestApp } from '../support/app';
import { expectOk } from '../support/expect';
import { AgencyActors, createClient, createContact, createUser, registerAgency } from '../support/factories';
import { invoiceLine, issuedInvoice } from '../support/invoice.factories';

const NESTED = /* GraphQL */ `
  query Invoices {
    invoices(first: 20) {
      edges {
        cursor
        node {
          id number status total dueDate
          client { id name contacts { fullName email } }
          lines { description quantity net }
        }
      }
    }
  }
`;
/** The same list with a computed field: whole rows. */
const NESTED_WHOLE = NESTED.replace('id number status', 'id overdue number status');

const log = new CountingLogger();
let t: TestApp;
let a: AgencyActors;
let other: AgencyActors;
let portalToken: string;
let mine: string[];

beforeAll(async () => {
  t = await startTestApp({ logger: log });
  a = await registerAgency(t);
  other = await registerAgency(t);
  const first = await createClient(t, a.ownerToken, { name: 'Ромашка' });
  const second = await createClient(t, a.ownerToken, { name: 'Лютик' });
  await createContact(t, a.ownerToken, first.id, { fullName: 'Иван Петров', email: 'ivan@romashka.test', isPrimary: true });
  await createContact(t, a.ownerToken, first.id, { fullName: 'Мария Сидорова', email: 'maria@romashka.test' });
  await createContact(t, a.ownerToken, second.id, { fullName: 'Пётр Иванов', email: 'petr@lyutik.test' });
  const lines = [invoiceLine('Ведение кампании', '1000.00'), invoiceLine('Аналитика', '250.50', { quantity: '2' })];
  mine = [];
  for (const client of [first, second, first]) mine.push((await issuedInvoice(t, a.ownerToken, client.id, { lines })).id);
  const otherClient = await createClient(t, other.ownerToken, { name: 'Чужой' });
  await issuedInvoice(t, other.ownerToken, otherClient.id);
  portalToken = (await createUser(t, a.ownerToken, 'CLIENT', first.id)).token;
});
afterAll(() => t?.close());

async function read(query: string, token: string): Promise<{ nodes: any[]; statements: string[] }> {
  log.reset();
  const data = expectOk(await t.gql(query, {}, token));
  const statements = [...log.statements];
  return { nodes: data.invoices.edges.map((e: any) => ({ ...e.node, cursor: e.cursor })), statements };
}

const without = (nodes: any[], field: string) => nodes.map(({ [field]: _omitted, ...rest }) => rest);
const pageStatement = (statements: string[]) => statements.find((s) => /FROM "invoices" "i"/.test(s)) ?? '';

describe('row projection', () => {
  it('answers the nested list as whole rows do, and its statements name only the columns it shows', async () => {
    const narrow = await read(NESTED, a.ownerToken);
    const whole = await read(NESTED_WHOLE, a.ownerToken);
    expect(narrow.nodes.map((n) => n.id).sort()).toEqual([...mine].sort());
    expect(narrow.nodes).toEqual(without(whole.nodes, 'overdue'));
    expect(narrow.nodes[0].lines).toHaveLength(2);

    const page = pageStatement(narrow.statements);
    expect(page).toMatch(/"i"\."number"/);
    expect(page).toMatch(/"i"\."createdAt"/); // the cursor's sort key
    expect(page).not.toMatch(/"i"\."notes"/);
    const contacts = narrow.statements.find((s) => /FROM "contacts"/.test(s)) ?? '';
    expect(contacts).toMatch(/"x"\."fullName"/);
    expect(contacts).toMatch(/"x"\."clientId"/); // groups the contacts under their clients
    expect(contacts).not.toMatch(/"x"\."phone"/);
    // a computed field reads whole rows
    expect(pageStatement(whole.statements)).toMatch(/"i"\."notes"/);
  });

  it("gives a portal user its own client's invoices only, as whole rows would", async () => {
    const narrow = await read(NESTED, portalToken);
    const whole = await read(NESTED_WHOLE, portalToken);
    expect(narrow.nodes).toHaveLength(2);
    expect(new Set(narrow.nodes.map((n) => n.client.name))).toEqual(new Set(['Ромашка']));
    expect(narrow.nodes).toEqual(without(whole.nodes, 'overdue'));
  });

  it("shows another agency none of this agency's invoices", async () => {
    const theirs = await read(NESTED, other.ownerToken);
    expect(theirs.nodes).toHaveLength(1);
    expect(theirs.nodes.some((n) => mine.includes(n.id))).toBe(false);
  });

  it('answers the clients list with contacts and their client as whole rows do, for the agency and its portal user', async () => {
    const CLIENTS = `query { clients(first: 10) { edges { cursor node { id name inn contacts { fullName phone client { name } } } } } }`;
    const WHOLE = CLIENTS.replace('id name inn', 'id balances { currency } name inn');
    for (const token of [a.ownerToken, portalToken]) {
      log.reset();
      const narrow = expectOk(await t.gql(CLIENTS, {}, token)).clients.edges;
      const statement = log.statements.find((q) => /FROM "clients" "c"/.test(q)) ?? '';
      expect(statement).toMatch(/"c"\."inn"/);
      expect(statement).not.toMatch(/"c"\."legalName"/);
      const whole = expectOk(await t.gql(WHOLE, {}, token)).clients.edges;
      expect(narrow).toEqual(whole.map((e: any) => ({ ...e, node: (({ balances: _b, ...rest }) => rest)(e.node) })));
      expect(narrow.length).toBe(token === portalToken ? 1 : 2);
      expect(narrow.flatMap((e: any) => e.node.contacts).length).toBe(token === portalToken ? 2 : 3);
    }
  });

  it('answers the campaigns list with client and channel as whole rows do', async () => {
    const channels = expectOk(await t.gql(`query { campaignChannels { id name } }`, {}, a.ownerToken)).campaignChannels;
    const clients = expectOk(await t.gql(`query { clients(first: 10) { edges { node { id } } } }`, {}, a.ownerToken)).clients.edges;
    for (const [i, edge] of clients.entries()) {
      const input = { clientId: edge.node.id, channelId: channels[i].id, name: `Кампания ${i}`, budget: '100000.00', currency: 'RUB', startDate: '2026-03-01', endDate: '2026-05-31' };
      expectOk(await t.gql(`mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`, { input }, a.ownerToken));
    }
    const LIST = `query { campaigns(first: 10) { edges { node { id name budget status client { name } channel { name toolMixCategory } } } } }`;
    log.reset();
    const narrow = expectOk(await t.gql(LIST, {}, a.ownerToken)).campaigns.edges;
    const statement = log.statements.find((q) => /FROM "campaigns" "c"/.test(q)) ?? '';
    expect(statement).toMatch(/"c"\."budget"/);
    expect(statement).not.toMatch(/"c"\."strategy"/);
    const whole = expectOk(await t.gql(LIST.replace('id name budget', 'id checklist { item } name budget'), {}, a.ownerToken)).campaigns.edges;
    expect(narrow).toHaveLength(2);
    expect(narrow).toEqual(whole.map((e: any) => ({ node: (({ checklist: _c, ...rest }) => rest)(e.node) })));
  });

  it('refuses, in tests, a read of a column a narrowed row was not given', async () => {
    const qb = t.ds.getRepository(Invoice).createQueryBuilder('i').where('i.id = :id', { id: mine[0] });
    const [row] = await leanMany(qb, ['id', 'agencyId', 'number']);
    expect(row.id).toBe(mine[0]);
    expect(row.number).toMatch(/\S/);
    expect(() => row.notes).toThrow(/row projection: Invoice\.notes was not read/);
    expect(() => row.total).toThrow(/Invoice\.total/);
  });
});
