/**
 * The satisfaction form's model built for a client made through the API: the client's name, the
 * agency, the client's account manager and the agency's today pre-filled. Another agency's
 * client, a missing one and (for a portal user) another client give null.
 */
import { DocumentKind } from '../../src/documents/kinds';
import { MODEL_BUILDERS, type BuiltModel } from '../../src/documents/models';
import { renderSatisfactionForm } from '../../src/documents/satisfaction-form/satisfaction-form.document';
import type { SatisfactionFormModel } from '../../src/documents/satisfaction-form/satisfaction-form.model';
import { Locale, UserRole } from '../../src/entities/enums';
import { localDate } from '../../src/services/time';
import { startTestApp, TestApp } from '../support/app';
import { contextFor } from '../support/context';
import { expectOk } from '../support/expect';
import { createClient, createUser, MISSING_ID, PASSWORD, registerAgency, uniqueEmail, updateAgencyRequisites, type AgencyActors } from '../support/factories';
import { pdfText, squash } from '../support/pdf';

let t: TestApp;
let agency: AgencyActors;
let managerId: string;
let timeZone: string;

const build = MODEL_BUILDERS[DocumentKind.SATISFACTION_FORM]!;

const asOwner = (a: AgencyActors = agency) => contextFor(t.ds, { userId: a.ownerId, agencyId: a.agencyId, role: UserRole.OWNER, clientId: null });
const form = async (clientId: string, ctx = asOwner(), locale = Locale.RU) => (await build(ctx, clientId, locale)) as BuiltModel<SatisfactionFormModel> | null;

beforeAll(async () => {
  t = await startTestApp();
  agency = await registerAgency(t, { agencyName: 'Ромашка Диджитал' });
  await updateAgencyRequisites(t, agency.ownerToken, { legalName: 'ООО «Ромашка Диджитал»' });
  const created = expectOk(
    await t.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, { input: { email: uniqueEmail('manager'), password: PASSWORD, role: 'MANAGER', fullName: 'Кузнецов Илья Андреевич' } }, agency.ownerToken),
  ).createUser;
  managerId = created.id;
  timeZone = expectOk(await t.gql(`{ me { agency { timeZone } } }`, {}, agency.ownerToken)).me.agency.timeZone;
});
afterAll(() => t?.close());

describe('the satisfaction form model', () => {
  it("is pre-filled with the client's name, the agency, the account manager and today, and prints them", async () => {
    const client = await createClient(t, agency.ownerToken, { name: 'Северный ветер', legalName: 'АО «Северный ветер»', ownerId: managerId });
    const built = (await form(client.id))!;
    const today = localDate(new Date(), timeZone);
    expect(built).toMatchObject({ clientId: client.id, number: null, immutable: false, fileName: 'Анкета удовлетворённости — Северный ветер' });
    expect(built.model).toMatchObject({ clientName: 'Северный ветер', clientLegalName: 'АО «Северный ветер»', managerName: 'Кузнецов Илья Андреевич', date: today, logo: null });
    expect(built.model.agency).toMatchObject({ name: 'ООО «Ромашка Диджитал»', tradingName: 'Ромашка Диджитал' });
    expect((await form(client.id, asOwner(), Locale.BG))!.fileName).toBe('Анкета за удовлетвореност — Северный ветер');

    const text = squash(pdfText((await renderSatisfactionForm(built.model, { locale: 'ru', createdAt: new Date() })).bytes));
    expect(text).toContain('Клиент Северный ветер (АО «Северный ветер»)');
    expect(text).toContain('Менеджер Кузнецов Илья Андреевич');
    expect(text).toContain('Агентство ООО «Ромашка Диджитал»');
  });

  it('leaves the manager blank for a client without one', async () => {
    const client = await createClient(t, agency.ownerToken, { name: 'Без менеджера' });
    expectOk(await t.gql(`mutation($input: UpdateClientInput!) { updateClient(input: $input) { id } }`, { input: { id: client.id, ownerId: null } }, agency.ownerToken));
    const built = (await form(client.id))!;
    expect(built.model).toMatchObject({ clientName: 'Без менеджера', clientLegalName: null, managerName: null });
  });

  it("is built for a portal user's own client only", async () => {
    const mine = await createClient(t, agency.ownerToken, { ownerId: managerId });
    const other = await createClient(t, agency.ownerToken);
    const portal = await createUser(t, agency.ownerToken, 'CLIENT', mine.id);
    const ctx = contextFor(t.ds, { userId: portal.id, agencyId: agency.agencyId, role: UserRole.CLIENT, clientId: mine.id });
    expect((await form(mine.id, ctx))!.model).toEqual((await form(mine.id))!.model);
    expect(await form(other.id, ctx)).toBeNull();
  });

  it("is null for another agency's client and for a missing one", async () => {
    const b = await registerAgency(t);
    const theirs = await createClient(t, b.ownerToken);
    expect(await form(theirs.id)).toBeNull();
    expect(await form(MISSING_ID)).toBeNull();
    expect(await form(theirs.id, asOwner(b))).not.toBeNull();
  });
});
