/**
 * Clients, as an API client sees them: createClient / updateClient / archive / restore /
 * terminate, the clients connection (keyset pagination, filters, sort orders) and what the
 * database holds after every refused request.
 */
import { randomUUID } from 'node:crypto';
import { GqlResponse, startTestApp, TestApp } from '../support/app';
import {
  ARCHIVE_CLIENT,
  CLIENT_FIELDS,
  CREATE_CLIENT,
  GET_CLIENT,
  LIST_CLIENTS,
  RESTORE_CLIENT,
  TERMINATE_CLIENT,
  UPDATE_CLIENT,
} from '../support/documents';
import { AgencyActors, createClient, createUser, MISSING_ID, registerAgency } from '../support/factories';
import { expectBadInput, expectCode, expectOk, fieldPaths } from '../support/expect';

/** Valid Russian requisites (checksums correct). */
const INN = '7704123450';
const KPP = '770401001';
const OGRN = '1027700123450';
/** Valid Bulgarian requisites. */
const EIK = '205123457';
const VAT = 'BG205123457';
/** More valid INNs / EIKs for filters and conflicts. */
const INN_2 = '7709998889';
const INN_3 = '5001007329';
const EIK_2 = '131000309';

/** A list with the fields the filter tests look at. */
const LIST_CLIENTS_FULL = /* GraphQL */ `
  query ListClientsFull($first: Int, $after: String, $filter: ClientFilter, $orderBy: ClientOrder) {
    clients(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { ...ClientFields } }
    }
  }
  ${CLIENT_FIELDS}
`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

// ---------------------------------------------------------------------------------------------
// helpers

function tag(): string {
  return randomUUID().slice(0, 8);
}

async function clientsNamed(agencyId: string, name: string): Promise<number> {
  const rows = await t.ds.query('SELECT count(*)::int AS n FROM clients WHERE "agencyId" = $1 AND name = $2', [agencyId, name]);
  return rows[0].n;
}

async function clientCount(agencyId: string): Promise<number> {
  const rows = await t.ds.query('SELECT count(*)::int AS n FROM clients WHERE "agencyId" = $1', [agencyId]);
  return rows[0].n;
}

async function readClient(id: string, token: string): Promise<any> {
  const data = expectOk(await t.gql(GET_CLIENT, { id }, token));
  expect(data.client).not.toBeNull();
  return data.client;
}

/** A random valid 10-digit INN (organisation). */
function randomInn(): string {
  const w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const d = Array.from({ length: 9 }, (_, i) => (i === 0 ? 1 + Math.floor(Math.random() * 9) : Math.floor(Math.random() * 10)));
  const check = (d.reduce((s, x, i) => s + x * w[i], 0) % 11) % 10;
  return d.join('') + check;
}

function b64json(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

// ---------------------------------------------------------------------------------------------

describe('createClient', () => {
  let a: AgencyActors;
  let manager: { id: string; email: string; token: string };
  beforeAll(async () => {
    a = await registerAgency(t);
    manager = await createUser(t, a.ownerToken, 'MANAGER');
  });

  it('creates a Russian client with valid requisites, an exact Decimal budget, ATTRACTION by default and an owner', async () => {
    const input = {
      name: 'Ромашка',
      legalName: 'ООО «Ромашка»',
      country: 'RU',
      inn: INN,
      kpp: KPP,
      ogrn: OGRN,
      address: 'Москва, ул. Тверская, д. 1',
      website: 'https://romashka.example.ru',
      industry: 'Ритейл',
      companySize: 'MEDIUM',
      brandStrength: 'ESTABLISHED',
      companyLifeStage: 'GROWTH',
      advertisingBudget: '350000.50',
      advertisingBudgetCurrency: 'RUB',
      ownerId: manager.id,
      notes: 'Пришли с выставки',
    };
    const data = expectOk(await t.gql(CREATE_CLIENT, { input }, a.ownerToken));
    const c = data.createClient;
    expect(c).toMatchObject({
      name: 'Ромашка',
      legalName: 'ООО «Ромашка»',
      country: 'RU',
      inn: INN,
      kpp: KPP,
      ogrn: OGRN,
      eik: null,
      vatNumber: null,
      website: 'https://romashka.example.ru',
      companySize: 'MEDIUM',
      brandStrength: 'ESTABLISHED',
      companyLifeStage: 'GROWTH',
      advertisingBudgetCurrency: 'RUB',
      lifecycleStage: 'ATTRACTION',
      terminatedAt: null,
      terminationReason: null,
      archivedAt: null,
      owner: { id: manager.id, email: manager.email },
    });
    expect(c.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(c.createdAt).toISOString()).toBe(c.createdAt);
    expect(c.advertisingBudget).toBe('350000.50');

    // read back: the same exact value, the same owner
    const back = await readClient(c.id, a.ownerToken);
    expect(back.advertisingBudget).toBe('350000.50');
    expect(back.owner).toEqual({ id: manager.id, email: manager.email });
    expect(back.inn).toBe(INN);
    const rows = await t.ds.query('SELECT "advertisingBudget"::text AS b, "agencyId" FROM clients WHERE id = $1', [c.id]);
    expect(rows[0]).toEqual({ b: '350000.50', agencyId: a.agencyId });
  });

  it('creates a Bulgarian client with EIK and VAT number', async () => {
    const data = expectOk(
      await t.gql(
        CREATE_CLIENT,
        { input: { name: 'Алфа Дизайн', legalName: 'Алфа Дизайн ЕООД', country: 'BG', eik: EIK, vatNumber: VAT, advertisingBudget: '12000', advertisingBudgetCurrency: 'BGN' } },
        a.ownerToken,
      ),
    );
    expect(data.createClient).toMatchObject({
      name: 'Алфа Дизайн',
      country: 'BG',
      eik: EIK,
      vatNumber: VAT,
      inn: null,
      kpp: null,
      ogrn: null,
      lifecycleStage: 'ATTRACTION',
      owner: { id: a.ownerId, email: a.ownerEmail },
      advertisingBudgetCurrency: 'BGN',
    });
    expect(data.createClient.advertisingBudget).toBe('12000.00');
  });

  it('makes the creator the owner (account manager) unless another owner is given', async () => {
    const mine = expectOk(await t.gql(CREATE_CLIENT, { input: { name: `Свой ${tag()}` } }, manager.token)).createClient;
    expect(mine.owner).toEqual({ id: manager.id, email: manager.email });
    // null is "not given" too: a client is never created without an account manager
    const alsoMine = expectOk(await t.gql(CREATE_CLIENT, { input: { name: `Тоже свой ${tag()}`, ownerId: null } }, manager.token)).createClient;
    expect(alsoMine.owner).toEqual({ id: manager.id, email: manager.email });
    const delegated = expectOk(await t.gql(CREATE_CLIENT, { input: { name: `Поручен ${tag()}`, ownerId: manager.id } }, a.ownerToken)).createClient;
    expect(delegated.owner).toEqual({ id: manager.id, email: manager.email });

    // read back, and as stored
    expect(expectOk(await t.gql(GET_CLIENT, { id: mine.id }, a.ownerToken)).client.owner).toEqual({ id: manager.id, email: manager.email });
    const rows = await t.ds.query('SELECT id, "ownerId" FROM clients WHERE id = ANY($1) ORDER BY "createdAt"', [[mine.id, alsoMine.id, delegated.id]]);
    expect(rows.map((r: { ownerId: string }) => r.ownerId)).toEqual([manager.id, manager.id, manager.id]);
    // updateClient can still leave a client without an owner
    const cleared = expectOk(await t.gql(UPDATE_CLIENT, { input: { id: mine.id, ownerId: null } }, a.ownerToken)).updateClient;
    expect(cleared.owner).toBeNull();
  });

  it('keeps an explicitly given lifecycleStage and trims the name', async () => {
    const name = `Клиент ${tag()}`;
    const data = expectOk(await t.gql(CREATE_CLIENT, { input: { name: `  ${name}  `, lifecycleStage: 'INTEREST' } }, a.ownerToken));
    expect(data.createClient).toMatchObject({ name, lifecycleStage: 'INTEREST' });
  });

  it('lets a manager create a client too', async () => {
    const name = `Менеджерский ${tag()}`;
    const data = expectOk(await t.gql(CREATE_CLIENT, { input: { name } }, manager.token));
    expect(data.createClient.name).toBe(name);
  });

  describe('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', () => {
    const cases: Array<[string, (name: string) => Record<string, unknown>, string]> = [
      ['empty name', () => ({ name: '' }), 'input.name'],
      ['a 201-character name', () => ({ name: 'Я'.repeat(201) }), 'input.name'],
      ['a whitespace-only name', () => ({ name: '   \t  ' }), 'input.name'],
      ['an INN with a bad checksum', (name) => ({ name, inn: '7704123451' }), 'input.inn'],
      ['an 11-digit INN', (name) => ({ name, inn: '77041234501' }), 'input.inn'],
      ['KPP "abc"', (name) => ({ name, kpp: 'abc' }), 'input.kpp'],
      ['an OGRN with a bad checksum', (name) => ({ name, ogrn: '1027700123451' }), 'input.ogrn'],
      ['an EIK with a bad checksum', (name) => ({ name, country: 'BG', eik: '205123458' }), 'input.eik'],
      ['website ftp://x', (name) => ({ name, website: 'ftp://x' }), 'input.website'],
      ['country XX', (name) => ({ name, country: 'XX' }), 'input.country'],
      ['a negative budget', (name) => ({ name, advertisingBudget: '-5', advertisingBudgetCurrency: 'RUB' }), 'input.advertisingBudget'],
      ['a Russian INN on a Bulgarian client', (name) => ({ name, country: 'BG', inn: INN }), 'input.inn'],
    ];

    it.each(cases)('%s', async (_label, build, path) => {
      const name = `Отказ ${tag()}`;
      const input = build(name);
      const before = await clientCount(a.agencyId);
      const res = await t.gql(CREATE_CLIENT, { input }, a.ownerToken);
      expectBadInput(res, path);
      expect(await clientsNamed(a.agencyId, String(input.name))).toBe(0);
      expect(await clientsNamed(a.agencyId, name)).toBe(0);
      expect(await clientCount(a.agencyId)).toBe(before);
    });

    it('an advertisingBudget without its currency (names the budget pair)', async () => {
      const name = `Без валюты ${tag()}`;
      const res = await t.gql(CREATE_CLIENT, { input: { name, advertisingBudget: '1000.00' } }, a.ownerToken);
      expectCode(res, 'BAD_USER_INPUT');
      expect(fieldPaths(res).some((p) => p === 'input.advertisingBudget' || p === 'input.advertisingBudgetCurrency')).toBe(true);
      expect(await clientsNamed(a.agencyId, name)).toBe(0);
    });

    it('a currency without a budget', async () => {
      const name = `Без бюджета ${tag()}`;
      const res = await t.gql(CREATE_CLIENT, { input: { name, advertisingBudgetCurrency: 'EUR' } }, a.ownerToken);
      expectCode(res, 'BAD_USER_INPUT');
      expect(fieldPaths(res).some((p) => p.startsWith('input.advertisingBudget'))).toBe(true);
      expect(await clientsNamed(a.agencyId, name)).toBe(0);
    });

    it('a JSON number instead of a Decimal string for advertisingBudget (variable coercion)', async () => {
      const name = `Число ${tag()}`;
      const res = await t.gql(CREATE_CLIENT, { input: { name, advertisingBudget: 350000.5, advertisingBudgetCurrency: 'RUB' } }, a.ownerToken);
      expectCode(res, 'BAD_USER_INPUT');
      expect(res.body.data).toBeUndefined();
      expect(await clientsNamed(a.agencyId, name)).toBe(0);
    });

    it('a Decimal with garbage in it ("12,5") and a Decimal literal written as a number', async () => {
      const name = `Запятая ${tag()}`;
      expectCode(await t.gql(CREATE_CLIENT, { input: { name, advertisingBudget: '12,5', advertisingBudgetCurrency: 'RUB' } }, a.ownerToken), 'BAD_USER_INPUT');
      const literal = await t.gql(
        `mutation { createClient(input: { name: "${name}", advertisingBudget: 12.5, advertisingBudgetCurrency: RUB }) { id } }`,
        {},
        a.ownerToken,
      );
      expect(literal.status).toBeLessThan(500);
      expect(literal.body.errors?.[0].extensions?.code).toMatch(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/);
      expect(await clientsNamed(a.agencyId, name)).toBe(0);
    });

    it('an unknown enum value for lifecycleStage', async () => {
      const name = `Енум ${tag()}`;
      const res = await t.gql(CREATE_CLIENT, { input: { name, lifecycleStage: 'DORMANT' } }, a.ownerToken);
      expectCode(res, 'BAD_USER_INPUT');
      expect(await clientsNamed(a.agencyId, name)).toBe(0);
    });

    it('an ownerId of a portal (CLIENT) user', async () => {
      const host = await createClient(t, a.ownerToken);
      const portal = await createUser(t, a.ownerToken, 'CLIENT', host.id);
      const name = `Портальный владелец ${tag()}`;
      const res = await t.gql(CREATE_CLIENT, { input: { name, ownerId: portal.id } }, a.ownerToken);
      expectBadInput(res, 'input.ownerId');
      expect(await clientsNamed(a.agencyId, name)).toBe(0);
    });

    it("an ownerId of another agency's user is NOT_FOUND (input.ownerId), a malformed one BAD_USER_INPUT", async () => {
      const b = await registerAgency(t);
      const name = `Чужой владелец ${tag()}`;
      const foreign = await t.gql(CREATE_CLIENT, { input: { name, ownerId: b.ownerId } }, a.ownerToken);
      expect(expectCode(foreign, 'NOT_FOUND').field).toBe('input.ownerId');
      expectBadInput(await t.gql(CREATE_CLIENT, { input: { name, ownerId: 'not-a-uuid' } }, a.ownerToken), 'input.ownerId');
      expect(await clientsNamed(a.agencyId, name)).toBe(0);
    });

    it('an advertisingBudget too large for the column is BAD_USER_INPUT, not INTERNAL_SERVER_ERROR', async () => {
      // the Decimal scalar accepts up to 18 integer digits
      const name = `Миллиарды ${tag()}`;
      const res = await t.gql(
        CREATE_CLIENT,
        { input: { name, advertisingBudget: '999999999999999999', advertisingBudgetCurrency: 'RUB' } },
        a.ownerToken,
      );
      expectCode(res, 'BAD_USER_INPUT');
      expect(await clientsNamed(a.agencyId, name)).toBe(0);
    });

    it('an advertisingBudget with more fractional digits than kept is refused or kept exactly, never silently rounded', async () => {
      const name = `Копейки ${tag()}`;
      const res = await t.gql(CREATE_CLIENT, { input: { name, advertisingBudget: '100.125', advertisingBudgetCurrency: 'RUB' } }, a.ownerToken);
      if (res.body.errors) {
        expectCode(res, 'BAD_USER_INPUT');
        expect(await clientsNamed(a.agencyId, name)).toBe(0);
      } else {
        // the answer and what was stored must both be the exact amount given
        expect(res.body.data.createClient.advertisingBudget).toBe('100.125');
        expect((await readClient(res.body.data.createClient.id, a.ownerToken)).advertisingBudget).toBe('100.125');
      }
    });

    it('text containing a NUL character is BAD_USER_INPUT, not INTERNAL_SERVER_ERROR', async () => {
      const name = `Нуль ${tag()}`;
      const res = await t.gql(CREATE_CLIENT, { input: { name: `${name}\u0000x` } }, a.ownerToken);
      expectCode(res, 'BAD_USER_INPUT');
      expect(await clientsNamed(a.agencyId, name)).toBe(0);
    });
  });
});

describe('tax id uniqueness', () => {
  it('refuses a duplicate INN in the same agency with CONFLICT DUPLICATE_TAX_ID and writes nothing', async () => {
    const a = await registerAgency(t);
    const first = await createClient(t, a.ownerToken, { name: 'Первый', inn: INN, kpp: KPP, country: 'RU' });
    const name = `Дубль ИНН ${tag()}`;
    const res = await t.gql(CREATE_CLIENT, { input: { name, inn: INN } }, a.ownerToken);
    const ext = expectCode(res, 'CONFLICT');
    expect(ext).toMatchObject({ reason: 'DUPLICATE_TAX_ID', field: 'input.inn' });
    expect(res.body.data).toBeNull();
    expect(await clientsNamed(a.agencyId, name)).toBe(0);
    const rows = await t.ds.query('SELECT id FROM clients WHERE "agencyId" = $1 AND inn = $2', [a.agencyId, INN]);
    expect(rows).toEqual([{ id: first.id }]);
  });

  it('still refuses the duplicate when the first holder is archived', async () => {
    const a = await registerAgency(t);
    const first = await createClient(t, a.ownerToken, { inn: INN_2 });
    expectOk(await t.gql(ARCHIVE_CLIENT, { id: first.id }, a.ownerToken));
    const res = await t.gql(CREATE_CLIENT, { input: { name: `Дубль ${tag()}`, inn: INN_2 } }, a.ownerToken);
    expect(expectCode(res, 'CONFLICT')).toMatchObject({ reason: 'DUPLICATE_TAX_ID', field: 'input.inn' });
  });

  it('accepts the same INN in another agency', async () => {
    const a = await registerAgency(t);
    const b = await registerAgency(t);
    await createClient(t, a.ownerToken, { inn: INN });
    const data = expectOk(await t.gql(CREATE_CLIENT, { input: { name: 'Тот же ИНН', inn: INN } }, b.ownerToken));
    expect(data.createClient.inn).toBe(INN);
  });

  it('refuses a duplicate EIK in the same agency with CONFLICT on input.eik', async () => {
    const a = await registerAgency(t);
    await createClient(t, a.ownerToken, { country: 'BG', eik: EIK });
    const name = `Дубль ЕИК ${tag()}`;
    const res = await t.gql(CREATE_CLIENT, { input: { name, country: 'BG', eik: EIK } }, a.ownerToken);
    expect(expectCode(res, 'CONFLICT')).toMatchObject({ reason: 'DUPLICATE_TAX_ID', field: 'input.eik' });
    expect(await clientsNamed(a.agencyId, name)).toBe(0);
  });

  it('of two concurrent creations with the same INN exactly one wins, the other gets CONFLICT', async () => {
    const a = await registerAgency(t);
    const results = await Promise.all(
      [1, 2, 3].map((i) => t.gql(CREATE_CLIENT, { input: { name: `Гонка ${i} ${tag()}`, inn: INN_3 } }, a.ownerToken)),
    );
    const ok = results.filter((r) => !r.body.errors);
    const conflicts = results.filter((r) => r.body.errors?.[0].extensions?.code === 'CONFLICT');
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(2);
    const rows = await t.ds.query('SELECT count(*)::int AS n FROM clients WHERE "agencyId" = $1', [a.agencyId]);
    expect(rows[0].n).toBe(1);
  });
});

describe('updateClient', () => {
  let a: AgencyActors;
  beforeAll(async () => {
    a = await registerAgency(t);
  });

  async function fullClient(extra: Record<string, unknown> = {}): Promise<any> {
    return createClient(t, a.ownerToken, {
      name: `Полный ${tag()}`,
      legalName: 'ООО «Полный»',
      country: 'RU',
      website: 'https://full.example.ru',
      industry: 'FMCG',
      companySize: 'SMALL',
      advertisingBudget: '1000.00',
      advertisingBudgetCurrency: 'RUB',
      notes: 'заметка',
      ...extra,
    });
  }

  it('changes only the given fields and keeps the omitted ones', async () => {
    const c = await fullClient();
    const data = expectOk(await t.gql(UPDATE_CLIENT, { input: { id: c.id, industry: 'Ритейл', lifecycleStage: 'INTEREST' } }, a.ownerToken));
    const u = data.updateClient;
    expect(u).toMatchObject({
      id: c.id,
      name: c.name,
      legalName: 'ООО «Полный»',
      website: 'https://full.example.ru',
      industry: 'Ритейл',
      companySize: 'SMALL',
      advertisingBudgetCurrency: 'RUB',
      notes: 'заметка',
      lifecycleStage: 'INTEREST',
      createdAt: c.createdAt,
    });
    expect(u.advertisingBudget).toBe(c.advertisingBudget);
    expect(new Date(u.updatedAt).getTime()).toBeGreaterThan(new Date(c.updatedAt).getTime());
    const back = await readClient(c.id, a.ownerToken);
    expect(back).toMatchObject({ industry: 'Ритейл', legalName: 'ООО «Полный»', website: 'https://full.example.ru', updatedAt: u.updatedAt });
  });

  it('clears an optional field given null', async () => {
    const c = await fullClient();
    const data = expectOk(await t.gql(UPDATE_CLIENT, { input: { id: c.id, website: null, legalName: null } }, a.ownerToken));
    expect(data.updateClient).toMatchObject({ website: null, legalName: null, industry: 'FMCG' });
    const back = await readClient(c.id, a.ownerToken);
    expect(back).toMatchObject({ website: null, legalName: null, industry: 'FMCG', name: c.name });
  });

  it('clears the budget and its currency together', async () => {
    const c = await fullClient();
    const data = expectOk(
      await t.gql(UPDATE_CLIENT, { input: { id: c.id, advertisingBudget: null, advertisingBudgetCurrency: null } }, a.ownerToken),
    );
    expect(data.updateClient).toMatchObject({ advertisingBudget: null, advertisingBudgetCurrency: null });
  });

  it('sets an exact budget', async () => {
    const c = await fullClient();
    const data = expectOk(await t.gql(UPDATE_CLIENT, { input: { id: c.id, advertisingBudget: '7500.10' } }, a.ownerToken));
    expect(data.updateClient.advertisingBudget).toBe('7500.10');
  });

  describe('a refused update leaves the client exactly as it was', () => {
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      ['name: null', { name: null }, 'BAD_USER_INPUT', 'input.name'],
      ['an empty name', { name: '' }, 'BAD_USER_INPUT', 'input.name'],
      ['a whitespace-only name', { name: '   ' }, 'BAD_USER_INPUT', 'input.name'],
      ['an INN with a bad checksum', { inn: '7704123451', name: 'Новое имя' }, 'BAD_USER_INPUT', 'input.inn'],
      ['lifecycleStage: null', { lifecycleStage: null, name: 'Новое имя' }, 'BAD_USER_INPUT', 'input.lifecycleStage'],
      ['country BG on a client that has an INN', { country: 'BG', name: 'Новое имя' }, 'BAD_USER_INPUT', 'input.inn'],
      ['a budget cleared without its currency', { advertisingBudget: null, name: 'Новое имя' }, 'BAD_USER_INPUT', 'input.advertisingBudget*'],
      ['a website that is not http(s)', { website: 'javascript:alert(1)', name: 'Новое имя' }, 'BAD_USER_INPUT', 'input.website'],
    ];

    it.each(cases)('%s', async (_label, patch, code, path) => {
      // an INN (so the BG rule has something to trip on), set through a valid update
      const c = await fullClient();
      const withInn = expectOk(await t.gql(UPDATE_CLIENT, { input: { id: c.id, inn: randomInn() } }, a.ownerToken)).updateClient;
      const before = await readClient(c.id, a.ownerToken);
      expect(before.updatedAt).toBe(withInn.updatedAt);
      const res = await t.gql(UPDATE_CLIENT, { input: { id: c.id, ...patch } }, a.ownerToken);
      expectCode(res, code);
      // "input.x*" names any field of the x… pair
      const paths = fieldPaths(res);
      if (path.endsWith('*')) expect(paths.some((q) => q.startsWith(path.slice(0, -1)))).toBe(true);
      else expect(paths).toContain(path);
      const after = await readClient(c.id, a.ownerToken);
      expect(after).toEqual(before);
    });

    it('a duplicate INN → CONFLICT DUPLICATE_TAX_ID, same name and updatedAt', async () => {
      const holder = await fullClient({ inn: INN_2 });
      const c = await fullClient();
      const before = await readClient(c.id, a.ownerToken);
      const res = await t.gql(UPDATE_CLIENT, { input: { id: c.id, inn: INN_2, name: 'Захватчик' } }, a.ownerToken);
      expect(expectCode(res, 'CONFLICT')).toMatchObject({ reason: 'DUPLICATE_TAX_ID', field: 'input.inn' });
      const after = await readClient(c.id, a.ownerToken);
      expect(after).toEqual(before);
      expect(after.name).toBe(c.name);
      expect(after.updatedAt).toBe(c.updatedAt);
      expect((await readClient(holder.id, a.ownerToken)).inn).toBe(INN_2);
    });

    it('a missing id → NOT_FOUND on input.id, a malformed id → BAD_USER_INPUT', async () => {
      const missing = await t.gql(UPDATE_CLIENT, { input: { id: MISSING_ID, name: 'X' } }, a.ownerToken);
      expect(expectCode(missing, 'NOT_FOUND').field).toBe('input.id');
      expectBadInput(await t.gql(UPDATE_CLIENT, { input: { id: 'not-a-uuid', name: 'X' } }, a.ownerToken), 'input.id');
      expect((await t.ds.query('SELECT count(*)::int AS n FROM clients WHERE id = $1', [MISSING_ID]))[0].n).toBe(0);
    });

    it('an ownerId of a portal user', async () => {
      const c = await fullClient();
      const portal = await createUser(t, a.ownerToken, 'CLIENT', c.id);
      const before = await readClient(c.id, a.ownerToken);
      expectBadInput(await t.gql(UPDATE_CLIENT, { input: { id: c.id, ownerId: portal.id } }, a.ownerToken), 'input.ownerId');
      expect(await readClient(c.id, a.ownerToken)).toEqual(before);
    });
  });

  it('assigns and unassigns an account manager', async () => {
    const c = await fullClient();
    const m = await createUser(t, a.ownerToken, 'MANAGER');
    expect(expectOk(await t.gql(UPDATE_CLIENT, { input: { id: c.id, ownerId: m.id } }, a.ownerToken)).updateClient.owner).toEqual({
      id: m.id,
      email: m.email,
    });
    expect(expectOk(await t.gql(UPDATE_CLIENT, { input: { id: c.id, ownerId: null } }, a.ownerToken)).updateClient.owner).toBeNull();
  });
});

describe('archive, restore and terminate', () => {
  let a: AgencyActors;
  beforeAll(async () => {
    a = await registerAgency(t);
  });

  async function listIds(status?: string): Promise<string[]> {
    const data = expectOk(await t.gql(LIST_CLIENTS, { first: 100, filter: status ? { status } : undefined }, a.ownerToken));
    return data.clients.edges.map((e: any) => e.node.id);
  }

  it('hides an archived client from the default list; ARCHIVED and ALL show it; restore brings it back', async () => {
    const kept = await createClient(t, a.ownerToken, { name: `Активный ${tag()}` });
    const gone = await createClient(t, a.ownerToken, { name: `Архивный ${tag()}` });

    const first = expectOk(await t.gql(ARCHIVE_CLIENT, { id: gone.id }, a.ownerToken)).archiveClient;
    expect(first.archivedAt).toEqual(expect.any(String));

    expect(await listIds()).toContain(kept.id);
    expect(await listIds()).not.toContain(gone.id);
    expect(await listIds('ACTIVE')).not.toContain(gone.id);
    const archived = await listIds('ARCHIVED');
    expect(archived).toContain(gone.id);
    expect(archived).not.toContain(kept.id);
    const all = await listIds('ALL');
    expect(all).toEqual(expect.arrayContaining([kept.id, gone.id]));

    // totalCount follows the status filter too
    const total = async (status?: string) =>
      expectOk(await t.gql(LIST_CLIENTS, { first: 1, filter: status ? { status } : undefined }, a.ownerToken)).clients.totalCount;
    expect(await total('ALL')).toBe((await total()) + (await total('ARCHIVED')));

    // idempotent: the same archivedAt
    const second = expectOk(await t.gql(ARCHIVE_CLIENT, { id: gone.id }, a.ownerToken)).archiveClient;
    expect(second.archivedAt).toBe(first.archivedAt);
    expect((await readClient(gone.id, a.ownerToken)).archivedAt).toBe(first.archivedAt);

    // an archived client can still be read by id
    expect((await readClient(gone.id, a.ownerToken)).name).toBe(gone.name);

    const restored = expectOk(await t.gql(RESTORE_CLIENT, { id: gone.id }, a.ownerToken)).restoreClient;
    expect(restored.archivedAt).toBeNull();
    expect(await listIds()).toContain(gone.id);
    expect(await listIds('ARCHIVED')).not.toContain(gone.id);
    // restore is idempotent too
    expect(expectOk(await t.gql(RESTORE_CLIENT, { id: gone.id }, a.ownerToken)).restoreClient.archivedAt).toBeNull();
  });

  it('archive/restore of a missing id is NOT_FOUND, of a malformed id never INTERNAL_SERVER_ERROR', async () => {
    expectCode(await t.gql(ARCHIVE_CLIENT, { id: MISSING_ID }, a.ownerToken), 'NOT_FOUND');
    expectCode(await t.gql(RESTORE_CLIENT, { id: MISSING_ID }, a.ownerToken), 'NOT_FOUND');
    const malformed = await t.gql(ARCHIVE_CLIENT, { id: 'nope' }, a.ownerToken);
    expect(malformed.body.errors?.[0].extensions?.code).toMatch(/^(NOT_FOUND|BAD_USER_INPUT)$/);
  });

  it('terminateClient records terminatedAt and the reason and keeps the lifecycle stage', async () => {
    const c = await createClient(t, a.ownerToken, { lifecycleStage: 'PURCHASE' });
    const before = Date.now();
    const data = expectOk(await t.gql(TERMINATE_CLIENT, { input: { id: c.id, reason: '  Ушли к конкурентам ' } }, a.ownerToken));
    const term = data.terminateClient;
    expect(term).toMatchObject({ id: c.id, terminationReason: 'Ушли к конкурентам', lifecycleStage: 'PURCHASE' });
    expect(new Date(term.terminatedAt).getTime()).toBeGreaterThanOrEqual(before - 5000);
    const back = await readClient(c.id, a.ownerToken);
    expect(back).toMatchObject({ terminatedAt: term.terminatedAt, terminationReason: 'Ушли к конкурентам', lifecycleStage: 'PURCHASE', archivedAt: null });
  });

  it('terminateClient with an empty reason → BAD_USER_INPUT on input.reason, nothing recorded', async () => {
    const c = await createClient(t, a.ownerToken);
    const before = await readClient(c.id, a.ownerToken);
    const res = await t.gql(TERMINATE_CLIENT, { input: { id: c.id, reason: '' } }, a.ownerToken);
    expectBadInput(res, 'input.reason');
    const after = await readClient(c.id, a.ownerToken);
    expect(after).toEqual(before);
    expect(after.terminatedAt).toBeNull();
  });

  it('terminateClient of a missing client → NOT_FOUND', async () => {
    expectCode(await t.gql(TERMINATE_CLIENT, { input: { id: MISSING_ID, reason: 'x' } }, a.ownerToken), 'NOT_FOUND');
  });
});

describe('clients pagination', () => {
  let p: AgencyActors;
  /** in creation order */
  const created: Array<{ id: string; name: string }> = [];
  /** ids updated after creation, in update order */
  const touched: string[] = [];
  const TOTAL = 25;
  const NAMES = [
    'Ромашка', 'Лютик', 'Альфа', 'Яблоко', 'Ёлка', 'Берёза', 'Жасмин', 'Щука', 'Эхо', 'Юла',
    'Alpha', 'beta', 'Gamma', 'delta', 'Epsilon', 'zeta', 'Eta', 'theta', 'Iota', 'kappa',
    'Ромашка 2', 'ромашка', '10 Клиент', '2 Клиент', 'Zulu',
  ];

  beforeAll(async () => {
    p = await registerAgency(t);
    expect(NAMES).toHaveLength(TOTAL);
    expect(new Set(NAMES).size).toBe(TOTAL);
    for (const name of NAMES) {
      const c = await createClient(t, p.ownerToken, { name });
      created.push({ id: c.id, name: c.name });
    }
    // touch a few, in an order unlike creation, so UPDATED_AT differs from CREATED_AT
    for (const i of [7, 0, 19, 3, 24, 12]) {
      expectOk(await t.gql(UPDATE_CLIENT, { input: { id: created[i].id, notes: `touched ${i}` } }, p.ownerToken));
      touched.push(created[i].id);
    }
  });

  async function walk(orderBy: Record<string, string> | undefined, first = 10) {
    const ids: string[] = [];
    const pageSizes: number[] = [];
    let after: string | null = null;
    for (let page = 0; page <= TOTAL; page++) {
      const res: GqlResponse = await t.gql(LIST_CLIENTS, { first, after, orderBy }, p.ownerToken);
      const conn: any = expectOk(res).clients;
      expect(conn.totalCount).toBe(TOTAL);
      expect(conn.pageInfo.hasPreviousPage).toBe(page > 0);
      expect(conn.edges.length).toBeLessThanOrEqual(first);
      if (conn.edges.length) {
        expect(conn.pageInfo.startCursor).toBe(conn.edges[0].cursor);
        expect(conn.pageInfo.endCursor).toBe(conn.edges[conn.edges.length - 1].cursor);
      }
      ids.push(...conn.edges.map((e: any) => e.node.id));
      pageSizes.push(conn.edges.length);
      if (!conn.pageInfo.hasNextPage) return { ids, pageSizes };
      after = conn.pageInfo.endCursor;
    }
    throw new Error('pagination did not end');
  }

  async function sqlOrder(orderSql: string): Promise<string[]> {
    const rows = await t.ds.query(`SELECT id FROM clients WHERE "agencyId" = $1 ORDER BY ${orderSql}`, [p.agencyId]);
    return rows.map((r: { id: string }) => r.id);
  }

  it('NAME ASC: every client exactly once, in name order (ties by id)', async () => {
    const { ids, pageSizes } = await walk({ field: 'NAME', direction: 'ASC' });
    expect(pageSizes).toEqual([10, 10, 5]);
    expect(new Set(ids).size).toBe(TOTAL);
    expect(ids).toEqual(await sqlOrder('name ASC, id ASC'));
    // sanity of the reference: names really ascend (in the database collation)
    const names = ids.map((id) => created.find((c) => c.id === id)!.name);
    expect(names[0]).not.toBe(names[names.length - 1]);
  });

  it('NAME DESC: the exact reverse of NAME ASC', async () => {
    const asc = (await walk({ field: 'NAME', direction: 'ASC' })).ids;
    const { ids, pageSizes } = await walk({ field: 'NAME', direction: 'DESC' });
    expect(pageSizes).toEqual([10, 10, 5]);
    expect(ids).toEqual([...asc].reverse());
  });

  it('CREATED_AT ASC: creation order', async () => {
    const { ids } = await walk({ field: 'CREATED_AT', direction: 'ASC' });
    expect(ids).toEqual(created.map((c) => c.id));
  });

  it('CREATED_AT DESC: reverse creation order', async () => {
    const { ids } = await walk({ field: 'CREATED_AT', direction: 'DESC' });
    expect(ids).toEqual(created.map((c) => c.id).reverse());
  });

  it('UPDATED_AT DESC: last touched first, then the untouched ones newest first', async () => {
    const { ids } = await walk({ field: 'UPDATED_AT', direction: 'DESC' });
    const untouched = created.map((c) => c.id).filter((id) => !touched.includes(id));
    expect(ids).toEqual([...[...touched].reverse(), ...untouched.reverse()]);
  });

  it('walks with odd page sizes too (first: 1, 7, 24, 25, 100)', async () => {
    const reference = await sqlOrder('name ASC, id ASC');
    for (const first of [1, 7, 24, 25, 100]) {
      const { ids, pageSizes } = await walk({ field: 'NAME', direction: 'ASC' }, first);
      expect(ids).toEqual(reference);
      expect(pageSizes[pageSizes.length - 1]).toBeGreaterThan(0);
    }
  });

  it('defaults to 20 items, sorted by name ascending, without first or orderBy', async () => {
    const res = await t.gql(LIST_CLIENTS, {}, p.ownerToken);
    const conn = expectOk(res).clients;
    expect(conn.edges).toHaveLength(20);
    expect(conn.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(conn.totalCount).toBe(TOTAL);
    expect(conn.edges.map((e: any) => e.node.id)).toEqual((await sqlOrder('name ASC, id ASC')).slice(0, 20));
  });

  it('the last page says hasNextPage false; a page after the end is empty', async () => {
    const first = expectOk(await t.gql(LIST_CLIENTS, { first: 25 }, p.ownerToken)).clients;
    expect(first.pageInfo.hasNextPage).toBe(false);
    const beyond = expectOk(await t.gql(LIST_CLIENTS, { first: 10, after: first.pageInfo.endCursor }, p.ownerToken)).clients;
    expect(beyond.edges).toEqual([]);
    expect(beyond.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
    expect(beyond.totalCount).toBe(TOTAL);
  });

  it('pages through clients with the same name without losing or repeating any (ties broken by id)', async () => {
    const d = await registerAgency(t);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await createClient(t, d.ownerToken, { name: 'Одинаковый' })).id);
    for (const direction of ['ASC', 'DESC']) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const conn: any = expectOk(await t.gql(LIST_CLIENTS, { first: 2, after, orderBy: { field: 'NAME', direction } }, d.ownerToken)).clients;
        seen.push(...conn.edges.map((e: any) => e.node.id));
        if (!conn.pageInfo.hasNextPage) break;
        after = conn.pageInfo.endCursor;
      }
      const sorted = [...ids].sort();
      expect(seen).toEqual(direction === 'ASC' ? sorted : sorted.reverse());
    }
  });

  describe('bad paging arguments are BAD_USER_INPUT, never INTERNAL_SERVER_ERROR', () => {
    it('first: 101 → BAD_USER_INPUT on "first"', async () => {
      expectBadInput(await t.gql(LIST_CLIENTS, { first: 101 }, p.ownerToken), 'first');
    });

    it('first: 0 and first: -1 → BAD_USER_INPUT on "first"', async () => {
      expectBadInput(await t.gql(LIST_CLIENTS, { first: 0 }, p.ownerToken), 'first');
      expectBadInput(await t.gql(LIST_CLIENTS, { first: -1 }, p.ownerToken), 'first');
    });

    it('first beyond Int → BAD_USER_INPUT', async () => {
      expectCode(await t.gql(LIST_CLIENTS, { first: 2 ** 40 }, p.ownerToken), 'BAD_USER_INPUT');
    });

    it('after: "garbage" → BAD_USER_INPUT on "after"', async () => {
      expectBadInput(await t.gql(LIST_CLIENTS, { first: 5, after: 'garbage' }, p.ownerToken), 'after');
    });

    it('a cursor whose id part is not a uuid → BAD_USER_INPUT on "after"', async () => {
      expectBadInput(await t.gql(LIST_CLIENTS, { first: 5, after: b64json(['x', 'y']) }, p.ownerToken), 'after');
    });

    const uuid = '11111111-1111-4111-8111-111111111111';
    const tampered: Array<[string, unknown, Record<string, string> | undefined]> = [
      ['JSON null', null, undefined],
      ['an object', { v: 'a', id: uuid }, undefined],
      ['three elements', ['a', uuid, 1], undefined],
      ['a non-date value on CREATED_AT', ['Ромашка', uuid], { field: 'CREATED_AT', direction: 'ASC' }],
      ['a number value on UPDATED_AT', [12345, uuid], { field: 'UPDATED_AT', direction: 'DESC' }],
      ['"1" on CREATED_AT (Date.parse accepts it, PostgreSQL does not)', ['1', uuid], { field: 'CREATED_AT', direction: 'ASC' }],
      ['"Alpha 2" on CREATED_AT (a NAME cursor replayed on a date order)', ['Alpha 2', uuid], { field: 'CREATED_AT', direction: 'ASC' }],
      ['a NUL character in a NAME cursor', ['a\u0000b', uuid], { field: 'NAME', direction: 'ASC' }],
    ];

    it.each(tampered)('a tampered cursor (%s) → BAD_USER_INPUT on "after"', async (_label, value, orderBy) => {
      expectBadInput(await t.gql(LIST_CLIENTS, { first: 5, after: b64json(value), orderBy }, p.ownerToken), 'after');
    });

    it('an overlong after → BAD_USER_INPUT', async () => {
      expectBadInput(await t.gql(LIST_CLIENTS, { first: 5, after: 'a'.repeat(600) }, p.ownerToken));
    });
  });
});

describe('clients filters', () => {
  let f: AgencyActors;
  let manager: { id: string; token: string };
  const c: Record<string, any> = {};

  beforeAll(async () => {
    f = await registerAgency(t);
    manager = await createUser(t, f.ownerToken, 'MANAGER');
    c.romashka = await createClient(t, f.ownerToken, {
      name: 'Ромашка', legalName: 'ООО «Ромашка»', inn: INN_2, country: 'RU', lifecycleStage: 'INTEREST', companySize: 'SMALL', ownerId: manager.id,
    });
    c.alpha = await createClient(t, f.ownerToken, {
      name: 'Alpha Digital', legalName: 'Alpha Digital EOOD', country: 'BG', eik: EIK_2, lifecycleStage: 'PURCHASE', companySize: 'LARGE',
    });
    c.percent = await createClient(t, f.ownerToken, { name: '100% Рекламы', inn: INN_3, country: 'RU', companySize: 'MEDIUM' });
    c.thousand = await createClient(t, f.ownerToken, { name: '1000 Рекламы', country: 'RU' });
    c.snake = await createClient(t, f.ownerToken, { name: 'Snake_Case Ltd', lifecycleStage: 'LOYALTY' });
    c.snakeX = await createClient(t, f.ownerToken, { name: 'SnakeXCase Ltd' });
    c.lutik = await createClient(t, f.ownerToken, { name: 'Лютик', legalName: 'АО «РОМАШКА-ТРЕЙД»', companySize: 'ENTERPRISE', ownerId: manager.id });
    c.backslash = await createClient(t, f.ownerToken, { name: 'Back\\slash' });
    c.archived = await createClient(t, f.ownerToken, { name: 'Ромашка архивная' });
    expectOk(await t.gql(ARCHIVE_CLIENT, { id: c.archived.id }, f.ownerToken));
  });

  async function names(filter: Record<string, unknown>): Promise<string[]> {
    const conn = expectOk(await t.gql(LIST_CLIENTS_FULL, { first: 100, filter }, f.ownerToken)).clients;
    expect(conn.totalCount).toBe(conn.edges.length);
    return conn.edges.map((e: any) => e.node.name).sort();
  }

  it('search is case-insensitive and matches the name', async () => {
    expect(await names({ search: 'РОМАШКА' })).toEqual(['Лютик', 'Ромашка'].sort());
    expect(await names({ search: 'alpha DIGITAL' })).toEqual(['Alpha Digital']);
    expect(await names({ search: 'ромаш' })).toEqual(['Лютик', 'Ромашка'].sort());
  });

  it('search matches the legal name', async () => {
    expect(await names({ search: 'трейд' })).toEqual(['Лютик']);
    expect(await names({ search: 'eood' })).toEqual(['Alpha Digital']);
  });

  it('search matches the INN (and the EIK)', async () => {
    expect(await names({ search: INN_2 })).toEqual(['Ромашка']);
    expect(await names({ search: INN_3.slice(0, 6) })).toEqual(['100% Рекламы']);
    expect(await names({ search: EIK_2 })).toEqual(['Alpha Digital']);
  });

  it('treats % and _ (and \\) in the search literally', async () => {
    expect(await names({ search: '100%' })).toEqual(['100% Рекламы']);
    expect(await names({ search: '%' })).toEqual(['100% Рекламы']);
    expect(await names({ search: 'e_c' })).toEqual(['Snake_Case Ltd']);
    expect(await names({ search: '_' })).toEqual(['Snake_Case Ltd']);
    expect(await names({ search: 'k\\s' })).toEqual(['Back\\slash']);
  });

  it('search does not return archived clients unless asked', async () => {
    expect(await names({ search: 'архивная' })).toEqual([]);
    expect(await names({ search: 'архивная', status: 'ARCHIVED' })).toEqual(['Ромашка архивная']);
    expect(await names({ search: 'Ромашка', status: 'ALL' })).toEqual(['Лютик', 'Ромашка', 'Ромашка архивная'].sort());
  });

  it('filters by lifecycleStages', async () => {
    expect(await names({ lifecycleStages: ['INTEREST', 'PURCHASE'] })).toEqual(['Alpha Digital', 'Ромашка'].sort());
    expect(await names({ lifecycleStages: ['EVALUATION'] })).toEqual([]);
  });

  it('filters by companySizes', async () => {
    expect(await names({ companySizes: ['LARGE', 'MEDIUM'] })).toEqual(['100% Рекламы', 'Alpha Digital'].sort());
  });

  it('filters by ownerId', async () => {
    expect(await names({ ownerId: manager.id })).toEqual(['Лютик', 'Ромашка'].sort());
    expect(await names({ ownerId: MISSING_ID })).toEqual([]);
  });

  it('filters by country', async () => {
    expect(await names({ country: 'BG' })).toEqual(['Alpha Digital']);
    expect(await names({ country: 'RU' })).toEqual(['1000 Рекламы', '100% Рекламы', 'Ромашка'].sort());
  });

  it('combines filters with AND', async () => {
    expect(await names({ search: 'ромашка', lifecycleStages: ['INTEREST'] })).toEqual(['Ромашка']);
    expect(await names({ ownerId: manager.id, companySizes: ['ENTERPRISE'] })).toEqual(['Лютик']);
    expect(await names({ country: 'BG', lifecycleStages: ['INTEREST'] })).toEqual([]);
  });

  it('an empty list is an empty connection', async () => {
    const conn = expectOk(await t.gql(LIST_CLIENTS, { filter: { search: 'нет-такого-клиента' } }, f.ownerToken)).clients;
    expect(conn).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, edges: [] });
  });

  it('pages through a filtered list with totalCount of the filter', async () => {
    const first = expectOk(await t.gql(LIST_CLIENTS, { first: 1, filter: { search: 'рекламы' } }, f.ownerToken)).clients;
    expect(first.totalCount).toBe(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = expectOk(
      await t.gql(LIST_CLIENTS, { first: 1, after: first.pageInfo.endCursor, filter: { search: 'рекламы' } }, f.ownerToken),
    ).clients;
    expect(second.totalCount).toBe(2);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect([first.edges[0].node.id, second.edges[0].node.id].sort()).toEqual([c.percent.id, c.thousand.id].sort());
  });

  it('bad filter values are BAD_USER_INPUT naming the filter field', async () => {
    expectBadInput(await t.gql(LIST_CLIENTS, { filter: { country: 'XX' } }, f.ownerToken), 'filter.country');
    expectBadInput(await t.gql(LIST_CLIENTS, { filter: { ownerId: 'not-a-uuid' } }, f.ownerToken), 'filter.ownerId');
    expectBadInput(await t.gql(LIST_CLIENTS, { filter: { search: 'x'.repeat(201) } }, f.ownerToken), 'filter.search');
    expectCode(await t.gql(LIST_CLIENTS, { filter: { lifecycleStages: ['DORMANT'] } }, f.ownerToken), 'BAD_USER_INPUT');
    expectCode(await t.gql(LIST_CLIENTS, { orderBy: { field: 'INN' } }, f.ownerToken), 'BAD_USER_INPUT');
  });

  it('a search containing a NUL character is BAD_USER_INPUT (or simply matches nothing), never INTERNAL_SERVER_ERROR', async () => {
    const res = await t.gql(LIST_CLIENTS, { filter: { search: 'Ром\u0000ашка' } }, f.ownerToken);
    expect(res.body.errors?.[0].extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    if (res.body.errors) expectCode(res, 'BAD_USER_INPUT');
    else expect(res.body.data.clients.edges).toEqual([]);
  });
});

describe('robustness', () => {
  it('keeps serving after bad input: a valid request right after each failing one works', async () => {
    const a = await registerAgency(t);
    const bad: Array<[string, Record<string, unknown>]> = [
      [CREATE_CLIENT, { input: { name: '' } }],
      [CREATE_CLIENT, { input: { name: 'X', advertisingBudget: 1.5, advertisingBudgetCurrency: 'RUB' } }],
      [CREATE_CLIENT, { input: { name: 'X', inn: '7704123451' } }],
      [LIST_CLIENTS, { first: 101 }],
      [LIST_CLIENTS, { after: 'garbage' }],
      [LIST_CLIENTS, { after: b64json(['1', '11111111-1111-4111-8111-111111111111']), orderBy: { field: 'CREATED_AT' } }],
      [CREATE_CLIENT, { input: { name: 'X\u0000' } }],
      ['mutation { createClient(input: {}) { id } }', {}],
      ['{ this is not graphql', {}],
    ];
    for (const [query, variables] of bad) {
      const res = await t.gql(query, variables, a.ownerToken);
      expect(res.body.errors?.length).toBeGreaterThan(0);
      const name = `После ошибки ${tag()}`;
      const ok = expectOk(await t.gql(CREATE_CLIENT, { input: { name } }, a.ownerToken));
      expect(ok.createClient.name).toBe(name);
      const list = expectOk(await t.gql(LIST_CLIENTS, { first: 1 }, a.ownerToken));
      expect(list.clients.totalCount).toBeGreaterThan(0);
    }
    // nothing from the bad requests was written
    expect(await clientsNamed(a.agencyId, 'X')).toBe(0);
    expect(await clientCount(a.agencyId)).toBe(bad.length);
  });

  it('requires a token, and a portal user cannot create clients', async () => {
    const a = await registerAgency(t);
    const host = await createClient(t, a.ownerToken);
    const portal = await createUser(t, a.ownerToken, 'CLIENT', host.id);
    expectCode(await t.gql(CREATE_CLIENT, { input: { name: 'Аноним' } }), 'UNAUTHENTICATED');
    expectCode(await t.gql(CREATE_CLIENT, { input: { name: 'Портал' } }, portal.token), 'FORBIDDEN');
    expect(await clientCount(a.agencyId)).toBe(1);
  });
});
