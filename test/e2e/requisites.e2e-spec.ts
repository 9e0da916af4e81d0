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

describe('VAT regimes of the agency, dated like the rates', () => {
  const SET_REGIME = /* GraphQL */ `
    mutation SetRegime($input: SetAgencyVatRegimeInput!) {
      setAgencyVatRegime(input: $input) { vatPayer vatRegimes { validFrom regime rate exemptionNote } }
    }
  `;
  const REGIMES = `{ agency { requisites { vatPayer vatRegimes { validFrom regime rate exemptionNote } } } }`;
  const CREATE = /* GraphQL */ `
    mutation($i: CreateInvoiceInput!) { createInvoice(input: $i) { id subtotal vatTotal total vatExemptionNote lines { vatRate vat } } }
  `;
  const ISSUE = /* GraphQL */ `
    mutation($i: IssueInvoiceInput!) { issueInvoice(input: $i) { __typename ... on Invoice { subtotal vatTotal total vatExemptionNote lines { vatRate vat } } } }
  `;

  async function invoiceOn(token: string, clientId: string, supplyDate: string, currency = 'RUB', extra: Record<string, unknown> = {}) {
    const draft = expectOk(await t.gql(CREATE, { i: { clientId, currency, supplyDate, dueDate: '2026-12-31', lines: [{ description: 'Контекстная реклама', unitPrice: '100000.00', ...extra }] } }, token)).createInvoice;
    const issued = expectOk(await t.gql(ISSUE, { i: { id: draft.id, issueDate: supplyDate } }, token)).issueInvoice;
    return { draft, issued };
  }

  it('a Russian agency on the simplified tax from 2026 invoices 2025 supplies at 20 % and 2026 ones without VAT, with the legal wording', async () => {
    const a = await registerAgency(t);
    const client = await createClient(t, a.ownerToken);
    const set = expectOk(await t.gql(SET_REGIME, { input: { validFrom: '2026-01-01', regime: 'RU_USN_WITHOUT_VAT' } }, a.ownerToken)).setAgencyVatRegime;
    expect(set.vatRegimes).toEqual([
      { validFrom: '2026-01-01', regime: 'RU_USN_WITHOUT_VAT', rate: null, exemptionNote: 'НДС не облагается в связи с применением упрощённой системы налогообложения (п. 2 ст. 346.11 НК РФ)' },
    ]);
    const before = await invoiceOn(a.ownerToken, client.id, '2025-12-20');
    expect(before.issued).toMatchObject({ vatTotal: '20000.00', total: '120000.00', vatExemptionNote: null, lines: [{ vatRate: '20.00', vat: '20000.00' }] });
    const after = await invoiceOn(a.ownerToken, client.id, '2026-02-02');
    expect(after.draft).toMatchObject({ vatTotal: '0.00', total: '100000.00', lines: [{ vatRate: null, vat: '0.00' }] });
    expect(after.draft.vatExemptionNote).toMatch(/346\.11 НК РФ/);
    expect(after.issued).toMatchObject({ vatTotal: '0.00', total: '100000.00', vatExemptionNote: set.vatRegimes[0].exemptionNote });
    // a rate on a line is refused under a regime without VAT
    const refused = await t.gql(CREATE, { i: { clientId: client.id, currency: 'RUB', supplyDate: '2026-02-02', dueDate: '2026-12-31', lines: [{ description: 'x', unitPrice: '1.00', vatRate: '22' }] } }, a.ownerToken);
    expectBadInput(refused, 'input.lines.0.vatRate');
  });

  it('a Russian simplified-tax payer at the reduced 5 % or 7 % rate charges it from the period it chose', async () => {
    const a = await registerAgency(t);
    const client = await createClient(t, a.ownerToken);
    expectOk(await t.gql(SET_REGIME, { input: { validFrom: '2025-01-01', regime: 'RU_USN_REDUCED', rate: '5' } }, a.ownerToken));
    expectOk(await t.gql(SET_REGIME, { input: { validFrom: '2026-01-01', regime: 'RU_USN_REDUCED', rate: '7' } }, a.ownerToken));
    const in2025 = await invoiceOn(a.ownerToken, client.id, '2025-06-10');
    expect(in2025.issued).toMatchObject({ vatTotal: '5000.00', total: '105000.00', vatExemptionNote: null, lines: [{ vatRate: '5.00' }] });
    const in2026 = await invoiceOn(a.ownerToken, client.id, '2026-03-10');
    expect(in2026.issued).toMatchObject({ vatTotal: '7000.00', total: '107000.00', lines: [{ vatRate: '7.00' }] });
    // the periods read back in date order
    const read = expectOk(await t.gql(REGIMES, {}, a.ownerToken)).agency.requisites.vatRegimes;
    expect(read.map((r: any) => [r.validFrom, r.regime, r.rate])).toEqual([
      ['2025-01-01', 'RU_USN_REDUCED', '5.00'],
      ['2026-01-01', 'RU_USN_REDUCED', '7.00'],
    ]);
  });

  it('a Bulgarian supplier not registered for VAT invoices without VAT, citing чл. 113, ал. 9 ЗДДС', async () => {
    const a = await registerAgency(t, { country: 'BG', timeZone: 'Europe/Sofia', defaultCurrency: 'EUR', locale: 'BG' });
    const client = await createClient(t, a.ownerToken, { country: 'BG' });
    expectOk(await t.gql(SET_REGIME, { input: { validFrom: '2026-01-01', regime: 'BG_NOT_REGISTERED' } }, a.ownerToken));
    const { issued } = await invoiceOn(a.ownerToken, client.id, '2026-04-01', 'EUR');
    expect(issued).toMatchObject({ vatTotal: '0.00', total: '100000.00', lines: [{ vatRate: null }] });
    expect(issued.vatExemptionNote).toMatch(/чл\. 113, ал\. 9 от ЗДДС/);
    // the same date again replaces the period: here with the agency's own wording
    const own = 'Неначисляване на ДДС на основание чл. 113, ал. 9 ЗДДС';
    const replaced = expectOk(await t.gql(SET_REGIME, { input: { validFrom: '2026-01-01', regime: 'BG_NOT_REGISTERED', exemptionNote: own } }, a.ownerToken)).setAgencyVatRegime;
    expect(replaced.vatRegimes).toEqual([{ validFrom: '2026-01-01', regime: 'BG_NOT_REGISTERED', rate: null, exemptionNote: own }]);
    expect((await invoiceOn(a.ownerToken, client.id, '2026-04-02', 'EUR')).issued.vatExemptionNote).toBe(own);
  });

  it('refuses a regime of another country, a missing or wrong reduced rate, and a reduced rate before 2025, changing nothing', async () => {
    const ru = await registerAgency(t);
    const bg = await registerAgency(t, { country: 'BG', timeZone: 'Europe/Sofia', defaultCurrency: 'EUR' });
    expectOk(await t.gql(SET_REGIME, { input: { validFrom: '2026-01-01', regime: 'STANDARD' } }, ru.ownerToken));
    const before = expectOk(await t.gql(REGIMES, {}, ru.ownerToken));
    expectBadInput(await t.gql(SET_REGIME, { input: { validFrom: '2026-01-01', regime: 'BG_NOT_REGISTERED' } }, ru.ownerToken), 'input.regime');
    expectBadInput(await t.gql(SET_REGIME, { input: { validFrom: '2026-01-01', regime: 'RU_USN_REDUCED' } }, ru.ownerToken), 'input.rate');
    expectBadInput(await t.gql(SET_REGIME, { input: { validFrom: '2026-01-01', regime: 'RU_USN_REDUCED', rate: '10' } }, ru.ownerToken), 'input.rate');
    expectBadInput(await t.gql(SET_REGIME, { input: { validFrom: '2026-01-01', regime: 'STANDARD', rate: '5' } }, ru.ownerToken), 'input.rate');
    expectBadInput(await t.gql(SET_REGIME, { input: { validFrom: '2024-07-01', regime: 'RU_USN_REDUCED', rate: '5' } }, ru.ownerToken), 'input.validFrom');
    expect(expectOk(await t.gql(REGIMES, {}, ru.ownerToken))).toEqual(before);
    expectBadInput(await t.gql(SET_REGIME, { input: { validFrom: '2026-01-01', regime: 'RU_USN_WITHOUT_VAT' } }, bg.ownerToken), 'input.regime');
    expect(expectOk(await t.gql(REGIMES, {}, bg.ownerToken)).agency.requisites.vatRegimes).toEqual([]);
  });

  it('is for the owner only, and keeps agencies apart', async () => {
    const a = await registerAgency(t);
    const manager = await createUser(t, a.ownerToken, 'MANAGER');
    expectCode(await t.gql(SET_REGIME, { input: { validFrom: '2026-01-01', regime: 'RU_USN_WITHOUT_VAT' } }, manager.token), 'FORBIDDEN');
    expect(expectOk(await t.gql(REGIMES, {}, a.ownerToken)).agency.requisites.vatRegimes).toEqual([]);
    const b = await registerAgency(t);
    expectOk(await t.gql(SET_REGIME, { input: { validFrom: '2026-01-01', regime: 'RU_USN_WITHOUT_VAT' } }, b.ownerToken));
    expect(expectOk(await t.gql(REGIMES, {}, a.ownerToken)).agency.requisites.vatRegimes).toEqual([]);
  });

  it('keeps vatPayer working: a non-payer without dated regimes is the simplified regime of its country', async () => {
    const a = await registerAgency(t);
    const client = await createClient(t, a.ownerToken);
    expectOk(await t.gql(`mutation { updateAgencyRequisites(input: { vatPayer: false }) { vatPayer } }`, {}, a.ownerToken));
    const { issued } = await invoiceOn(a.ownerToken, client.id, '2026-05-05');
    expect(issued).toMatchObject({ vatTotal: '0.00', total: '100000.00', lines: [{ vatRate: null }] });
    expect(issued.vatExemptionNote).toMatch(/346\.11 НК РФ/);
    // a dated regime takes over from its date
    expectOk(await t.gql(SET_REGIME, { input: { validFrom: '2026-06-01', regime: 'STANDARD' } }, a.ownerToken));
    expect((await invoiceOn(a.ownerToken, client.id, '2026-06-15')).issued).toMatchObject({ vatTotal: '22000.00', vatExemptionNote: null });
    expect((await invoiceOn(a.ownerToken, client.id, '2026-05-15')).issued).toMatchObject({ vatTotal: '0.00' });
  });
});
