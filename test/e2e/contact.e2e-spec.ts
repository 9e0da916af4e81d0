/**
 * Contact persons, as an API client sees them: createContact / updateContact / archiveContact,
 * Client.contacts and Contact.client, the single primary contact, who may write, and what the
 * database holds after every refused request.
 */
import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from '../support/app';
import { ARCHIVE_CONTACT, CREATE_CONTACT, UPDATE_CONTACT } from '../support/documents';
import { AgencyActors, createClient, createContact, createUser, MISSING_ID, registerAgency } from '../support/factories';
import { expectCode, expectOk, fieldPaths } from '../support/expect';

/** Every field of a contact, read back through its client. */
const CONTACT_FIELDS = /* GraphQL */ `
  fragment ContactFields on Contact {
    id clientId fullName position email phone birthday salutation addressForm preferredChannels isPrimary notes
    archivedAt createdAt updatedAt
  }
`;

const CLIENT_CONTACTS = /* GraphQL */ `
  query ClientContacts($id: ID!) {
    client(id: $id) { id name contacts { ...ContactFields client { id name } } }
  }
  ${CONTACT_FIELDS}
`;

const UPDATE_CONTACT_FULL = /* GraphQL */ `
  mutation UpdateContactFull($input: UpdateContactInput!) { updateContact(input: $input) { ...ContactFields } }
  ${CONTACT_FIELDS}
`;

let t: TestApp;
let a: AgencyActors;
beforeAll(async () => {
  t = await startTestApp();
  a = await registerAgency(t);
});
afterAll(() => t?.close());

// ---------------------------------------------------------------------------------------------
// helpers

async function contactRowCount(clientId: string): Promise<number> {
  const rows = await t.ds.query('SELECT count(*)::int AS n FROM contacts WHERE "clientId" = $1', [clientId]);
  return rows[0].n;
}

async function contactsOf(clientId: string, token = a.ownerToken): Promise<any[]> {
  const data = expectOk(await t.gql(CLIENT_CONTACTS, { id: clientId }, token));
  expect(data.client).not.toBeNull();
  return data.client.contacts;
}

async function contactOf(clientId: string, contactId: string): Promise<any | undefined> {
  return (await contactsOf(clientId)).find((c) => c.id === contactId);
}

async function primaryCount(clientId: string): Promise<number> {
  const rows = await t.ds.query('SELECT count(*)::int AS n FROM contacts WHERE "clientId" = $1 AND "isPrimary"', [clientId]);
  return rows[0].n;
}

function nextYear(): string {
  return `${new Date().getUTCFullYear() + 1}-01-15`;
}

// ---------------------------------------------------------------------------------------------

describe('createContact', () => {
  it('creates a contact with normalized email and phone, an exact birthday and ordered channels', async () => {
    const client = await createClient(t, a.ownerToken, { name: `Ромашка ${randomUUID().slice(0, 6)}` });
    const input = {
      clientId: client.id,
      fullName: '  Петров Пётр Петрович ',
      position: 'Директор по маркетингу',
      email: 'Petr.Petrov@Romashka.Example.RU',
      phone: '+7 (916) 123-45-67',
      birthday: '1986-03-14',
      salutation: 'Пётр Петрович',
      addressForm: 'INFORMAL',
      preferredChannels: ['TELEGRAM', 'EMAIL'],
      notes: 'Любит кофе',
    };
    const created = expectOk(await t.gql(CREATE_CONTACT, { input }, a.ownerToken)).createContact;
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      clientId: client.id,
      fullName: 'Петров Пётр Петрович',
      position: 'Директор по маркетингу',
      email: 'petr.petrov@romashka.example.ru',
      phone: '+79161234567',
      birthday: '1986-03-14',
      salutation: 'Пётр Петрович',
      addressForm: 'INFORMAL',
      preferredChannels: ['TELEGRAM', 'EMAIL'],
      isPrimary: false,
      notes: 'Любит кофе',
    });

    // Client.contacts lists it and Contact.client resolves back to the client
    const listed = await contactsOf(client.id);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      id: created.id,
      email: 'petr.petrov@romashka.example.ru',
      phone: '+79161234567',
      birthday: '1986-03-14',
      preferredChannels: ['TELEGRAM', 'EMAIL'],
      archivedAt: null,
      client: { id: client.id, name: client.name },
    });

    // as stored: the calendar date itself, the lower-cased email, the normalized phone
    const rows = await t.ds.query(
      'SELECT birthday::text AS birthday, email, phone, "preferredChannels" AS channels, "agencyId" FROM contacts WHERE id = $1',
      [created.id],
    );
    expect(rows[0]).toEqual({
      birthday: '1986-03-14',
      email: 'petr.petrov@romashka.example.ru',
      phone: '+79161234567',
      channels: ['TELEGRAM', 'EMAIL'],
      agencyId: a.agencyId,
    });
  });

  it('defaults: FORMAL address form, no channels, not primary, nulls for the optional fields', async () => {
    const client = await createClient(t, a.ownerToken);
    const created = expectOk(await t.gql(CREATE_CONTACT, { input: { clientId: client.id, fullName: 'Сидоров' } }, a.ownerToken))
      .createContact;
    expect(created).toMatchObject({
      fullName: 'Сидоров',
      addressForm: 'FORMAL',
      preferredChannels: [],
      isPrimary: false,
      email: null,
      phone: null,
      birthday: null,
      position: null,
      salutation: null,
    });
  });

  it('keeps the birthday exact at the edges of the year (no time-zone shift)', async () => {
    const client = await createClient(t, a.ownerToken);
    for (const birthday of ['1970-01-01', '1999-12-31', '2000-02-29']) {
      const c = await createContact(t, a.ownerToken, client.id, { fullName: `Именинник ${birthday}`, birthday });
      expect(c.birthday).toBe(birthday);
      expect((await contactOf(client.id, c.id)).birthday).toBe(birthday);
    }
  });

  it('keeps the order of any channel list', async () => {
    const client = await createClient(t, a.ownerToken);
    const channels = ['WHATSAPP', 'PHONE', 'EMAIL', 'TELEGRAM', 'SMS', 'VIBER', 'MEETING'];
    const c = await createContact(t, a.ownerToken, client.id, { preferredChannels: channels });
    expect(c.preferredChannels).toEqual(channels);
    expect((await contactOf(client.id, c.id)).preferredChannels).toEqual(channels);
  });

  describe('refuses bad input with BAD_USER_INPUT and writes nothing', () => {
    let client: any;
    beforeAll(async () => {
      client = await createClient(t, a.ownerToken);
    });

    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['an empty fullName', { fullName: '' }, 'input.fullName'],
      ['a whitespace-only fullName', { fullName: '   ' }, 'input.fullName'],
      ['a 201-character fullName', { fullName: 'Я'.repeat(201) }, 'input.fullName'],
      ['a malformed email', { email: 'not-an-email' }, 'input.email'],
      ['an email without a domain', { email: 'ivan@' }, 'input.email'],
      ['a phone too short for its country', { phone: '8 (916) 123-45' }, 'input.phone'],
      ['a phone of another country in national form', { phone: '0888 123 456' }, 'input.phone'],
      ['a phone with letters', { phone: '+7 916 CALL-ME' }, 'input.phone'],
      ['a phone of separators only', { phone: '+7 ( ) - - - ' }, 'input.phone'],
      ['a birthday in the future', { birthday: nextYear() }, 'input.birthday'],
      ['a duplicate channel', { preferredChannels: ['EMAIL', 'TELEGRAM', 'EMAIL'] }, 'input.preferredChannels'],
      ['a malformed clientId', { clientId: 'not-a-uuid' }, 'input.clientId'],
    ];

    it.each(cases)('%s', async (_label, override, path) => {
      const res = await t.gql(CREATE_CONTACT, { input: { clientId: client.id, fullName: 'Отказной', ...override } }, a.ownerToken);
      expectCode(res, 'BAD_USER_INPUT');
      expect(fieldPaths(res)).toContain(path);
      expect(res.body.data ?? null).toBeNull();
      expect(await contactRowCount(client.id)).toBe(0);
    });

    const coercion: Array<[string, Record<string, unknown>]> = [
      ['birthday "1986-02-30" (not a calendar date)', { birthday: '1986-02-30' }],
      ['birthday "14.03.1986" (not ISO)', { birthday: '14.03.1986' }],
      ['birthday with a time "1986-03-14T00:00:00Z"', { birthday: '1986-03-14T00:00:00Z' }],
      ['an unknown channel', { preferredChannels: ['PIGEON'] }],
      ['an unknown addressForm', { addressForm: 'FRIENDLY' }],
    ];

    it.each(coercion)('%s (variable coercion)', async (_label, override) => {
      const res = await t.gql(CREATE_CONTACT, { input: { clientId: client.id, fullName: 'Отказной', ...override } }, a.ownerToken);
      expectCode(res, 'BAD_USER_INPUT');
      expect(await contactRowCount(client.id)).toBe(0);
    });

    it('a missing client → NOT_FOUND on input.clientId', async () => {
      const res = await t.gql(CREATE_CONTACT, { input: { clientId: MISSING_ID, fullName: 'Никто' } }, a.ownerToken);
      expect(expectCode(res, 'NOT_FOUND').field).toBe('input.clientId');
      expect(await contactRowCount(MISSING_ID)).toBe(0);
    });

    it("another agency's client → NOT_FOUND, nothing written", async () => {
      const b = await registerAgency(t);
      const foreign = await createClient(t, b.ownerToken);
      const res = await t.gql(CREATE_CONTACT, { input: { clientId: foreign.id, fullName: 'Шпион' } }, a.ownerToken);
      expect(expectCode(res, 'NOT_FOUND').field).toBe('input.clientId');
      expect(await contactRowCount(foreign.id)).toBe(0);
    });

    it('text containing a NUL character is BAD_USER_INPUT, not INTERNAL_SERVER_ERROR', async () => {
      const res = await t.gql(CREATE_CONTACT, { input: { clientId: client.id, fullName: 'Нуль\u0000Нуль' } }, a.ownerToken);
      expectCode(res, 'BAD_USER_INPUT');
      expect(await contactRowCount(client.id)).toBe(0);
    });

    it('the server keeps serving: a valid contact right after the refusals', async () => {
      const ok = await createContact(t, a.ownerToken, client.id, { fullName: 'Наконец-то' });
      expect(ok.fullName).toBe('Наконец-то');
      expect(await contactRowCount(client.id)).toBe(1);
    });
  });
});

describe('the primary contact', () => {
  it('making a second contact primary demotes the first; the primary is listed first', async () => {
    const client = await createClient(t, a.ownerToken);
    // alphabetically last, so "listed first" can only come from isPrimary
    const first = await createContact(t, a.ownerToken, client.id, { fullName: 'Яковлев Яков', isPrimary: true });
    expect(first.isPrimary).toBe(true);
    const other = await createContact(t, a.ownerToken, client.id, { fullName: 'Абрамов Абрам' });
    let listed = await contactsOf(client.id);
    expect(listed.map((c) => [c.id, c.isPrimary])).toEqual([
      [first.id, true],
      [other.id, false],
    ]);

    const second = await createContact(t, a.ownerToken, client.id, { fullName: 'Щукин Щука', isPrimary: true });
    expect(second.isPrimary).toBe(true);
    listed = await contactsOf(client.id);
    expect(listed.map((c) => [c.id, c.isPrimary])).toEqual([
      [second.id, true],
      [other.id, false],
      [first.id, false],
    ]);
    expect(await primaryCount(client.id)).toBe(1);

    // and back again through updateContact
    const promoted = expectOk(await t.gql(UPDATE_CONTACT, { input: { id: other.id, isPrimary: true } }, a.ownerToken)).updateContact;
    expect(promoted.isPrimary).toBe(true);
    listed = await contactsOf(client.id);
    expect(listed[0]).toMatchObject({ id: other.id, isPrimary: true });
    expect(listed.filter((c) => c.isPrimary)).toHaveLength(1);
    expect(await primaryCount(client.id)).toBe(1);
  });

  it("a primary contact of one client does not demote another client's primary", async () => {
    const c1 = await createClient(t, a.ownerToken);
    const c2 = await createClient(t, a.ownerToken);
    const p1 = await createContact(t, a.ownerToken, c1.id, { isPrimary: true });
    await createContact(t, a.ownerToken, c2.id, { isPrimary: true });
    expect((await contactOf(c1.id, p1.id)).isPrimary).toBe(true);
    expect(await primaryCount(c1.id)).toBe(1);
    expect(await primaryCount(c2.id)).toBe(1);
  });

  it('unsetting isPrimary leaves the client without a primary', async () => {
    const client = await createClient(t, a.ownerToken);
    const p = await createContact(t, a.ownerToken, client.id, { isPrimary: true });
    expectOk(await t.gql(UPDATE_CONTACT, { input: { id: p.id, isPrimary: false } }, a.ownerToken));
    expect(await primaryCount(client.id)).toBe(0);
  });

  it('concurrent "make me primary" requests still leave exactly one primary', async () => {
    const client = await createClient(t, a.ownerToken);
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        t.gql(CREATE_CONTACT, { input: { clientId: client.id, fullName: `Главный ${i}`, isPrimary: true } }, a.ownerToken),
      ),
    );
    for (const r of results) expect(r.body.errors).toBeUndefined();
    expect(await primaryCount(client.id)).toBe(1);
    expect((await contactsOf(client.id)).filter((c) => c.isPrimary)).toHaveLength(1);
  });
});

describe('updateContact', () => {
  let client: any;
  beforeAll(async () => {
    client = await createClient(t, a.ownerToken);
  });

  async function fullContact(): Promise<any> {
    return createContact(t, a.ownerToken, client.id, {
      fullName: `Полный ${randomUUID().slice(0, 6)}`,
      position: 'CMO',
      email: 'full@example.test',
      phone: '+359 88 123 4567',
      birthday: '1990-07-01',
      salutation: 'Уважаемый',
      preferredChannels: ['PHONE'],
      notes: 'заметка',
    });
  }

  it('changes only the given fields and keeps the omitted ones', async () => {
    const c = await fullContact();
    const before = await contactOf(client.id, c.id);
    const u = expectOk(await t.gql(UPDATE_CONTACT_FULL, { input: { id: c.id, position: 'CEO', preferredChannels: ['SMS', 'EMAIL'] } }, a.ownerToken))
      .updateContact;
    expect(u).toMatchObject({
      id: c.id,
      fullName: c.fullName,
      position: 'CEO',
      email: 'full@example.test',
      phone: '+359881234567',
      birthday: '1990-07-01',
      salutation: 'Уважаемый',
      addressForm: 'FORMAL',
      preferredChannels: ['SMS', 'EMAIL'],
      notes: 'заметка',
      createdAt: before.createdAt,
    });
    expect(new Date(u.updatedAt).getTime()).toBeGreaterThan(new Date(before.updatedAt).getTime());
    expect(await contactOf(client.id, c.id)).toMatchObject({ position: 'CEO', email: 'full@example.test', birthday: '1990-07-01' });
  });

  it('null clears an optional field; the phone is normalized on update too', async () => {
    const c = await fullContact();
    const u = expectOk(
      await t.gql(UPDATE_CONTACT_FULL, { input: { id: c.id, email: null, birthday: null, phone: '+7 916 000-11-22' } }, a.ownerToken),
    ).updateContact;
    expect(u).toMatchObject({ email: null, birthday: null, phone: '+79160001122', position: 'CMO' });
    expect(await contactOf(client.id, c.id)).toMatchObject({ email: null, birthday: null, phone: '+79160001122' });
  });

  const refusals: Array<[string, Record<string, unknown>, string]> = [
    ['fullName: null', { fullName: null }, 'input.fullName'],
    ['an empty fullName', { fullName: '' }, 'input.fullName'],
    ['a malformed email', { email: 'nope', position: 'X' }, 'input.email'],
    ['a phone too short for its country', { phone: '8 916 123 45', position: 'X' }, 'input.phone'],
    ['a birthday in the future', { birthday: nextYear(), position: 'X' }, 'input.birthday'],
    ['a duplicate channel', { preferredChannels: ['SMS', 'SMS'], position: 'X' }, 'input.preferredChannels'],
  ];

  it.each(refusals)('refuses %s and leaves the contact as it was', async (_label, patch, path) => {
    const c = await fullContact();
    const before = await contactOf(client.id, c.id);
    const res = await t.gql(UPDATE_CONTACT, { input: { id: c.id, ...patch } }, a.ownerToken);
    expectCode(res, 'BAD_USER_INPUT');
    expect(fieldPaths(res)).toContain(path);
    expect(await contactOf(client.id, c.id)).toEqual(before);
  });

  it('a missing contact → NOT_FOUND on input.id, a malformed id → BAD_USER_INPUT', async () => {
    expect(expectCode(await t.gql(UPDATE_CONTACT, { input: { id: MISSING_ID, position: 'X' } }, a.ownerToken), 'NOT_FOUND').field).toBe(
      'input.id',
    );
    const res = await t.gql(UPDATE_CONTACT, { input: { id: 'nope', position: 'X' } }, a.ownerToken);
    expectCode(res, 'BAD_USER_INPUT');
    expect(fieldPaths(res)).toContain('input.id');
  });
});

describe('archiveContact', () => {
  it('removes it from Client.contacts, clears isPrimary, keeps the row; archiving twice changes nothing', async () => {
    const client = await createClient(t, a.ownerToken);
    const p = await createContact(t, a.ownerToken, client.id, { fullName: 'Архивный', isPrimary: true });
    const stays = await createContact(t, a.ownerToken, client.id, { fullName: 'Остаётся' });

    const first = expectOk(await t.gql(ARCHIVE_CONTACT, { id: p.id }, a.ownerToken)).archiveContact;
    expect(first).toMatchObject({ id: p.id, isPrimary: false, archivedAt: expect.any(String) });
    expect((await contactsOf(client.id)).map((c) => c.id)).toEqual([stays.id]);
    expect(await primaryCount(client.id)).toBe(0);

    const second = expectOk(await t.gql(ARCHIVE_CONTACT, { id: p.id }, a.ownerToken)).archiveContact;
    expect(second).toEqual(first);

    const rows = await t.ds.query('SELECT "archivedAt", "isPrimary", "fullName" FROM contacts WHERE id = $1', [p.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ isPrimary: false, fullName: 'Архивный' });
    expect(new Date(rows[0].archivedAt).toISOString()).toBe(first.archivedAt);
  });

  it('a missing contact → NOT_FOUND', async () => {
    expectCode(await t.gql(ARCHIVE_CONTACT, { id: MISSING_ID }, a.ownerToken), 'NOT_FOUND');
  });
});

describe('who may write contacts', () => {
  let client: any;
  let existing: any;
  let manager: { id: string; token: string };
  let portal: { id: string; token: string };
  beforeAll(async () => {
    client = await createClient(t, a.ownerToken);
    existing = await createContact(t, a.ownerToken, client.id, { fullName: 'Существующий', isPrimary: true });
    manager = await createUser(t, a.ownerToken, 'MANAGER');
    portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
  });

  it('a manager of the agency creates, updates and archives contacts', async () => {
    const created = expectOk(
      await t.gql(CREATE_CONTACT, { input: { clientId: client.id, fullName: 'От менеджера', email: 'M@Example.Test' } }, manager.token),
    ).createContact;
    expect(created).toMatchObject({ fullName: 'От менеджера', email: 'm@example.test', clientId: client.id });
    const updated = expectOk(await t.gql(UPDATE_CONTACT, { input: { id: created.id, phone: '+7 916 111 22 33' } }, manager.token))
      .updateContact;
    expect(updated.phone).toBe('+79161112233');
    expect(expectOk(await t.gql(ARCHIVE_CONTACT, { id: created.id }, manager.token)).archiveContact.archivedAt).toEqual(
      expect.any(String),
    );
  });

  it('a portal user of the client gets FORBIDDEN on createContact, updateContact and archiveContact, and nothing changes', async () => {
    const rowsBefore = await t.ds.query('SELECT * FROM contacts WHERE "clientId" = $1 ORDER BY id', [client.id]);

    const create = await t.gql(CREATE_CONTACT, { input: { clientId: client.id, fullName: 'От портала' } }, portal.token);
    expectCode(create, 'FORBIDDEN');
    const update = await t.gql(UPDATE_CONTACT, { input: { id: existing.id, fullName: 'Взломан' } }, portal.token);
    expectCode(update, 'FORBIDDEN');
    const archive = await t.gql(ARCHIVE_CONTACT, { id: existing.id }, portal.token);
    expectCode(archive, 'FORBIDDEN');

    const rowsAfter = await t.ds.query('SELECT * FROM contacts WHERE "clientId" = $1 ORDER BY id', [client.id]);
    expect(rowsAfter).toEqual(rowsBefore);
    expect((await contactOf(client.id, existing.id)).fullName).toBe('Существующий');
  });

  it('an anonymous caller gets UNAUTHENTICATED', async () => {
    expectCode(await t.gql(CREATE_CONTACT, { input: { clientId: client.id, fullName: 'Аноним' } }), 'UNAUTHENTICATED');
    expect((await t.ds.query('SELECT count(*)::int AS n FROM contacts WHERE "fullName" = $1', ['Аноним']))[0].n).toBe(0);
  });

  it("another agency's owner cannot touch the contact (NOT_FOUND, unchanged)", async () => {
    const b = await registerAgency(t);
    const before = await contactOf(client.id, existing.id);
    expectCode(await t.gql(UPDATE_CONTACT, { input: { id: existing.id, fullName: 'Чужой' } }, b.ownerToken), 'NOT_FOUND');
    expectCode(await t.gql(ARCHIVE_CONTACT, { id: existing.id }, b.ownerToken), 'NOT_FOUND');
    expect(await contactOf(client.id, existing.id)).toEqual(before);
  });
});
