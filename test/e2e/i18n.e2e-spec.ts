import request from 'supertest';
import { localDate } from '../../src/services/time';
import { startTestApp, TestApp } from '../support/app';
import { CREATE_USER, LOGIN } from '../support/documents';
import { AgencyActors, createClient, createUser, MISSING_ID, registerAgency, uniqueEmail } from '../support/factories';
import { ACCEPT_PROPOSAL, createProposal } from '../support/proposal.factories';

const UPDATE_CLIENT = /* GraphQL */ `
  mutation($input: UpdateClientInput!) { updateClient(input: $input) { id } }
`;
const CREATE_CONTACT = /* GraphQL */ `
  mutation($input: CreateContactInput!) { createContact(input: $input) { id } }
`;
const SETTINGS = /* GraphQL */ `
  mutation($input: UpdateAgencySettingsInput!) { updateAgencySettings(input: $input) { locale } }
`;
const REQUISITES = /* GraphQL */ `
  mutation($input: UpdateAgencyRequisitesInput!) { updateAgencyRequisites(input: $input) { legalName } }
`;
const INTERVAL_POINTS = /* GraphQL */ `
  query($filter: ControlPointFilter) { controlPoints(filter: $filter, first: 10) { edges { node { kind dueOn title } } } }
`;

type Lng = 'ru' | 'bg' | 'en';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** An agency working in the given language: ru by default, bg through its requisites, en through its settings. */
async function agencyIn(lng: Lng): Promise<AgencyActors> {
  const a = await registerAgency(t, { timeZone: 'Europe/Moscow' });
  if (lng === 'bg') {
    const res = await t.gql(REQUISITES, { input: { documentLanguage: 'BG' } }, a.ownerToken);
    expect(res.body.errors).toBeUndefined();
  }
  if (lng === 'en') {
    const res = await t.gql(SETTINGS, { input: { locale: 'EN' } }, a.ownerToken);
    expect(res.body.data.updateAgencySettings.locale).toBe('EN');
  }
  return a;
}

function anonymous(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const req = request(t.app).post('/graphql').set('content-type', 'application/json');
  for (const [k, v] of Object.entries(headers)) req.set(k, v);
  return req.send({ query, variables });
}

const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('.');

describe('messages in the agency language, codes unchanged', () => {
  const EXPECTED = {
    notFound: { ru: 'Клиент не найден', bg: 'Клиентът не е намерен', en: 'Client not found' },
    forbidden: { ru: 'Нужна роль OWNER', bg: 'Изисква се роля OWNER', en: 'Requires role OWNER' },
    conflict: { ru: 'Пользователь с таким email уже существует', bg: 'Вече има потребител с този имейл', en: 'A user with this email already exists' },
    birthday: {
      ru: 'birthday: дата не может быть в будущем',
      bg: 'birthday: датата не може да е в бъдещето',
      en: 'birthday cannot be in the future',
    },
    illegal: {
      ru: 'Коммерческое предложение: нельзя перейти из статуса «черновик» в «принято»',
      bg: 'Търговско предложение: не може да премине от статус „чернова“ в „прието“',
      en: 'Proposal cannot go from "draft" to "accepted"',
    },
  };
  const seen: Record<Lng, unknown[]> = { ru: [], bg: [], en: [] };

  it.each(['ru', 'bg', 'en'] as Lng[])('answers in %s', async (lng) => {
    const a = await agencyIn(lng);
    const manager = await createUser(t, a.ownerToken, 'MANAGER');
    const client = await createClient(t, a.ownerToken, { name: 'Ромашка' });

    // NOT_FOUND
    const nf = await t.gql(UPDATE_CLIENT, { input: { id: MISSING_ID, name: 'X' } }, a.ownerToken);
    expect(nf.body.errors![0]).toMatchObject({ message: EXPECTED.notFound[lng], extensions: { code: 'NOT_FOUND', entity: 'Client', field: 'input.id' } });

    // FORBIDDEN
    const fb = await t.gql(CREATE_USER, { input: { email: uniqueEmail(), password: 'long-enough-password', role: 'MANAGER' } }, manager.token);
    expect(fb.body.errors![0]).toMatchObject({ message: EXPECTED.forbidden[lng], extensions: { code: 'FORBIDDEN' } });

    // CONFLICT (reason unchanged)
    const cf = await t.gql(CREATE_USER, { input: { email: a.ownerEmail, password: 'long-enough-password', role: 'MANAGER' } }, a.ownerToken);
    expect(cf.body.errors![0]).toMatchObject({ message: EXPECTED.conflict[lng], extensions: { code: 'CONFLICT', reason: 'EMAIL_TAKEN', field: 'input.email' } });

    // BAD_USER_INPUT written by a service: the field's message and the error's message
    const bi = await t.gql(CREATE_CONTACT, { input: { clientId: client.id, fullName: 'Иван Петров', birthday: '2999-01-01' } }, a.ownerToken);
    expect(bi.body.errors![0]).toMatchObject({
      message: `input.birthday: ${EXPECTED.birthday[lng]}`,
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'input.birthday', message: EXPECTED.birthday[lng] }] },
    });

    // an error result in data
    const draft = await createProposal(t, a.ownerToken, client.id);
    const ir = await t.gql(ACCEPT_PROPOSAL, { input: { id: draft.id } }, a.ownerToken);
    expect(ir.body.data.acceptProposal).toEqual({
      __typename: 'IllegalTransitionError',
      code: 'ILLEGAL_TRANSITION',
      message: EXPECTED.illegal[lng],
      entity: 'Proposal',
      from: 'DRAFT',
      to: 'ACCEPTED',
    });

    // a control-point title: client name, plural of the agency's 30 days, local date
    const cp = await t.gql(INTERVAL_POINTS, { filter: { kinds: ['CONTACT_INTERVAL_EXCEEDED'], clientId: client.id } }, a.ownerToken);
    const today = localDate(new Date(), 'Europe/Moscow');
    const [y, m, d] = today.split('-');
    const month = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(+y, +m - 1, +d)));
    const titles = {
      ru: `Нет контакта с «Ромашка» более 30 дней (последний: ${ddmmyyyy(today)})`,
      bg: `Няма контакт с „Ромашка“ повече от 30 дни (последен: ${ddmmyyyy(today)})`,
      en: `No contact with Ромашка for more than 30 days (last: ${Number(d)} ${month} ${y})`,
    };
    expect(cp.body.data.controlPoints.edges.map((e: any) => e.node.title)).toEqual([titles[lng]]);

    seen[lng] = [nf, fb, cf, bi].map((r) => ({ ...r.body.errors![0].extensions, fields: r.body.errors![0].extensions!.fields?.map((f: any) => f.path) }));
  });

  it('keeps codes, reasons and paths identical across languages', () => {
    expect(seen.ru).toHaveLength(4);
    expect(seen.bg).toEqual(seen.ru);
    expect(seen.en).toEqual(seen.ru);
  });
});

describe('anonymous requests', () => {
  it('answer a failed login in the language of Accept-Language, Russian when it names none of ours', async () => {
    const input = { email: uniqueEmail(), password: 'wrong-password-123' };
    const messages = await Promise.all(
      ([{ 'accept-language': 'bg-BG,bg;q=0.9,en;q=0.5' }, { 'accept-language': 'en-US,en;q=0.9' }, { 'accept-language': 'de-DE' }, {}] as Record<string, string>[]).map(
        async (headers) => (await anonymous(LOGIN, { input }, headers)).body.errors[0],
      ),
    );
    expect(messages.map((m) => m.extensions.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(messages.map((m) => m.message)).toEqual([
      'Грешен имейл или парола',
      'Invalid email or password',
      'Неверный email или пароль',
      'Неверный email или пароль',
    ]);
  });

  it('explain a rejected token in the language of Accept-Language', async () => {
    const ME = `{ me { id } }`;
    const bad = await anonymous(ME, {}, { authorization: 'Bearer not.a.token', 'accept-language': 'bg' });
    expect(bad.body.errors[0]).toMatchObject({ message: 'Невалиден токен', extensions: { code: 'UNAUTHENTICATED' } });
    const none = await anonymous(ME, {}, { 'accept-language': 'en' });
    expect(none.body.errors[0]).toMatchObject({ message: 'Authentication required', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('a logged-in user reads the agency language whatever the browser asks for', async () => {
    const a = await agencyIn('bg');
    const res = await request(t.app)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${a.ownerToken}`)
      .set('accept-language', 'en')
      .send({ query: UPDATE_CLIENT, variables: { input: { id: MISSING_ID, name: 'X' } } });
    expect(res.body.errors[0].message).toBe('Клиентът не е намерен');
  });

  it("a user's own preferred language wins over the agency's", async () => {
    const a = await agencyIn('ru');
    const email = uniqueEmail();
    const created = await t.gql(CREATE_USER, { input: { email, password: 'long-enough-password', role: 'MANAGER', locale: 'EN' } }, a.ownerToken);
    expect(created.body.errors).toBeUndefined();
    const token = (await t.gql(LOGIN, { input: { email, password: 'long-enough-password' } })).body.data.login.token;
    const res = await t.gql(UPDATE_CLIENT, { input: { id: MISSING_ID, name: 'X' } }, token);
    expect(res.body.errors![0]).toMatchObject({ message: 'Client not found', extensions: { code: 'NOT_FOUND' } });
  });
});
