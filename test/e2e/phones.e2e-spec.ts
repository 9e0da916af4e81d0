/**
 * Phones as people type them: national forms of the client's country (else the agency's) are
 * accepted and stored in E.164; an invalid number is BAD_USER_INPUT on input.phone and changes
 * nothing.
 */
import { GqlResponse, startTestApp, TestApp } from '../support/app';
import { CREATE_CONTACT, UPDATE_CONTACT } from '../support/documents';
import { AgencyActors, createClient, createContact, registerAgency } from '../support/factories';

const CONTACT_PHONE = /* GraphQL */ `
  query ContactPhones($id: ID!) { client(id: $id) { id contacts { id phone } } }
`;

let t: TestApp;
let ru: AgencyActors;
let bg: AgencyActors;
beforeAll(async () => {
  t = await startTestApp();
  ru = await registerAgency(t);
  bg = await registerAgency(t, { country: 'BG' });
});
afterAll(() => t?.close());

function ok(res: GqlResponse): any {
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

function badInputPaths(res: GqlResponse): string[] {
  expect(res.body.errors).toHaveLength(1);
  expect(res.body.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
  expect(res.body.data ?? null).toBeNull();
  return (res.body.errors![0]!.extensions?.fields ?? []).map((f: { path: string }) => f.path);
}

/** The phone as the API reads it back and as the database holds it. */
async function phoneOf(token: string, clientId: string, contactId: string): Promise<{ api: string | null; row: string | null }> {
  const data = ok(await t.gql(CONTACT_PHONE, { id: clientId }, token));
  const api = data.client.contacts.find((c: { id: string }) => c.id === contactId)?.phone ?? null;
  const [row] = await t.ds.query('SELECT phone FROM contacts WHERE id = $1', [contactId]);
  return { api, row: row.phone };
}

describe('a Russian client', () => {
  it('createContact stores 8 (916) 123-45-67 as +79161234567; updateContact takes +7 916 7654321 and 8 (495) 123-45-67', async () => {
    const client = await createClient(t, ru.ownerToken, { country: 'RU' });
    const created = ok(await t.gql(CREATE_CONTACT, { input: { clientId: client.id, fullName: 'Петров Пётр', phone: '8 (916) 123-45-67' } }, ru.ownerToken))
      .createContact;
    expect(created.phone).toBe('+79161234567');
    expect(await phoneOf(ru.ownerToken, client.id, created.id)).toEqual({ api: '+79161234567', row: '+79161234567' });

    const updated = ok(await t.gql(UPDATE_CONTACT, { input: { id: created.id, phone: '+7 916 7654321' } }, ru.ownerToken)).updateContact;
    expect(updated.phone).toBe('+79167654321');
    const office = ok(await t.gql(UPDATE_CONTACT, { input: { id: created.id, phone: '8 (495) 123-45-67' } }, ru.ownerToken)).updateContact;
    expect(office.phone).toBe('+74951234567');
    expect(await phoneOf(ru.ownerToken, client.id, created.id)).toEqual({ api: '+74951234567', row: '+74951234567' });
  });

  it('refuses a Bulgarian national number (invalid in Russia) on input.phone and keeps the stored phone', async () => {
    const client = await createClient(t, ru.ownerToken, { country: 'RU' });
    const contact = await createContact(t, ru.ownerToken, client.id, { phone: '+7 916 123-45-67' });
    const res = await t.gql(UPDATE_CONTACT, { input: { id: contact.id, phone: '0888 123 456' } }, ru.ownerToken);
    expect(badInputPaths(res)).toEqual(['input.phone']);
    expect(await phoneOf(ru.ownerToken, client.id, contact.id)).toEqual({ api: '+79161234567', row: '+79161234567' });

    const before = await t.ds.query('SELECT count(*)::int AS n FROM contacts WHERE "clientId" = $1', [client.id]);
    const refused = await t.gql(CREATE_CONTACT, { input: { clientId: client.id, fullName: 'Неверный', phone: '8 (916) 123-45' } }, ru.ownerToken);
    expect(badInputPaths(refused)).toEqual(['input.phone']);
    expect(await t.ds.query('SELECT count(*)::int AS n FROM contacts WHERE "clientId" = $1', [client.id])).toEqual(before);
  });
});

describe('a Bulgarian client', () => {
  it('createContact stores 0888 123 456 as +359888123456; updateContact takes the Sofia landline 02 987 6543', async () => {
    // the agency is Russian: the client's country decides how a national form is read
    const client = await createClient(t, ru.ownerToken, { country: 'BG' });
    const created = ok(await t.gql(CREATE_CONTACT, { input: { clientId: client.id, fullName: 'Иван Георгиев', phone: '0888 123 456' } }, ru.ownerToken))
      .createContact;
    expect(created.phone).toBe('+359888123456');

    const updated = ok(await t.gql(UPDATE_CONTACT, { input: { id: created.id, phone: '02 987 6543' } }, ru.ownerToken)).updateContact;
    expect(updated.phone).toBe('+35929876543');
    expect(await phoneOf(ru.ownerToken, client.id, created.id)).toEqual({ api: '+35929876543', row: '+35929876543' });
  });

  it('refuses a Russian national number (8 …) on input.phone; an international Russian number is fine', async () => {
    const client = await createClient(t, ru.ownerToken, { country: 'BG' });
    const contact = await createContact(t, ru.ownerToken, client.id, { phone: '0888 123 456' });
    const res = await t.gql(UPDATE_CONTACT, { input: { id: contact.id, phone: '8 (916) 123-45-67' } }, ru.ownerToken);
    expect(badInputPaths(res)).toEqual(['input.phone']);
    expect(await phoneOf(ru.ownerToken, client.id, contact.id)).toEqual({ api: '+359888123456', row: '+359888123456' });

    const intl = ok(await t.gql(UPDATE_CONTACT, { input: { id: contact.id, phone: '+7 916 123-45-67' } }, ru.ownerToken)).updateContact;
    expect(intl.phone).toBe('+79161234567');
  });
});

describe('a client without a country', () => {
  it("reads national forms in the agency's country (a Bulgarian agency)", async () => {
    const client = await createClient(t, bg.ownerToken);
    expect(client.country).toBeNull();
    const created = ok(await t.gql(CREATE_CONTACT, { input: { clientId: client.id, fullName: 'Мария', phone: '0888 123 456' } }, bg.ownerToken))
      .createContact;
    expect(created.phone).toBe('+359888123456');
  });

  it("reads national forms in the agency's country (a Russian agency)", async () => {
    const client = await createClient(t, ru.ownerToken);
    const created = ok(await t.gql(CREATE_CONTACT, { input: { clientId: client.id, fullName: 'Мария', phone: '8 916 123 45 67' } }, ru.ownerToken))
      .createContact;
    expect(created.phone).toBe('+79161234567');
  });
});

it('null clears the phone; omitting it keeps it', async () => {
  const client = await createClient(t, ru.ownerToken, { country: 'RU' });
  const contact = await createContact(t, ru.ownerToken, client.id, { phone: '8 (916) 123-45-67' });
  ok(await t.gql(UPDATE_CONTACT, { input: { id: contact.id, position: 'Директор' } }, ru.ownerToken));
  expect((await phoneOf(ru.ownerToken, client.id, contact.id)).row).toBe('+79161234567');
  ok(await t.gql(UPDATE_CONTACT, { input: { id: contact.id, phone: null } }, ru.ownerToken));
  expect(await phoneOf(ru.ownerToken, client.id, contact.id)).toEqual({ api: null, row: null });
});
