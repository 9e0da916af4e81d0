/**
 * Agency requisites: updateAgencyRequisites (owner only) and Agency.requisites (agency staff):
 * defaults of a new agency, Russian and Bulgarian details read back, partial updates, validation
 * of every identifier with its field path, roles, and each agency seeing and changing only its
 * own. Every refused request reads the requisites back.
 */
import { startTestApp, TestApp } from '../support/app';
import { expectBadInput, expectCode, expectOk } from '../support/expect';
import { createClient, createUser, registerAgency } from '../support/factories';

const REQUISITE_FIELDS = /* GraphQL */ `
  fragment RequisiteFields on AgencyRequisites {
    legalName inn kpp ogrn eik vatNumber address bankName bic settlementAccount correspondentAccount iban
    signatoryName signatoryPosition vatPayer invoiceNumberPattern actNumberPattern contractNumberPattern
    actSignDays approvalWaitDays
  }
`;
const UPDATE_REQUISITES = /* GraphQL */ `
  mutation UpdateRequisites($input: UpdateAgencyRequisitesInput!) { updateAgencyRequisites(input: $input) { ...RequisiteFields } }
  ${REQUISITE_FIELDS}
`;
const REQUISITES = /* GraphQL */ `
  query Requisites { agency { id timeZone locale defaultCurrency requisites { ...RequisiteFields } } }
  ${REQUISITE_FIELDS}
`;

const DEFAULTS = {
  legalName: null,
  inn: null,
  kpp: null,
  ogrn: null,
  eik: null,
  vatNumber: null,
  address: null,
  bankName: null,
  bic: null,
  settlementAccount: null,
  correspondentAccount: null,
  iban: null,
  signatoryName: null,
  signatoryPosition: null,
  vatPayer: true,
  invoiceNumberPattern: '{YYYY}-{N:6}',
  actNumberPattern: 'АКТ-{YYYY}-{N:6}',
  contractNumberPattern: 'Д-{YYYY}-{N:4}',
  actSignDays: 5,
  approvalWaitDays: 3,
};

const RUSSIAN = {
  legalName: 'ООО «Вектор»',
  inn: '7707083893',
  kpp: '773601001',
  ogrn: '1027700132195',
  address: 'г. Москва, ул. Вавилова, д. 19',
  bankName: 'ПАО Сбербанк',
  bic: '044525225',
  settlementAccount: '40702810938000012345',
  correspondentAccount: '30101810400000000225',
  signatoryName: 'Орлова Е. П.',
  signatoryPosition: 'Генеральный директор',
};

const BULGARIAN = {
  legalName: 'Вектор ЕООД',
  eik: '831902088',
  vatNumber: 'BG831902088',
  address: 'гр. София, бул. Витоша 1',
  bankName: 'Българска народна банка',
  iban: 'BG80BNBG96611020345678',
  bic: 'BNBGBGSF',
  invoiceNumberPattern: '{N:10}',
};

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

/** What the agency's staff read back: the agency row with its requisites. */
async function read(token: string): Promise<any> {
  return expectOk(await t.gql(REQUISITES, {}, token)).agency;
}

function update(token: string, input: Record<string, unknown>) {
  return t.gql(UPDATE_REQUISITES, { input }, token);
}

describe('Agency.requisites', () => {
  it('gives a new agency the defaults: VAT payer, default numbering, nothing else filled', async () => {
    const a = await registerAgency(t);
    expect((await read(a.ownerToken)).requisites).toEqual(DEFAULTS);
  });

  it('is read in full by agency staff; a portal user reads what it needs to pay, not the numbering policy', async () => {
    const a = await registerAgency(t);
    expectOk(await update(a.ownerToken, RUSSIAN));
    const manager = await createUser(t, a.ownerToken, 'MANAGER');
    expect((await read(manager.token)).requisites).toMatchObject(RUSSIAN);
    const client = await createClient(t, a.ownerToken);
    const portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
    const seen = await t.gql(REQUISITES, {}, portal.token);
    expect(seen.body.data.agency.requisites).toMatchObject({ legalName: RUSSIAN.legalName, inn: RUSSIAN.inn, bic: RUSSIAN.bic, invoiceNumberPattern: null });
    expect(new Set(seen.body.errors!.map((e: any) => e.extensions.code))).toEqual(new Set(['FORBIDDEN']));
    expect(seen.body.errors!.map((e: any) => e.path.join('.'))).toContain('agency.requisites.invoiceNumberPattern');
    expectCode(await t.gql(REQUISITES, {}), 'UNAUTHENTICATED');
  });
});

describe('updateAgencyRequisites', () => {
  it('saves Russian requisites and reads them back', async () => {
    const a = await registerAgency(t);
    const saved = expectOk(await update(a.ownerToken, { ...RUSSIAN, vatPayer: false, actSignDays: 10, approvalWaitDays: 7 })).updateAgencyRequisites;
    const expected = { ...DEFAULTS, ...RUSSIAN, vatPayer: false, actSignDays: 10, approvalWaitDays: 7 };
    expect(saved).toEqual(expected);
    expect((await read(a.ownerToken)).requisites).toEqual(expected);
  });

  it('saves Bulgarian requisites (EIK, VAT number, IBAN, SWIFT) with the currency, time zone and document language', async () => {
    const a = await registerAgency(t);
    expectOk(await update(a.ownerToken, { ...BULGARIAN, defaultCurrency: 'EUR', timeZone: 'Europe/Sofia', documentLanguage: 'BG' }));
    const agency = await read(a.ownerToken);
    expect(agency).toMatchObject({ timeZone: 'Europe/Sofia', locale: 'BG', defaultCurrency: 'EUR' });
    expect(agency.requisites).toEqual({ ...DEFAULTS, ...BULGARIAN });
  });

  it('changes only the fields given; null or blank clears an optional one; null keeps a required one', async () => {
    const a = await registerAgency(t);
    expectOk(await update(a.ownerToken, RUSSIAN));
    expectOk(await update(a.ownerToken, { signatoryName: '  Иванов И. И.  ', kpp: null, address: '   ', vatPayer: null, invoiceNumberPattern: null }));
    expect((await read(a.ownerToken)).requisites).toEqual({ ...DEFAULTS, ...RUSSIAN, signatoryName: 'Иванов И. И.', kpp: null, address: null });
  });

  it('refuses invalid identifiers, accounts and settings with the field at fault, and changes nothing', async () => {
    const a = await registerAgency(t);
    expectOk(await update(a.ownerToken, RUSSIAN));
    const before = await read(a.ownerToken);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ inn: '7707083894' }, 'input.inn'], // checksum
      [{ inn: '770708389' }, 'input.inn'], // 9 digits
      [{ kpp: '77360100' }, 'input.kpp'],
      [{ ogrn: '1027700132196' }, 'input.ogrn'],
      [{ eik: '831902089' }, 'input.eik'],
      [{ vatNumber: 'BG831902087' }, 'input.vatNumber'],
      [{ iban: 'BG80BNBG96611020345679' }, 'input.iban'],
      [{ bic: '04452522' }, 'input.bic'],
      [{ bic: 'bnbgbgsf' }, 'input.bic'],
      [{ settlementAccount: '4070281093800001234' }, 'input.settlementAccount'],
      [{ correspondentAccount: '40101810400000000225' }, 'input.correspondentAccount'],
      [{ legalName: '' }, 'input.legalName'],
      [{ invoiceNumberPattern: 'INV-2026' }, 'input.invoiceNumberPattern'],
      [{ actNumberPattern: '{N' }, 'input.actNumberPattern'],
      [{ actSignDays: 0 }, 'input.actSignDays'],
      [{ approvalWaitDays: 91 }, 'input.approvalWaitDays'],
      [{ timeZone: 'Nowhere/Land' }, 'input.timeZone'],
      // a valid change next to an invalid one is not applied either
      [{ legalName: 'ООО «Другое»', inn: '1234567890' }, 'input.inn'],
    ];
    for (const [input, path] of cases) expectBadInput(await update(a.ownerToken, input), path);
    expectCode(await update(a.ownerToken, { documentLanguage: 'DE' }), 'BAD_USER_INPUT');
    expect(await read(a.ownerToken)).toEqual(before);
  });

  it('is for the owner only: a manager and a portal user are FORBIDDEN, nothing changes', async () => {
    const a = await registerAgency(t);
    expectOk(await update(a.ownerToken, RUSSIAN));
    const before = await read(a.ownerToken);
    const manager = await createUser(t, a.ownerToken, 'MANAGER');
    const client = await createClient(t, a.ownerToken);
    const portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
    expectCode(await update(manager.token, { legalName: 'ООО «Менеджер»' }), 'FORBIDDEN');
    expectCode(await update(portal.token, { iban: 'BG80BNBG96611020345678' }), 'FORBIDDEN');
    expectCode(await update('', { vatPayer: false }), 'UNAUTHENTICATED');
    expect(await read(a.ownerToken)).toEqual(before);
  });

  it("keeps agencies apart: another agency's owner neither reads nor changes them", async () => {
    const a = await registerAgency(t);
    const b = await registerAgency(t);
    expectOk(await update(a.ownerToken, RUSSIAN));
    const aBefore = await read(a.ownerToken);
    // B sees its own (default) requisites, never A's
    const bView = await read(b.ownerToken);
    expect(bView.id).toBe(b.agencyId);
    expect(bView.requisites).toEqual(DEFAULTS);
    // B's change lands on B only; the same company may be registered by both
    expectOk(await update(b.ownerToken, { ...BULGARIAN, legalName: 'ООО «Б»', inn: RUSSIAN.inn }));
    expect(await read(a.ownerToken)).toEqual(aBefore);
    expect((await read(b.ownerToken)).requisites).toMatchObject({ legalName: 'ООО «Б»', inn: RUSSIAN.inn, eik: BULGARIAN.eik });
  });
});
