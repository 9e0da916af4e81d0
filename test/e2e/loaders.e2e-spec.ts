import { CountingLogger, startTestApp, TestApp } from '../support/app';
import { LIST_CLIENTS_WITH_CONTACTS } from '../support/documents';
import { createClient, createContact, createUser, registerAgency } from '../support/factories';

const logger = new CountingLogger();
let t: TestApp;
let ownerToken: string;

beforeAll(async () => {
  t = await startTestApp({ logger });
  const a = await registerAgency(t);
  ownerToken = a.ownerToken;
  const manager = await createUser(t, ownerToken, 'MANAGER');
  // 50 clients with 2 contacts each, through the API (ten at a time)
  for (let batch = 0; batch < 5; batch++) {
    await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const client = await createClient(t, ownerToken, { name: `Клиент ${String(batch * 10 + i + 1).padStart(3, '0')}`, ownerId: manager.id });
        await createContact(t, ownerToken, client.id, { fullName: 'Контакт 1', isPrimary: true });
        await createContact(t, ownerToken, client.id, { fullName: 'Контакт 2' });
      }),
    );
  }
});
afterAll(() => t.close());

async function statementsFor(first: number): Promise<{ count: number; clients: any[]; statements: string[] }> {
  logger.reset();
  const res = await t.gql(LIST_CLIENTS_WITH_CONTACTS, { first }, ownerToken);
  expect(res.body.errors).toBeUndefined();
  return { count: logger.count, clients: res.body.data.clients.edges.map((e: any) => e.node), statements: [...logger.statements] };
}

describe('DataLoader batching', () => {
  it('lists 50 clients with owner and contacts (and each contact.client) in a constant number of SQL statements', async () => {
    const fifty = await statementsFor(50);
    expect(fifty.clients).toHaveLength(50);
    for (const c of fifty.clients) {
      expect(c.contacts).toHaveLength(2);
      expect(c.contacts[0].fullName).toBe('Контакт 1'); // primary first
      expect(c.contacts[0].client.id).toBe(c.id);
      expect(c.owner).not.toBeNull();
    }
    const five = await statementsFor(5);
    expect(five.clients).toHaveLength(5);
    // auth lookup + clients page + contacts batch + owners batch + contact.client batch
    expect(fifty.count).toBe(five.count);
    expect(fifty.count).toBeLessThanOrEqual(5);
    const contactQueries = fifty.statements.filter((s) => /FROM "contacts"/.test(s));
    expect(contactQueries).toHaveLength(1);
  });
});
