/**
 * The invoice document's model builder against the real database: invoices made through the API
 * (so their numbers, VAT and deductions are the API's own), then built with a service context as
 * the document API will build them, and rendered to check the payment code it leads to.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Actor } from '../../src/context';
import { buildInvoiceModel } from '../../src/documents/invoice/invoice.data';
import type { InvoiceModel } from '../../src/documents/invoice/invoice.model';
import { DocumentKind } from '../../src/documents/kinds';
import { MODEL_BUILDERS, type BuiltModel } from '../../src/documents/models';
import { renderDocument } from '../../src/documents/render';
import { parseEpcPayload, parseGostPayload } from '../../src/documents/qr/payment-qr';
import { Locale, UserRole } from '../../src/entities/enums';
import { startTestApp, type TestApp } from '../support/app';
import { contextFor } from '../support/context';
import { signedContract } from '../support/contract.factories';
import { expectOk } from '../support/expect';
import { createClient, createContact, createUser, MISSING_ID, registerAgency, updateAgencyRequisites, type AgencyActors } from '../support/factories';
import { createInvoice, GET_INVOICE, issuedInvoice, issueInvoice, RECORD_PAYMENT } from '../support/invoice.factories';
import { pngjsImage } from '../support/images';
import { pdfPagePng, pdfText, squash } from '../support/pdf';

const RUSSIAN_REQUISITES = {
  legalName: 'ООО «Вектор»',
  inn: '7707083893',
  kpp: '770701001',
  ogrn: '1027700132195',
  address: '101000, г. Москва, ул. Мясницкая, д. 1',
  bankName: 'ПАО Сбербанк',
  bic: '044525225',
  settlementAccount: '40702810138250123017',
  correspondentAccount: '30101810400000000225',
  signatoryName: 'Орлова Е. П.',
  signatoryPosition: 'Генеральный директор',
};

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

function owner(a: AgencyActors): Actor {
  return { userId: a.ownerId, agencyId: a.agencyId, role: UserRole.OWNER, clientId: null };
}

async function build(actor: Actor, invoiceId: string, locale: Locale = Locale.RU): Promise<BuiltModel<InvoiceModel> | null> {
  return buildInvoiceModel(contextFor(t.ds, actor), invoiceId, locale);
}

async function readInvoice(token: string, id: string): Promise<any> {
  return expectOk(await t.gql(GET_INVOICE, { id }, token)).invoice;
}

function decodeQr(bytes: Buffer): string | null {
  const png = PNG.sync.read(pdfPagePng(bytes, 1, 150));
  const found = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height, { inversionAttempts: 'dontInvert' });
  return found ? Buffer.from(found.binaryData).toString('utf8') : null;
}

/** A Russian agency with its requisites, and a client with its own and a primary contact. */
async function russianAgency() {
  const a = await registerAgency(t);
  await updateAgencyRequisites(t, a.ownerToken, RUSSIAN_REQUISITES);
  const client = await createClient(t, a.ownerToken, {
    name: 'Ромашка',
    legalName: 'ООО «Ромашка»',
    country: 'RU',
    inn: '7704123450',
    kpp: '770401001',
    address: '119019, г. Москва, ул. Арбат, д. 10',
  });
  await createContact(t, a.ownerToken, client.id, { fullName: 'Смирнов Алексей Петрович', position: 'Директор по маркетингу', isPrimary: true });
  return { a, client };
}

describe('the invoice document model', () => {
  it('carries the numbers the API computed, both parties and the contract; an issued invoice is a legal record', async () => {
    const { a, client } = await russianAgency();
    const contract = await signedContract(t, a.ownerToken, client.id, { amount: '300000.00', priceBasis: 'VAT_INCLUDED' });
    const issued = await issuedInvoice(t, a.ownerToken, client.id, {
      contractId: contract.id,
      supplyDate: '2026-09-30',
      notes: 'Оплата в течение 10 дней',
      lines: [
        { description: 'Ведение рекламной кампании, сентябрь 2026', unitPrice: '61000.00' },
        { description: 'SEO-продвижение', quantity: '2', unit: 'мес.', unitPrice: '15250.00' },
      ],
    });
    const api = await readInvoice(a.ownerToken, issued.id);

    const built = await build(owner(a), issued.id);
    expect(built).not.toBeNull();
    expect(built).toMatchObject({ clientId: client.id, number: api.number, immutable: true, fileName: `Счёт № ${api.number} от 01.10.2026` });
    const m = built!.model;
    expect(m).toMatchObject({
      status: 'ISSUED',
      kind: 'STANDARD',
      number: api.number,
      issueDate: '2026-10-01',
      supplyDate: '2026-09-30',
      dueDate: api.dueDate,
      currency: 'RUB',
      priceBasis: 'VAT_INCLUDED',
      subtotal: api.subtotal,
      vatTotal: api.vatTotal,
      total: api.total,
      prepaymentDeducted: '0.00',
      creditedAmount: '0.00',
      amountDue: api.amountDue,
      vatInAmountDue: api.vatTotal,
      vatExemptionNote: null,
      notes: 'Оплата в течение 10 дней',
      contract: { number: contract.number, date: contract.contractDate },
      totalBgnEquivalent: null,
      logo: null,
      stamp: null,
      signature: null,
    });
    // VAT included at 22 %: 61 000 + 30 500, of which VAT 11 000 + 5 500
    expect(m).toMatchObject({ subtotal: '75000.00', vatTotal: '16500.00', total: '91500.00', amountDue: '91500.00' });
    expect(m.lines).toEqual(
      api.lines.map((l: any) => ({ position: l.position, description: l.description, quantity: l.quantity, unit: l.unit, unitPrice: l.unitPrice, vatRate: l.vatRate, net: l.net, vat: l.vat, gross: l.gross })),
    );
    expect(m.vatGroups).toEqual([{ rate: '22.00', subtotal: '75000.00', vatTotal: '16500.00', total: '91500.00' }]);
    expect(m.supplier).toMatchObject({ name: 'ООО «Вектор»', inn: '7707083893', kpp: '770701001', bic: '044525225', settlementAccount: '40702810138250123017', signatoryName: 'Орлова Е. П.', vatPayer: true });
    expect(m.customer).toMatchObject({ name: 'ООО «Ромашка»', inn: '7704123450', kpp: '770401001', signatoryName: 'Смирнов Алексей Петрович', signatoryPosition: 'Директор по маркетингу' });
    expect(await MODEL_BUILDERS[DocumentKind.INVOICE]!(contextFor(t.ds, owner(a)), issued.id, Locale.RU)).toEqual(built);

    // what the model leads to: the printed number and a code for the amount due
    const { bytes } = await renderDocument(DocumentKind.INVOICE, m, { locale: 'ru', createdAt: new Date('2026-10-01T09:00:00Z') });
    const text = squash(pdfText(bytes));
    expect(text).toContain(`Счёт на оплату № ${api.number} от 1 октября 2026 г.`);
    expect(text).toContain(`Основание: Договор № ${contract.number}`);
    expect(text).toContain('Всего к оплате: 91 500,00 ₽');
    expect(parseGostPayload(decodeQr(bytes)!).fields).toMatchObject({ Sum: '9150000', PersonalAcc: '40702810138250123017', PayeeINN: '7707083893' });
  });

  it('carries the images the agency uploaded, for a portal user too', async () => {
    const { a, client } = await russianAgency();
    const logo = pngjsImage(300, 90);
    const stamp = pngjsImage(200, 200);
    const upload = `mutation($i: UploadAgencyImageInput!) { uploadAgencyImage(input: $i) { __typename } }`;
    expect(expectOk(await t.gql(upload, { i: { kind: 'LOGO', contentBase64: logo.toString('base64') } }, a.ownerToken)).uploadAgencyImage.__typename).toBe('AgencyImage');
    expect(expectOk(await t.gql(upload, { i: { kind: 'STAMP', contentBase64: stamp.toString('base64') } }, a.ownerToken)).uploadAgencyImage.__typename).toBe('AgencyImage');
    const issued = await issuedInvoice(t, a.ownerToken, client.id);
    const portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
    for (const actor of [owner(a), { userId: portal.id, agencyId: a.agencyId, role: UserRole.CLIENT, clientId: client.id }]) {
      const m = (await build(actor, issued.id))!.model;
      expect(Buffer.from(m.logo!).equals(logo)).toBe(true);
      expect(Buffer.from(m.stamp!).equals(stamp)).toBe(true);
      expect(m.signature).toBeNull();
    }
    // another agency's invoice shows none of them
    const other = await russianAgency();
    const theirs = await issuedInvoice(t, other.a.ownerToken, other.client.id);
    expect((await build(owner(other.a), theirs.id))!.model).toMatchObject({ logo: null, stamp: null, signature: null });
  });

  it('is null for another agency’s invoice and for a missing one, as for any lookup', async () => {
    const { a, client } = await russianAgency();
    const issued = await issuedInvoice(t, a.ownerToken, client.id);
    const other = await registerAgency(t);
    expect(await build(owner(other), issued.id)).toBeNull();
    expect(await build(owner(a), MISSING_ID)).toBeNull();
    expect(await build(owner(a), issued.id)).not.toBeNull();
  });

  it('a draft has no number and is not immutable; a portal user builds only its client’s issued invoices', async () => {
    const { a, client } = await russianAgency();
    const draft = await createInvoice(t, a.ownerToken, client.id);
    const built = await build(owner(a), draft.id);
    expect(built).toMatchObject({ number: null, immutable: false, fileName: 'Счёт (проект)' });
    expect(built!.model).toMatchObject({ status: 'DRAFT', number: null, issueDate: null });

    const portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
    const portalActor: Actor = { userId: portal.id, agencyId: a.agencyId, role: UserRole.CLIENT, clientId: client.id };
    expect(await build(portalActor, draft.id)).toBeNull();
    const issued = await issueInvoice(t, a.ownerToken, draft.id);
    expect(await build(portalActor, issued.id)).toMatchObject({ number: issued.number, immutable: true });

    const otherClient = await createClient(t, a.ownerToken);
    const theirs = await issuedInvoice(t, a.ownerToken, otherClient.id);
    expect(await build(portalActor, theirs.id)).toBeNull();
  });

  it('a cancelled invoice stays a record', async () => {
    const { a, client } = await russianAgency();
    const issued = await issuedInvoice(t, a.ownerToken, client.id);
    expectOk(await t.gql(`mutation($i: CancelInvoiceInput!) { cancelInvoice(input: $i) { __typename } }`, { i: { id: issued.id, reason: 'Ошибка в реквизитах' } }, a.ownerToken));
    expect(await build(owner(a), issued.id)).toMatchObject({ immutable: true, model: { status: 'CANCELLED', number: issued.number } });
  });

  it('a FINAL invoice carries the prepayment it deducts and the VAT of what is still due', async () => {
    const { a, client } = await russianAgency();
    const contract = await signedContract(t, a.ownerToken, client.id, { amount: '122000.00', priceBasis: 'VAT_INCLUDED' });
    const advance = await issuedInvoice(t, a.ownerToken, client.id, { kind: 'PREPAYMENT', contractId: contract.id, lines: [{ description: 'Аванс 50%', unitPrice: '61000.00' }] });
    expectOk(await t.gql(RECORD_PAYMENT, { input: { invoiceId: advance.id, amount: '61000.00', paidAt: '2026-10-01' } }, a.ownerToken));
    const final = await issuedInvoice(
      t,
      a.ownerToken,
      client.id,
      { kind: 'FINAL', contractId: contract.id, dueDate: '2026-12-31', lines: [{ description: 'Рекламная кампания по договору', unitPrice: '122000.00' }] },
      '2026-10-20',
    );
    expect(final).toMatchObject({ total: '122000.00', prepaymentDeducted: '61000.00', amountDue: '61000.00' });
    const m = (await build(owner(a), final.id))!.model;
    expect(m).toMatchObject({ kind: 'FINAL', total: '122000.00', vatTotal: '22000.00', prepaymentDeducted: '61000.00', amountDue: '61000.00', vatInAmountDue: '11000.00' });
    const { bytes } = await renderDocument(DocumentKind.INVOICE, m, { locale: 'ru', createdAt: new Date('2026-10-20T09:00:00Z') });
    const fields = parseGostPayload(decodeQr(bytes)!).fields;
    expect(fields.Sum).toBe('6100000');
    expect(fields.Purpose).toBe(`Оплата по счёту № ${final.number} от 20.10.2026 (в т.ч. НДС 22% 11000.00 руб.)`);
  });

  it('an agency on the simplified tax: no VAT rate on the lines and the legal wording', async () => {
    const { a, client } = await russianAgency();
    expectOk(
      await t.gql(`mutation($i: SetAgencyVatRegimeInput!) { setAgencyVatRegime(input: $i) { vatPayer } }`, { i: { validFrom: '2026-01-01', regime: 'RU_USN_WITHOUT_VAT' } }, a.ownerToken),
    );
    const issued = await issuedInvoice(t, a.ownerToken, client.id, { lines: [{ description: 'Настройка аналитики', unitPrice: '45000.00' }] });
    const m = (await build(owner(a), issued.id))!.model;
    expect(m.vatGroups).toEqual([{ rate: null, subtotal: '45000.00', vatTotal: '0.00', total: '45000.00' }]);
    expect(m.vatExemptionNote).toBe('НДС не облагается в связи с применением упрощённой системы налогообложения (п. 2 ст. 346.11 НК РФ)');
    expect(m.vatInAmountDue).toBeNull();
  });

  it('a Bulgarian EUR invoice of the dual-display period: 10-digit number, BGN equivalent, an EPC code', async () => {
    const a = await registerAgency(t, { country: 'BG', timeZone: 'Europe/Sofia', defaultCurrency: 'EUR', locale: 'BG' });
    await updateAgencyRequisites(t, a.ownerToken, {
      legalName: 'Вектор ЕООД',
      eik: '831902088',
      vatNumber: 'BG831902088',
      address: 'гр. София, бул. Витоша 1',
      bankName: 'Българска народна банка',
      iban: 'BG80BNBG96611020345678',
      bic: 'BNBGBGSF',
      signatoryName: 'Иван Петров',
      invoiceNumberPattern: '{N:10}',
    });
    const client = await createClient(t, a.ownerToken, { name: 'Слънчев бряг', legalName: 'Слънчев бряг ООД', country: 'BG', eik: '175074752' });
    const issued = await issuedInvoice(t, a.ownerToken, client.id, { currency: 'EUR', dueDate: '2026-03-31', lines: [{ description: 'SMM', unitPrice: '1000.00' }] }, '2026-03-02');
    const built = await build(owner(a), issued.id, Locale.BG);
    expect(built).toMatchObject({ number: '0000000001', fileName: 'Фактура № 0000000001 от 02.03.2026 г.' });
    // 1 200.00 × 1.95583 = 2 346.996 → 2 347.00
    expect(built!.model).toMatchObject({ currency: 'EUR', total: '1200.00', vatTotal: '200.00', totalBgnEquivalent: '2347.00', supplier: { eik: '831902088', iban: 'BG80BNBG96611020345678' } });
    const { bytes } = await renderDocument(DocumentKind.INVOICE, built!.model, { locale: 'bg', createdAt: new Date('2026-03-02T09:00:00Z') });
    expect(squash(pdfText(bytes))).toContain('Равностойност в лева: 2 347,00 лв.');
    expect(parseEpcPayload(decodeQr(bytes)!)).toMatchObject({ iban: 'BG80BNBG96611020345678', amount: '1200.00', name: 'Вектор ЕООД' });
  });
});
