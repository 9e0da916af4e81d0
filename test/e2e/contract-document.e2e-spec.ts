/**
 * The contract document built from the database: contracts, requisites, contacts and templates
 * made through the API, the model read with the caller's context (another agency's or a portal
 * user's draft is null), and the PDF carrying the agency's own clause text when it saved one.
 */
import type { Actor } from '../../src/context';
import { buildContractModel } from '../../src/documents/contract/contract.data';
import type { ContractModel } from '../../src/documents/contract/contract.model';
import { DocumentKind } from '../../src/documents/kinds';
import { MODEL_BUILDERS, type BuiltModel } from '../../src/documents/models';
import { renderDocument } from '../../src/documents/render';
import { Locale, UserRole } from '../../src/entities/enums';
import { startTestApp, type TestApp } from '../support/app';
import { contextFor } from '../support/context';
import { createContract, signedContract } from '../support/contract.factories';
import { longTemplateText } from '../support/contract-document';
import { expectOk } from '../support/expect';
import { createClient, createContact, createUser, MISSING_ID, registerAgency, updateAgencyRequisites, type AgencyActors } from '../support/factories';
import { pdfPages, squash } from '../support/pdf';

const SAVE_TEMPLATE = /* GraphQL */ `
  mutation Save($input: SaveContractTemplateInput!) {
    saveContractTemplate(input: $input) { __typename ... on ContractTemplate { version } ... on ContractTemplateInvalidError { problems { code line } } }
  }
`;

const REQUISITES = {
  legalName: 'ООО «Вектор»',
  inn: '7707083893',
  kpp: '770701001',
  ogrn: '1027700132195',
  address: '101000, г. Москва, ул. Мясницкая, д. 1',
  bankName: 'ПАО Сбербанк',
  bic: '044525225',
  settlementAccount: '40702810938000000001',
  correspondentAccount: '30101810400000000225',
  signatoryName: 'Орлова Екатерина Павловна',
  signatoryPosition: 'Генеральный директор',
  vatPayer: true,
  actSignDays: 7,
};

const CREATED = new Date('2026-03-12T09:00:00Z');

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

function owner(a: AgencyActors): Actor {
  return { userId: a.ownerId, agencyId: a.agencyId, role: UserRole.OWNER, clientId: null };
}

async function build(actor: Actor, contractId: string, locale = Locale.RU): Promise<BuiltModel<ContractModel> | null> {
  return (await buildContractModel(contextFor(t.ds, actor), contractId, locale)) as BuiltModel<ContractModel> | null;
}

async function pdfText(model: ContractModel, locale: 'ru' | 'bg' | 'en' = 'ru') {
  const { bytes, pageCount } = await renderDocument(DocumentKind.CONTRACT, model, { locale, createdAt: CREATED });
  return { pages: pdfPages(bytes).map(squash), pageCount };
}

/** An agency with Russian requisites and a client whose general director signs. */
async function agencyWithClient(requisites: Record<string, unknown> = {}) {
  const a = await registerAgency(t);
  await updateAgencyRequisites(t, a.ownerToken, { ...REQUISITES, ...requisites });
  const client = await createClient(t, a.ownerToken, {
    legalName: 'АО «Ромашка»',
    country: 'RU',
    inn: '7736207543',
    kpp: '773601001',
    address: '119021, г. Москва, ул. Льва Толстого, д. 16',
  });
  await createContact(t, a.ownerToken, client.id, { fullName: 'Петров Пётр Петрович', position: 'Генеральный директор', isPrimary: true });
  return { a, client };
}

describe('the contract document model', () => {
  it('carries the contract, its schedule, both parties and the VAT split, as the API keeps them', async () => {
    const { a, client } = await agencyWithClient();
    const signed = await signedContract(t, a.ownerToken, client.id, {
      contractDate: '2026-03-12',
      amount: '122000.00',
      priceBasis: 'VAT_INCLUDED',
      startsOn: '2026-04-01',
      endsOn: '2026-12-31',
      paymentSchedule: [
        { label: 'Аванс', trigger: 'ON_SIGNING', percent: '30', isPrepayment: true },
        { label: 'Окончательный расчёт', trigger: 'AFTER_DELIVERY', percent: '70' },
      ],
    });
    expect(signed.number).toEqual(expect.any(String));

    const built = (await build(owner(a), signed.id))!;
    expect(built).toMatchObject({ clientId: client.id, number: signed.number, fileName: `Договор № ${signed.number} от 12.03.2026`, immutable: false });
    const m = built.model;
    expect(m).toMatchObject({
      number: signed.number,
      contractDate: '2026-03-12',
      city: 'Москва',
      amount: '122000.00',
      currency: 'RUB',
      priceBasis: 'VAT_INCLUDED',
      startsOn: '2026-04-01',
      endsOn: '2026-12-31',
      actSignDays: 7,
      vat: { regime: 'STANDARD', rate: '22.00', customNote: null, net: '100000.00', vat: '22000.00', gross: '122000.00' },
      logo: null,
      stamp: null,
      signature: null,
    });
    expect(m.agency).toMatchObject({ name: 'ООО «Вектор»', inn: '7707083893', signatoryName: 'Орлова Екатерина Павловна', signatoryPosition: 'Генеральный директор' });
    expect(m.client).toMatchObject({ name: 'АО «Ромашка»', inn: '7736207543', signatoryName: 'Петров Пётр Петрович', signatoryPosition: 'Генеральный директор' });
    expect(m.schedule).toEqual([
      { label: 'Аванс', trigger: 'ON_SIGNING', percent: '30.0000', amount: '36600.00', dueOn: null, isPrepayment: true },
      { label: 'Окончательный расчёт', trigger: 'AFTER_DELIVERY', percent: '70.0000', amount: '85400.00', dueOn: null, isPrepayment: false },
    ]);
    expect(m.template.sections[0].heading).toBe('Предмет Договора');

    const { pages } = await pdfText(m);
    const text = pages.join(' ');
    expect(text).toContain(`ДОГОВОР № ${signed.number}`);
    expect(text).toContain('г. Москва 12 марта 2026 г.');
    expect(text).toContain('122 000,00 руб. (Сто двадцать две тысячи рублей 00 копеек), в том числе НДС 22% — 22 000,00 руб.');
    expect(text).toContain('в течение 7 календарных дней');
    expect(text).toContain('Аванс при подписании Договора 30% 36 600,00 ₽');
    expect(text).toContain('ИНН 7736207543, КПП 773601001');
    expect(text).toContain('/ Петров П. П. /');
  });

  it('adds VAT on top of a net price, and prints the simplified-tax clause for an agency without VAT', async () => {
    const { a, client } = await agencyWithClient();
    const onTop = await createContract(t, a.ownerToken, client.id, { contractDate: '2026-03-12', amount: '100000.00', priceBasis: 'VAT_ON_TOP' });
    expect((await build(owner(a), onTop.id))!.model.vat).toMatchObject({ rate: '22.00', net: '100000.00', vat: '22000.00', gross: '122000.00' });

    const usn = await agencyWithClient({ vatPayer: false });
    const contract = await createContract(t, usn.a.ownerToken, usn.client.id, { contractDate: '2026-03-12', amount: '100000.00' });
    const model = (await build(owner(usn.a), contract.id))!.model;
    expect(model.vat).toMatchObject({ regime: 'RU_USN_WITHOUT_VAT', rate: null, customNote: null, vat: '0.00' });
    const text = (await pdfText(model)).pages.join(' ');
    expect(text).toContain('НДС не облагается в связи с применением Исполнителем упрощённой системы налогообложения (п. 2 ст. 346.11 НК РФ)');
    expect(text).toContain('Без НДС —');
  });

  it('is null for another agency, a missing contract, and a portal user before the contract leaves the draft', async () => {
    const { a, client } = await agencyWithClient();
    const draft = await createContract(t, a.ownerToken, client.id);
    const other = await registerAgency(t);
    expect(await build(owner(other), draft.id)).toBeNull();
    expect(await build(owner(a), MISSING_ID)).toBeNull();
    expect(await MODEL_BUILDERS[DocumentKind.CONTRACT]!(contextFor(t.ds, owner(other)), draft.id, Locale.RU)).toBeNull();

    const portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
    const portalActor: Actor = { userId: portal.id, agencyId: a.agencyId, role: UserRole.CLIENT, clientId: client.id };
    expect(await build(portalActor, draft.id)).toBeNull();
    const signed = await signedContract(t, a.ownerToken, client.id);
    const seen = await build(portalActor, signed.id);
    expect(seen?.model.number).toBe(signed.number);
    expect(seen?.model.agency.name).toBe('ООО «Вектор»');
  });

  it("prints the agency's own template, long enough for ten pages, and another agency keeps the built-in text", async () => {
    const { a, client } = await agencyWithClient();
    const ours = `${longTemplateText('ru', 12)}\n## Особый порядок агентства Вектор\n\nЗаказчик согласовывает медиаплан на каждый квартал не позднее чем за 10 дней до его начала.\n`;
    const saved = expectOk(await t.gql(SAVE_TEMPLATE, { input: { locale: 'RU', body: ours } }, a.ownerToken)).saveContractTemplate;
    expect(saved).toEqual({ __typename: 'ContractTemplate', version: 1 });
    const contract = await signedContract(t, a.ownerToken, client.id, { contractDate: '2026-03-12' });

    const model = (await build(owner(a), contract.id))!.model;
    const { pages, pageCount } = await pdfText(model);
    expect(pageCount).toBeGreaterThanOrEqual(10);
    const text = pages.join(' ');
    expect(text).toContain('Особый порядок агентства Вектор');
    expect(text).toContain('Заказчик согласовывает медиаплан на каждый квартал не позднее чем за 10 дней до его начала.');
    pages.slice(1).forEach((page) => expect(page).toContain(`Договор № ${contract.number} от 12.03.2026`));

    const b = await agencyWithClient();
    const theirs = await signedContract(t, b.a.ownerToken, b.client.id, { contractDate: '2026-03-12' });
    const theirText = (await pdfText((await build(owner(b.a), theirs.id))!.model)).pages.join(' ');
    expect(theirText).not.toContain('Особый порядок агентства Вектор');
    expect(theirText).toContain('1. Предмет Договора');

    // a template in another language is the agency's only in that language
    const en = (await build(owner(a), contract.id, Locale.EN))!.model;
    expect(en.template.sections.map((s) => s.heading)).not.toContain('Особый порядок агентства Вектор');
    expect((await pdfText(en, 'en')).pages[0]).toContain(`SERVICES AGREEMENT No. ${contract.number}`);
  });
});
