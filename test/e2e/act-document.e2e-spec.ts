/**
 * The act and its счёт-фактура built from acts the API made (factories over GraphQL), through the
 * document registry with an actor's context: tenancy and the portal's scope, the numbers the
 * services computed, and DocumentUnavailable where a VAT invoice cannot be made.
 */
import type { ActModel } from '../../src/documents/act/act.model';
import { DocumentKind } from '../../src/documents/kinds';
import { DocumentUnavailable, MODEL_BUILDERS, type BuiltModel } from '../../src/documents/models';
import { renderDocument } from '../../src/documents/render';
import type { VatInvoiceModel } from '../../src/documents/vat-invoice/vat-invoice.model';
import { Locale, UserRole } from '../../src/entities/enums';
import { createAct, issuedAct, line, SIGN_ACT } from '../support/act.factories';
import { startTestApp, type TestApp } from '../support/app';
import { contextFor } from '../support/context';
import { signedContract } from '../support/contract.factories';
import { dataOf } from '../support/expect';
import { createClient, createContact, createUser, registerAgency, updateAgencyRequisites, type AgencyActors } from '../support/factories';
import { issuedInvoice, RECORD_PAYMENT } from '../support/invoice.factories';
import { rawPng } from '../support/images';
import { pdfImages, pdfPageSizes, pdfText, squash } from '../support/pdf';

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

const SET_REGIME = /* GraphQL */ `
  mutation SetRegime($input: SetAgencyVatRegimeInput!) { setAgencyVatRegime(input: $input) { vatPayer } }
`;

const CREATED = new Date('2026-12-01T09:00:00Z');

let t: TestApp;
let a: AgencyActors;
let b: AgencyActors;
let client: any;
let portal: { id: string; token: string };

const ownerOf = (x: AgencyActors) => contextFor(t.ds, { userId: x.ownerId, agencyId: x.agencyId, role: UserRole.OWNER, clientId: null });

async function build<M>(kind: DocumentKind, actId: string, ctx = ownerOf(a), locale = Locale.RU): Promise<BuiltModel<M> | DocumentUnavailable | null> {
  return (await MODEL_BUILDERS[kind]!(ctx, actId, locale)) as BuiltModel<M> | DocumentUnavailable | null;
}

/** A model that must have been built (not null, not unavailable). */
async function built<M>(kind: DocumentKind, actId: string, ctx = ownerOf(a), locale = Locale.RU): Promise<BuiltModel<M>> {
  const out = await build<M>(kind, actId, ctx, locale);
  if (out === null || out instanceof DocumentUnavailable) throw new Error(`${kind} of ${actId}: ${JSON.stringify(out)}`);
  return out;
}

beforeAll(async () => {
  t = await startTestApp();
  a = await registerAgency(t);
  await updateAgencyRequisites(t, a.ownerToken, RUSSIAN);
  b = await registerAgency(t);
  client = await createClient(t, a.ownerToken, { name: 'Северный ветер', legalName: 'АО «Северный ветер»', inn: '7709876545', kpp: '770901001', address: 'г. Москва, ул. Земляной Вал, д. 9' });
  await createContact(t, a.ownerToken, client.id, { fullName: 'Петров Пётр Петрович', position: 'Директор по маркетингу', isPrimary: true });
  portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
});
afterAll(() => t?.close());

const TWO_LINES = [line('50000.00'), line('2000.00', { description: 'Консультации по медиапланированию', quantity: '12.5', unit: 'ч' })];

describe('ACT', () => {
  it('carries the numbers the API computed, both parties and the signing, and renders them', async () => {
    const act = await issuedAct(t, a.ownerToken, client.id, { lines: TWO_LINES }, '2026-11-02');
    expect(act).toMatchObject({ subtotal: '75000.00', vatTotal: '16500.00', total: '91500.00' });
    dataOf(await t.gql(SIGN_ACT, { input: { id: act.id, signedOn: '2026-11-05', signedBy: 'Петров П. П.' } }, a.ownerToken), 'signAct', 'Act');

    const out = await built<ActModel>(DocumentKind.ACT, act.id);
    expect(out).toMatchObject({ clientId: client.id, number: act.number, fileName: `Акт № ${act.number} от 02.11.2026`, immutable: true });
    const m = out.model;
    expect(m).toMatchObject({
      number: act.number,
      date: '2026-11-02',
      status: 'SIGNED',
      draft: false,
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
      currency: 'RUB',
      priceBasis: 'VAT_ON_TOP',
      contract: null,
      subtotal: '75000.00',
      vatTotal: '16500.00',
      total: '91500.00',
      vatDifference: '0.00',
      vatByRate: [{ rate: '22.00', amount: '16500.00' }],
      vatExemptionNote: null,
      bgnTotal: null,
      signed: { on: '2026-11-05', by: 'Петров П. П.' },
      logo: null,
    });
    expect(m.lines.map((l) => [l.position, l.quantity, l.unit, l.unitPrice, l.net, l.vat, l.gross])).toEqual([
      [1, '1.000', 'усл.', '50000.00', '50000.00', '11000.00', '61000.00'],
      [2, '12.500', 'ч', '2000.00', '25000.00', '5500.00', '30500.00'],
    ]);
    expect(m.supplier).toMatchObject({ name: 'ООО «Вектор»', inn: '7707083893', kpp: '773601001', signatoryName: 'Орлова Е. П.', country: 'RU' });
    expect(m.customer).toMatchObject({ name: 'АО «Северный ветер»', inn: '7709876545', signatoryName: 'Петров Пётр Петрович', signatoryPosition: 'Директор по маркетингу' });

    // the model crosses to a render thread by structured clone: plain data only
    const { bytes } = await renderDocument(DocumentKind.ACT, structuredClone(m), { locale: 'ru', createdAt: CREATED });
    const text = squash(pdfText(bytes));
    expect(text).toContain(`Акт № ${act.number} от 2 ноября 2026 г.`);
    expect(text).toContain('Исполнитель: ООО «Вектор», ИНН 7707083893, КПП 773601001');
    expect(text).toContain('Заказчик: АО «Северный ветер», ИНН 7709876545');
    expect(text).toContain('Всего (с учётом НДС): 91 500,00 ₽');
    expect(text).toContain('Девяносто одна тысяча пятьсот рублей 00 копеек');
    expect(text).toContain('Акт подписан Заказчиком 5 ноября 2026 г.: Петров П. П.');
  });

  it('names the contract as the basis and follows its price basis; lists the invoices an act without a contract closes', async () => {
    const contract = await signedContract(t, a.ownerToken, client.id, { amount: '122000.00', priceBasis: 'VAT_INCLUDED' });
    const act = await issuedAct(t, a.ownerToken, client.id, { contractId: contract.id, lines: [line('122000.00')], vatInvoiceNumber: 'СФ-5' }, '2026-11-02');
    const m = (await built<ActModel>(DocumentKind.ACT, act.id)).model;
    expect(m).toMatchObject({ priceBasis: 'VAT_INCLUDED', contract: { number: contract.number, date: contract.contractDate }, subtotal: '100000.00', vatTotal: '22000.00', total: '122000.00' });

    const vat = (await built<VatInvoiceModel>(DocumentKind.VAT_INVOICE, act.id)).model;
    // column 4 is the price without VAT
    expect(vat.lines).toEqual([expect.objectContaining({ unitPriceNet: '100000.00', net: '100000.00', vat: '22000.00', gross: '122000.00' })]);

    const invoice = await issuedInvoice(t, a.ownerToken, client.id);
    const closing = await issuedAct(t, a.ownerToken, client.id, { lines: undefined, invoiceIds: [invoice.id] }, '2026-11-02');
    const byInvoice = (await built<ActModel>(DocumentKind.ACT, closing.id)).model;
    expect(byInvoice.contract).toBeNull();
    expect(byInvoice.invoices).toEqual([{ number: invoice.number, date: invoice.issueDate }]);
  });

  it('builds a draft as a draft: no number, its period end as the date, not immutable', async () => {
    const draft = await createAct(t, a.ownerToken, client.id);
    const out = await built<ActModel>(DocumentKind.ACT, draft.id);
    expect(out).toMatchObject({ number: null, immutable: false, fileName: 'Акт (проект) от 31.10.2026' });
    expect(out.model).toMatchObject({ draft: true, status: 'DRAFT', number: null, date: '2026-10-31', total: '1220.00' });
  });

  it("is null for another agency's act, and for a portal user only their client's issued acts exist", async () => {
    const act = await issuedAct(t, a.ownerToken, client.id);
    const draft = await createAct(t, a.ownerToken, client.id);
    for (const kind of [DocumentKind.ACT, DocumentKind.VAT_INVOICE]) {
      expect(await build(kind, act.id, ownerOf(b))).toBeNull();
      expect(await build(kind, draft.id, ownerOf(b))).toBeNull();
    }
    const asPortal = contextFor(t.ds, { userId: portal.id, agencyId: a.agencyId, role: UserRole.CLIENT, clientId: client.id });
    expect((await built<ActModel>(DocumentKind.ACT, act.id, asPortal)).model.total).toBe('1220.00');
    expect(await build(DocumentKind.ACT, draft.id, asPortal)).toBeNull();
  });
});

describe('agency images', () => {
  const UPLOAD = /* GraphQL */ `
    mutation Upload($input: UploadAgencyImageInput!) { uploadAgencyImage(input: $input) { __typename } }
  `;

  it('carry the logo, and on an issued act the signature and stamp; a draft is not signed or stamped', async () => {
    const x = await registerAgency(t);
    await updateAgencyRequisites(t, x.ownerToken, RUSSIAN);
    const files = { LOGO: rawPng(300, 90), STAMP: rawPng(200, 200), SIGNATURE: rawPng(160, 60) };
    for (const [kind, png] of Object.entries(files)) {
      const res = await t.gql(UPLOAD, { input: { kind, contentBase64: png.toString('base64') } }, x.ownerToken);
      expect(dataOf(res, 'uploadAgencyImage').__typename).toBe('AgencyImage');
    }
    const xClient = await createClient(t, x.ownerToken);
    const act = await issuedAct(t, x.ownerToken, xClient.id, { vatInvoiceNumber: 'СФ-2' });
    const m = (await built<ActModel>(DocumentKind.ACT, act.id, ownerOf(x))).model;
    expect(Buffer.from(m.logo!).equals(files.LOGO)).toBe(true);
    expect(Buffer.from(m.stamp!).equals(files.STAMP)).toBe(true);
    expect(Buffer.from(m.signature!).equals(files.SIGNATURE)).toBe(true);
    const { bytes } = await renderDocument(DocumentKind.ACT, structuredClone(m), { locale: 'ru', createdAt: CREATED });
    expect(pdfImages(bytes)).toHaveLength(3);
    const vat = (await built<VatInvoiceModel>(DocumentKind.VAT_INVOICE, act.id, ownerOf(x))).model;
    expect(Buffer.from(vat.signature!).equals(files.SIGNATURE)).toBe(true);

    const draft = (await built<ActModel>(DocumentKind.ACT, (await createAct(t, x.ownerToken, xClient.id)).id, ownerOf(x))).model;
    expect(Buffer.from(draft.logo!).equals(files.LOGO)).toBe(true);
    expect(draft.stamp).toBeNull();
    expect(draft.signature).toBeNull();
    // another agency's documents carry none of them
    expect((await built<ActModel>(DocumentKind.ACT, (await issuedAct(t, a.ownerToken, client.id)).id)).model.logo).toBeNull();
  });
});

describe('VAT_INVOICE', () => {
  it('is the act as a счёт-фактура: its VAT-invoice number and date, the act as the shipment document, units and totals', async () => {
    const act = await issuedAct(t, a.ownerToken, client.id, { lines: TWO_LINES, vatInvoiceNumber: 'СФ-17' }, '2026-11-02');
    const out = await built<VatInvoiceModel>(DocumentKind.VAT_INVOICE, act.id, ownerOf(a), Locale.EN);
    expect(out).toMatchObject({ clientId: client.id, number: 'СФ-17', immutable: true, fileName: 'Счёт-фактура № СФ-17 от 02.11.2026' });
    const m = out.model;
    expect(m).toMatchObject({
      number: 'СФ-17',
      date: '2026-11-02',
      draft: false,
      seller: { name: 'ООО «Вектор»', inn: '7707083893', kpp: '773601001', address: 'г. Москва, ул. Вавилова, д. 19', entrepreneur: false, signatoryName: 'Орлова Е. П.' },
      buyer: { name: 'АО «Северный ветер»', inn: '7709876545', kpp: '770901001' },
      payments: [],
      shipment: { number: act.number, date: '2026-11-02' },
      currency: 'RUB',
      totals: { net: '75000.00', vat: '16500.00', gross: '91500.00' },
    });
    expect(m.lines.map((l) => [l.unitCode, l.unitName, l.quantity, l.unitPriceNet, l.vatRate, l.vat])).toEqual([
      ['876', 'усл. ед.', '1.000', '50000.00', '22.00', '11000.00'],
      ['356', 'ч', '12.500', '2000.00', '22.00', '5500.00'],
    ]);
    const { bytes } = await renderDocument(DocumentKind.VAT_INVOICE, structuredClone(m), { locale: 'en', createdAt: CREATED });
    expect(pdfPageSizes(bytes)[0]).toEqual({ width: 841.89, height: 595.28 });
    const text = squash(pdfText(bytes, { raw: true }));
    expect(text).toContain('СЧЁТ-ФАКТУРА № СФ-17 от 2 ноября 2026 г.');
    expect(text).toContain(`Документ об отгрузке № п/п 1–2 № ${act.number} от 02.11.2026 (5а)`);
    expect(text).toContain('Всего к оплате 75 000,00 Х 16 500,00 91 500,00');
  });

  it('names the payments received before the act on the invoices it closes', async () => {
    const invoice = await issuedInvoice(t, a.ownerToken, client.id);
    dataOf(await t.gql(RECORD_PAYMENT, { input: { invoiceId: invoice.id, amount: '500.00', paidAt: '2026-10-05', reference: '318' } }, a.ownerToken), 'recordPayment', 'Invoice');
    dataOf(await t.gql(RECORD_PAYMENT, { input: { invoiceId: invoice.id, amount: '100.00', paidAt: '2026-11-20', reference: '402' } }, a.ownerToken), 'recordPayment', 'Invoice');
    const act = await issuedAct(t, a.ownerToken, client.id, { lines: undefined, invoiceIds: [invoice.id], vatInvoiceNumber: 'СФ-18' }, '2026-11-02');
    const m = (await built<VatInvoiceModel>(DocumentKind.VAT_INVOICE, act.id)).model;
    // the payment after the act is not a prepayment of it
    expect(m.payments).toEqual([{ number: '318', date: '2026-10-05' }]);
  });

  it('gives an issued act of a VAT payer its VAT invoice under the act\'s number and date; a draft prints without one', async () => {
    const act = await issuedAct(t, a.ownerToken, client.id);
    expect(act.vatInvoiceNumber).toBe(act.number);
    expect(act.vatInvoiceDate).toBe(act.actDate);
    const out = await built<VatInvoiceModel>(DocumentKind.VAT_INVOICE, act.id);
    expect(out).toMatchObject({ immutable: true, model: { draft: false, number: act.number, date: act.actDate } });
    const draft = await createAct(t, a.ownerToken, client.id);
    const drafted = await built<VatInvoiceModel>(DocumentKind.VAT_INVOICE, draft.id);
    expect(drafted).toMatchObject({ immutable: false, number: null, model: { draft: true, number: null, date: '2026-10-31' } });
  });

  it('is not made for a Bulgarian agency (its act is: a protocol with the leva equivalent)', async () => {
    const bg = await registerAgency(t, { country: 'BG', timeZone: 'Europe/Sofia', defaultCurrency: 'EUR', locale: 'BG' });
    await updateAgencyRequisites(t, bg.ownerToken, { legalName: 'Вектор ЕООД', eik: '831902088', vatNumber: 'BG831902088', address: 'гр. София, бул. Витоша 1' });
    const bgClient = await createClient(t, bg.ownerToken, { country: 'BG', name: 'Зора' });
    const act = await issuedAct(t, bg.ownerToken, bgClient.id, { currency: 'EUR', periodStart: '2026-06-01', periodEnd: '2026-06-30' }, '2026-06-30');
    expect(await build(DocumentKind.VAT_INVOICE, act.id, ownerOf(bg))).toEqual(new DocumentUnavailable('NOT_APPLICABLE_IN_COUNTRY'));
    const m = (await built<ActModel>(DocumentKind.ACT, act.id, ownerOf(bg), Locale.BG)).model;
    expect(m).toMatchObject({ currency: 'EUR', total: '1200.00', vatByRate: [{ rate: '20.00', amount: '200.00' }], bgnTotal: '2347.00', place: 'гр. София' });
  });

  it('is not made for an agency on the simplified tax without VAT (its act states why there is no VAT)', async () => {
    const usn = await registerAgency(t);
    expect((await t.gql(SET_REGIME, { input: { validFrom: '2026-01-01', regime: 'RU_USN_WITHOUT_VAT' } }, usn.ownerToken)).body.errors).toBeUndefined();
    const usnClient = await createClient(t, usn.ownerToken);
    const act = await issuedAct(t, usn.ownerToken, usnClient.id, { vatInvoiceNumber: 'СФ-1' });
    expect(await build(DocumentKind.VAT_INVOICE, act.id, ownerOf(usn))).toEqual(new DocumentUnavailable('NOT_A_VAT_PAYER'));
    const m = (await built<ActModel>(DocumentKind.ACT, act.id, ownerOf(usn))).model;
    expect(m).toMatchObject({ vatTotal: '0.00', total: '1000.00', vatByRate: [] });
    expect(m.vatExemptionNote).toContain('упрощённой системы налогообложения');
  });
});

