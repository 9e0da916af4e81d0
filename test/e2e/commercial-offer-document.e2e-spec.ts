/**
 * The commercial offer's model built from a proposal made through the API, as the client is
 * offered it: the number and dates the API gave, the media plan without internal fees, the
 * 70/20/10 mix the API computes, the final price by the price basis and the agency's VAT regime.
 * Another agency's proposal, a missing one and (for a portal user) a draft give null.
 */
import { spawnSync } from 'node:child_process';
import type { CommercialOfferModel } from '../../src/documents/commercial-offer/commercial-offer.model';
import { renderCommercialOffer } from '../../src/documents/commercial-offer/commercial-offer.document';
import { DocumentKind } from '../../src/documents/kinds';
import { MODEL_BUILDERS, type BuiltModel } from '../../src/documents/models';
import { Locale, UserRole } from '../../src/entities/enums';
import { standardVatRate } from '../../src/services/money/vat';
import { localDate } from '../../src/services/time';
import { startTestApp, TestApp } from '../support/app';
import { contextFor } from '../support/context';
import { expectOk } from '../support/expect';
import { createClient, createContact, MISSING_ID, PASSWORD, registerAgency, uniqueEmail, updateAgencyRequisites, login } from '../support/factories';
import { createProposal, createSentProposal, dateFromToday, GET_PORTAL_PROPOSAL, GET_PROPOSAL, REVISE_PROPOSAL, SEND_PROPOSAL } from '../support/proposal.factories';
import { pngjsImage } from '../support/images';
import { pdfText, qpdfCheck, squash } from '../support/pdf';

let t: TestApp;
let agency: { agencyId: string; ownerId: string; ownerToken: string };
let manager: { id: string; token: string; email: string };
let client: { id: string };
let portal: { id: string; token: string };
let timeZone: string;

const build = MODEL_BUILDERS[DocumentKind.COMMERCIAL_OFFER]!;

function asOwner(a = agency) {
  return contextFor(t.ds, { userId: a.ownerId, agencyId: a.agencyId, role: UserRole.OWNER, clientId: null });
}

async function offer(id: string, ctx = asOwner(), locale = Locale.RU) {
  return (await build(ctx, id, locale)) as BuiltModel<CommercialOfferModel> | null;
}

const BLOCKS = {
  companyPresentation: 'Агентство performance-маркетинга',
  team: 'Аккаунт-менеджер и два специалиста',
  mediaPlanNotes: 'Бюджеты на три месяца',
  commercialTerms: 'Оплата 50/50',
  guarantees: 'Без вознаграждения, если KPI не выполнен',
};

beforeAll(async () => {
  t = await startTestApp();
  agency = await registerAgency(t);
  await updateAgencyRequisites(t, agency.ownerToken, { legalName: 'ООО «Тест Диджитал»', inn: '7707083893', signatoryName: 'Смирнова А. С.', signatoryPosition: 'Генеральный директор' });
  const email = uniqueEmail('manager');
  const created = expectOk(
    await t.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, { input: { email, password: PASSWORD, role: 'MANAGER', fullName: 'Кузнецов Илья', phone: '+79161234567' } }, agency.ownerToken),
  ).createUser;
  manager = { id: created.id, email, token: await login(t, email) };
  client = await createClient(t, agency.ownerToken, { name: 'Северный ветер', legalName: 'АО «Северный ветер»', inn: '7709123453', ownerId: manager.id });
  await createContact(t, agency.ownerToken, client.id, { fullName: 'Петров Пётр Петрович', position: 'Директор по маркетингу', isPrimary: true });
  const portalEmail = uniqueEmail('portal');
  const portalUser = expectOk(await t.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, { input: { email: portalEmail, password: PASSWORD, role: 'CLIENT', clientId: client.id } }, agency.ownerToken)).createUser;
  portal = { id: portalUser.id, token: await login(t, portalEmail) };
  timeZone = expectOk(await t.gql(`{ me { agency { timeZone } } }`, {}, agency.ownerToken)).me.agency.timeZone;
});
afterAll(() => t?.close());

describe('the commercial offer model', () => {
  it('is registered for COMMERCIAL_OFFER', () => {
    expect(typeof build).toBe('function');
  });

  it('carries what the client is offered: number, dates, blocks, the plan without internal fees, the mix and the final price', async () => {
    const validUntil = dateFromToday(20);
    const sent = await createSentProposal(t, manager.token, client.id, { priceBasis: 'VAT_ON_TOP', validUntil, blocks: BLOCKS, title: 'Контекст для интернет-магазина' });
    const agencyView = expectOk(await t.gql(GET_PROPOSAL, { id: sent.id }, agency.ownerToken)).proposal;
    const clientView = expectOk(await t.gql(GET_PORTAL_PROPOSAL, { id: sent.id }, portal.token)).proposal;
    const number = expectOk(await t.gql(`query($id: ID!) { proposal(id: $id) { number } }`, { id: sent.id }, agency.ownerToken)).proposal.number;
    expect(number).toMatch(/^КП-\d{4}-\d{4}$/);

    const built = (await offer(sent.id))!;
    const m = built.model;
    const today = localDate(new Date(), timeZone);
    expect(built).toMatchObject({ clientId: client.id, number, immutable: false });
    expect(built.fileName).toBe(`Коммерческое предложение № ${number} от ${today.split('-').reverse().join('.')}`);
    expect(m).toMatchObject({ number, title: 'Контекст для интернет-магазина', date: today, validUntil, version: 1, currency: 'RUB', clientTradingName: 'Северный ветер' });
    expect(m.client).toMatchObject({ name: 'АО «Северный ветер»', inn: '7709123453', signatoryName: 'Петров Пётр Петрович', signatoryPosition: 'Директор по маркетингу' });
    expect(m.agency).toMatchObject({ name: 'ООО «Тест Диджитал»', inn: '7707083893' });
    expect(m.blocks).toEqual({ ...BLOCKS, achievements: null, cases: null, marketAnalytics: null, placementAudit: null, recommendations: null });
    expect(m.manager).toEqual({ fullName: 'Кузнецов Илья', email: manager.email, phone: '+79161234567' });

    // the VK line's fee is internal: the agency sees it, the client and the paper do not
    expect(agencyView.totals.grandTotal).toBe('1090000.00');
    expect(clientView.totals).toEqual({ budgetTotal: '1000000.00', feeTotal: '70000.00', grandTotal: '1070000.00' });
    expect(m.plan).toMatchObject({ budgetTotal: clientView.totals.budgetTotal, feeTotal: clientView.totals.feeTotal, grandTotal: clientView.totals.grandTotal });
    expect(m.plan.lines.map((l) => [l.channel, l.category, l.budget, l.fee, l.budgetShare])).toEqual([
      ['Яндекс Директ, поиск', 'PROVEN', '700000.00', '70000.00', '70.00'],
      ['VK Реклама', 'UNCERTAIN', '200000.00', null, '20.00'],
      ['Telegram Ads', 'EXPERIMENTAL', '100000.00', '0.00', '10.00'],
    ]);
    expect(m.plan.lines[2]).toMatchObject({ periodStart: '2026-04-01', periodEnd: '2026-04-30' });
    expect(m.plan.categories.map((c) => [c.category, c.budget, c.fee, c.amount, c.budgetShare])).toEqual([
      ['PROVEN', '700000.00', '70000.00', '770000.00', '70.00'],
      ['UNCERTAIN', '200000.00', '0.00', '200000.00', '20.00'],
      ['EXPERIMENTAL', '100000.00', '0.00', '100000.00', '10.00'],
    ]);
    const mix = agencyView.toolMix;
    expect(m.toolMix).toEqual({
      byBudget: { proven: mix.proven, uncertain: mix.uncertain, experimental: mix.experimental },
      byToolCount: { proven: '33.33', uncertain: '33.33', experimental: '33.33' },
      tools: { proven: 1, uncertain: 1, experimental: 1, total: 3 },
    });

    // VAT on top at the rate of the offer's date
    const rate = standardVatRate('RU', today, true)!;
    const vat = (Math.round(1070000 * Number(rate)) / 100).toFixed(2);
    expect(m.price).toEqual({ basis: 'VAT_ON_TOP', regime: 'STANDARD', vatRate: rate, grandTotal: '1070000.00', net: '1070000.00', vat, total: (1070000 + Number(vat)).toFixed(2) });

    // and it prints
    const { bytes } = await renderCommercialOffer(m, { locale: 'ru', createdAt: new Date() });
    const text = squash(pdfText(bytes));
    expect(text).toContain(`Коммерческое предложение № ${number}`);
    expect(text).toContain('Итого по медиаплану 1 000 000,00 100% 70 000,00');
    expect(text).not.toContain('20 000,00');
  });

  it('is the same for a portal user of the client; a draft is null for them, and for the agency a draft has no number', async () => {
    const sent = await createSentProposal(t, manager.token, client.id);
    const portalCtx = contextFor(t.ds, { userId: portal.id, agencyId: agency.agencyId, role: UserRole.CLIENT, clientId: client.id });
    const forPortal = (await offer(sent.id, portalCtx))!;
    const forAgency = (await offer(sent.id))!;
    expect(forPortal.model).toEqual(forAgency.model);
    expect(forPortal.model.plan.lines.find((l) => l.channel === 'VK Реклама')!.fee).toBeNull();

    const draft = await createProposal(t, manager.token, client.id);
    expect(await offer(draft.id, portalCtx)).toBeNull();
    const draftModel = (await offer(draft.id))!;
    expect(draftModel.number).toBeNull();
    expect(draftModel.model).toMatchObject({ number: null, date: localDate(new Date(), timeZone), title: 'КП на контекст' });
    expect(draftModel.fileName).toMatch(/^Коммерческое предложение \(проект\) от \d{2}\.\d{2}\.\d{4}$/);
    // the price basis defaults to the agency's (VAT included): the VAT is the part of the total
    expect(draftModel.model.price).toMatchObject({ basis: 'VAT_INCLUDED', total: '1070000.00' });
  });

  it('a revised and resent offer is the next version under the same number; the file name follows the language', async () => {
    const sent = await createSentProposal(t, manager.token, client.id);
    const first = (await offer(sent.id))!;
    expectOk(await t.gql(REVISE_PROPOSAL, { input: { id: sent.id, reason: 'Уточнить бюджет' } }, manager.token));
    expect(expectOk(await t.gql(SEND_PROPOSAL, { input: { id: sent.id } }, manager.token)).sendProposal.__typename).toBe('Proposal');
    const second = (await offer(sent.id, asOwner(), Locale.EN))!;
    expect(second.model).toMatchObject({ number: first.number, version: 2 });
    expect(second.fileName).toMatch(new RegExp(`^Commercial offer No\\. ${first.number} of \\d{1,2} [A-Z][a-z]{2} \\d{4}$`));
  });

  it('an agency on the simplified tax offers without VAT', async () => {
    const usn = await registerAgency(t);
    expectOk(await t.gql(`mutation($input: SetAgencyVatRegimeInput!) { setAgencyVatRegime(input: $input) { vatPayer } }`, { input: { validFrom: '2020-01-01', regime: 'RU_USN_WITHOUT_VAT' } }, usn.ownerToken));
    const c = await createClient(t, usn.ownerToken);
    const sent = await createSentProposal(t, usn.ownerToken, c.id, { priceBasis: 'VAT_ON_TOP' });
    const m = (await offer(sent.id, asOwner(usn)))!.model;
    expect(m.price).toEqual({ basis: 'VAT_ON_TOP', regime: 'RU_USN_WITHOUT_VAT', vatRate: null, grandTotal: '1070000.00', net: '1070000.00', vat: '0.00', total: '1070000.00' });
    expect(m.manager).toMatchObject({ email: usn.ownerEmail });
    const text = squash(pdfText((await renderCommercialOffer(m, { locale: 'ru', createdAt: new Date() })).bytes));
    expect(text).toContain('НДС не облагается (УСН).');
  });

  it("carries the agency's logo, stamp and signature; the signature only when the agency's signatory signs", async () => {
    const a = await registerAgency(t);
    await updateAgencyRequisites(t, a.ownerToken, { signatoryName: 'Смирнова А. С.', signatoryPosition: 'Генеральный директор' });
    const files = { LOGO: pngjsImage(300, 90), STAMP: pngjsImage(160, 160), SIGNATURE: pngjsImage(200, 60) };
    for (const [kind, file] of Object.entries(files)) {
      const res = await t.gql(`mutation($input: UploadAgencyImageInput!) { uploadAgencyImage(input: $input) { __typename } }`, { input: { kind, contentBase64: file.toString('base64') } }, a.ownerToken);
      expect(expectOk(res).uploadAgencyImage.__typename).toBe('AgencyImage');
    }
    const c = await createClient(t, a.ownerToken);
    expectOk(await t.gql(`mutation($input: UpdateClientInput!) { updateClient(input: $input) { id } }`, { input: { id: c.id, ownerId: null } }, a.ownerToken));
    const sent = await createSentProposal(t, a.ownerToken, c.id);
    const m = (await offer(sent.id, asOwner(a)))!.model;
    expect(Buffer.from(m.logo!).equals(files.LOGO)).toBe(true);
    expect(Buffer.from(m.stamp!).equals(files.STAMP)).toBe(true);
    expect(Buffer.from(m.signature!).equals(files.SIGNATURE)).toBe(true);
    expect(m.manager).toBeNull();
    const { bytes } = await renderCommercialOffer(m, { locale: 'ru', createdAt: new Date() });
    qpdfCheck(bytes);
    const text = squash(pdfText(bytes));
    expect(text).toContain('Генеральный директор / Смирнова А. С. /');
    // the logo, the stamp and the signature are drawn (their alpha channels are listed as smasks)
    const images = spawnSync('pdfimages', ['-list', '-'], { input: bytes }).stdout.toString().split('\n').slice(2).filter((l) => l.trim());
    const drawn = images.map((l) => l.trim().split(/\s+/)).filter((cols) => cols[2] === 'image');
    expect(drawn.map((cols) => `${cols[3]}x${cols[4]}`).sort()).toEqual(['160x160', '200x60', '300x90']);

    // signed by the account manager, the signatory's signature stays off the page
    const byManager = await renderCommercialOffer({ ...m, manager: { fullName: 'Кузнецов Илья', email: null, phone: null } }, { locale: 'ru', createdAt: new Date() });
    const listed = spawnSync('pdfimages', ['-list', '-'], { input: byManager.bytes }).stdout.toString().split('\n').slice(2).filter((l) => l.trim());
    expect(listed.map((l) => l.trim().split(/\s+/)).filter((cols) => cols[2] === 'image').map((cols) => `${cols[3]}x${cols[4]}`).sort()).toEqual(['160x160', '300x90']);
  });

  it("is null for another agency's proposal and for a missing one", async () => {
    const other = await registerAgency(t);
    const otherClient = await createClient(t, other.ownerToken);
    const theirs = await createSentProposal(t, other.ownerToken, otherClient.id);
    expect(await offer(theirs.id)).toBeNull();
    expect(await offer(MISSING_ID)).toBeNull();
    expect(await offer(theirs.id, asOwner(other))).not.toBeNull();
  });
});
