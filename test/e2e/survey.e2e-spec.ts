/**
 * Satisfaction surveys as agencies, their clients' contacts and portal users see them: the
 * evaluation control point after a signed act, sending (one-time links emailed through the
 * outbox, only hashes stored), answering by link without a login (once, until it expires),
 * answering in the portal, the metrics against hand-computed fixtures, the owner's follow-up of a
 * low score, and the cross-agency / cross-client matrix.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually } from '../support/jobs';
import { createHash } from 'node:crypto';
import { ACT_CONTROL_POINTS, issuedAct, SIGN_ACT } from '../support/act.factories';
import { startTestApp, TestApp } from '../support/app';
import { badInputPaths, dataOf, expectCode, expectOk } from '../support/expect';
import { createClient, createContact, createUser, registerAgency, uniqueEmail, type AgencyActors } from '../support/factories';

const SURVEY_FIELDS = /* GraphQL */ `
  fragment SurveyFields on Survey {
    id clientId trigger actId dealId managerId status sentAt dueOn followUpOpenedAt followUpResolvedAt followUpComment
    invitations { id contactId email expiresAt answeredAt }
    responses { id invitationId userId lowScore answers { questionKey score comment } }
  }
`;
const SEND = /* GraphQL */ `
  mutation ($input: SendSatisfactionSurveyInput!) {
    sendSatisfactionSurvey(input: $input) {
      __typename
      ...SurveyFields
      ... on ErrorResult { code message }
      ... on SurveyRecipientsMissingError { contactIds }
      ... on SurveyTriggerNotReadyError { entity triggerStatus: status }
    }
  }
  ${SURVEY_FIELDS}
`;
const BY_TOKEN = /* GraphQL */ `
  query ($token: String!, $locale: Locale) {
    surveyByToken(token: $token, locale: $locale) {
      __typename
      ... on PublicSurvey { agencyName clientName locale expiresAt questions { key metric text min max lowLabel highLabel takesComment } }
      ... on ErrorResult { code message }
    }
  }
`;
const ANSWER = /* GraphQL */ `
  mutation ($input: AnswerSurveyInput!) {
    answerSurvey(input: $input) { __typename ... on SurveyAnswerReceipt { surveyId answers answeredAt } ... on ErrorResult { code message } }
  }
`;
const ANSWER_PORTAL = /* GraphQL */ `
  mutation ($input: AnswerSurveyInPortalInput!) {
    answerSurveyInPortal(input: $input) { __typename ... on SurveyAnswerReceipt { surveyId answers } ... on ErrorResult { code message } }
  }
`;
const GET = /* GraphQL */ `query ($id: ID!) { survey(id: $id) { ...SurveyFields } } ${SURVEY_FIELDS}`;
const PORTAL_VIEW = /* GraphQL */ `query { surveys { totalCount edges { node { id status dueOn answeredByMe questions { key text min max } } } } }`;
const LIST = /* GraphQL */ `query ($filter: SurveyFilter) { surveys(filter: $filter) { totalCount edges { node { id } } } }`;
const RESOLVE = /* GraphQL */ `
  mutation ($input: ResolveSurveyFollowUpInput!) {
    resolveSurveyFollowUp(input: $input) { __typename ... on Survey { id followUpResolvedAt followUpComment } ... on ErrorResult { code message } }
  }
`;
const SCORES = /* GraphQL */ `answers mean distribution { score count }`;
const SUMMARY = /* GraphQL */ `
  responses
  csi { question ${SCORES} }
  ces { value ${SCORES} }
  nps { value answers promoters passives detractors distribution { score count } }
  cli { value answers questions { question ${SCORES} } }
`;
const METRICS = /* GraphQL */ `
  query ($input: SatisfactionMetricsInput!) {
    satisfactionMetrics(input: $input) { from to ${SUMMARY} byManager { managerId ${SUMMARY} } }
  }
`;
const OUTBOX = /* GraphQL */ `query { outbox(first: 100) { edges { node { to subject text status relatedType relatedId } } } }`;

const KEYS = ['csiManager', 'csiResult', 'csiAccounting', 'csiDocuments', 'csiTelephony', 'ces', 'nps', 'cliRecommend', 'cliBuyAgain', 'cliOtherServices'];
/** A full questionnaire: 10 for the 1–10 questions, 6 for CLI, unless overridden. */
function answers(overrides: Record<string, number> = {}, comments: Record<string, string> = {}) {
  return KEYS.map((k) => ({ question: k, score: overrides[k] ?? (k.startsWith('cli') ? 6 : 10), comment: comments[k] ?? null }));
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const today = () => new Date().toISOString().slice(0, 10);
const plusDays = (d: string, n: number) => new Date(Date.parse(d + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);

interface World {
  a: AgencyActors;
  manager: { id: string; token: string };
  client: any;
  contacts: any[];
  portal: { id: string; token: string };
}

/** An agency (English, UTC) with a manager owning a client that has two contacts with an email and one without, and a portal user. */
async function world(): Promise<World> {
  const a = await registerAgency(t, { locale: 'EN', timeZone: 'UTC' });
  const manager = await createUser(t, a.ownerToken, 'MANAGER');
  const client = await createClient(t, a.ownerToken, { ownerId: manager.id });
  const contacts = [
    await createContact(t, a.ownerToken, client.id, { fullName: 'Anna Ivanova', email: uniqueEmail('anna') }),
    await createContact(t, a.ownerToken, client.id, { fullName: 'Boris Petrov', email: uniqueEmail('boris') }),
    await createContact(t, a.ownerToken, client.id, { fullName: 'No Email' }),
  ];
  const portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
  return { a, manager, client, contacts, portal };
}

async function send(token: string, input: Record<string, unknown>): Promise<any> {
  return expectOk(await t.gql(SEND, { input }, token)).sendSatisfactionSurvey;
}

/** The one-time tokens of the survey emails in the outbox, by recipient. */
async function tokensByEmail(ownerToken: string): Promise<Map<string, string>> {
  const edges = expectOk(await t.gql(OUTBOX, {}, ownerToken)).outbox.edges as { node: { to: string; text: string; relatedType: string } }[];
  const map = new Map<string, string>();
  for (const { node } of edges) {
    if (node.relatedType !== 'SurveyInvitation') continue;
    const m = /\/survey\?token=([A-Za-z0-9_-]+)/.exec(node.text);
    if (m) map.set(node.to, m[1]);
  }
  return map;
}

async function responseCount(surveyId: string): Promise<number> {
  return (await t.ds.query('SELECT count(*)::int AS n FROM survey_responses WHERE "surveyId" = $1', [surveyId]))[0].n;
}

describe('the satisfaction evaluation date', () => {
  it('appears when an act is signed, due 7 days after, for the client owner, and goes once a survey is sent', async () => {
    const w = await world();
    const act = await issuedAct(t, w.a.ownerToken, w.client.id, {}, plusDays(today(), -3));
    const signedOn = plusDays(today(), -1);
    expect(dataOf(await t.gql(SIGN_ACT, { input: { id: act.id, signedOn } }, w.a.ownerToken), 'signAct').__typename).toBe('Act');
    const filter = { kinds: ['SATISFACTION_EVALUATION_DUE'], clientId: w.client.id };
    const before = expectOk(await t.gql(ACT_CONTROL_POINTS, { filter }, w.a.ownerToken)).controlPoints;
    expect(before.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({ kind: 'SATISFACTION_EVALUATION_DUE', objectType: 'Act', objectId: act.id, dueOn: plusDays(signedOn, 7), managerId: w.manager.id }),
    ]);

    const survey = await send(w.manager.token, { clientId: w.client.id, actId: act.id });
    expect(survey).toMatchObject({ __typename: 'Survey', trigger: 'ACT_SIGNED', actId: act.id, managerId: w.manager.id, status: 'SENT' });
    const after = expectOk(await t.gql(ACT_CONTROL_POINTS, { filter }, w.a.ownerToken)).controlPoints;
    expect(after.totalCount).toBe(0);
  });

  it('appears when a deal is won, for the deal manager, and the survey then evaluates that manager', async () => {
    const w = await world();
    const dealManager = await createUser(t, w.a.ownerToken, 'MANAGER');
    const create = `mutation ($i: CreateDealInput!) { createDeal(input: $i) { id } }`;
    const deal = dataOf(await t.gql(create, { i: { clientId: w.client.id, title: 'SEO', stage: 'DELIVERY', managerId: dealManager.id } }, w.a.ownerToken), 'createDeal');
    const early = await send(w.a.ownerToken, { clientId: w.client.id, dealId: deal.id });
    expect(early).toMatchObject({ code: 'SURVEY_TRIGGER_NOT_READY', entity: 'Deal', triggerStatus: 'OPEN' });
    const close = `mutation ($i: CloseDealInput!) { closeDeal(input: $i) { __typename } }`;
    expect(dataOf(await t.gql(close, { i: { id: deal.id, outcome: 'WON' } }, w.a.ownerToken), 'closeDeal').__typename).toBe('Deal');
    const filter = { kinds: ['SATISFACTION_EVALUATION_DUE'], clientId: w.client.id };
    const points = expectOk(await t.gql(ACT_CONTROL_POINTS, { filter }, w.a.ownerToken)).controlPoints.edges.map((e: any) => e.node);
    expect(points).toEqual([expect.objectContaining({ objectType: 'Deal', objectId: deal.id, managerId: dealManager.id, dueOn: plusDays(today(), 7) })]);
    const survey = await send(w.a.ownerToken, { clientId: w.client.id, dealId: deal.id });
    expect(survey).toMatchObject({ __typename: 'Survey', trigger: 'DEAL_WON', dealId: deal.id, managerId: dealManager.id });
    expect(expectOk(await t.gql(ACT_CONTROL_POINTS, { filter }, w.a.ownerToken)).controlPoints.totalCount).toBe(0);
  });

  it('refuses a survey after an act that is not signed, and sends nothing', async () => {
    const w = await world();
    const act = await issuedAct(t, w.a.ownerToken, w.client.id, {}, plusDays(today(), -3));
    const res = await send(w.a.ownerToken, { clientId: w.client.id, actId: act.id });
    expect(res).toMatchObject({ __typename: 'SurveyTriggerNotReadyError', code: 'SURVEY_TRIGGER_NOT_READY', entity: 'Act', triggerStatus: 'ISSUED' });
    expect(expectOk(await t.gql(LIST, {}, w.a.ownerToken)).surveys.totalCount).toBe(0);
    expect((await tokensByEmail(w.a.ownerToken)).size).toBe(0);
  });
});

describe('sending a survey', () => {
  it('makes one link per contact with an email and puts an email with the link in the outbox; only the hash is stored', async () => {
    const w = await world();
    const survey = await send(w.a.ownerToken, { clientId: w.client.id });
    expect(survey).toMatchObject({ trigger: 'MANUAL', managerId: w.manager.id, dueOn: plusDays(today(), 14) });
    expect(survey.invitations.map((i: any) => i.contactId).sort()).toEqual([w.contacts[0].id, w.contacts[1].id].sort());
    const tokens = await tokensByEmail(w.a.ownerToken);
    expect([...tokens.keys()].sort()).toEqual([w.contacts[0].email, w.contacts[1].email].sort());
    const edges = expectOk(await t.gql(OUTBOX, {}, w.a.ownerToken)).outbox.edges;
    expect(edges[0].node.text).toContain(`${t.services.config.publicUrl}/survey?token=`);
    expect(['QUEUED', 'KEPT']).toContain(edges[0].node.status);
    const rows: { tokenHash: string }[] = await t.ds.query('SELECT "tokenHash" FROM survey_invitations WHERE "surveyId" = $1', [survey.id]);
    const token = tokens.get(w.contacts[0].email)!;
    expect(rows.map((r) => r.tokenHash)).toContain(createHash('sha256').update(token).digest('hex'));
    expect(rows.map((r) => r.tokenHash)).not.toContain(token);
  });

  it('says who cannot be reached when a chosen contact has no email, and sends nothing', async () => {
    const w = await world();
    const res = await send(w.a.ownerToken, { clientId: w.client.id, contactIds: [w.contacts[0].id, w.contacts[2].id] });
    expect(res).toMatchObject({ code: 'SURVEY_RECIPIENTS_MISSING', contactIds: [w.contacts[2].id] });
    expect(expectOk(await t.gql(LIST, {}, w.a.ownerToken)).surveys.totalCount).toBe(0);
  });

  it('speaks the agency’s language in its error results and emails (ru)', async () => {
    const ru = await registerAgency(t, { locale: 'RU' });
    const client = await createClient(t, ru.ownerToken);
    const none = await send(ru.ownerToken, { clientId: client.id });
    expect(none).toMatchObject({ code: 'SURVEY_RECIPIENTS_MISSING', message: 'Некому отправить анкету: среди выбранных нет действующих контактов клиента с email' });
    await createContact(t, ru.ownerToken, client.id, { email: uniqueEmail('ivan') });
    expect((await send(ru.ownerToken, { clientId: client.id })).__typename).toBe('Survey');
    const mail = expectOk(await t.gql(OUTBOX, {}, ru.ownerToken)).outbox.edges[0].node;
    expect(mail.subject).toContain('как вам работается с нами?');
    expect(mail.text).toContain('ссылка одноразовая');
  });

  it('refuses actId and dealId together, naming the field', async () => {
    const w = await world();
    const res = await t.gql(SEND, { input: { clientId: w.client.id, actId: w.client.id, dealId: w.client.id } }, w.a.ownerToken);
    expect(badInputPaths(res)).toEqual(['input.dealId']);
  });
});

describe('answering through a one-time link', () => {
  let w: World;
  let survey: any;
  let tokens: Map<string, string>;
  beforeAll(async () => {
    w = await world();
    survey = await send(w.a.ownerToken, { clientId: w.client.id });
    tokens = await tokensByEmail(w.a.ownerToken);
  });

  it('shows the questionnaire of the printable form without a login, in the agency’s language or the one asked for', async () => {
    const token = tokens.get(w.contacts[0].email)!;
    const en = dataOf(await t.gql(BY_TOKEN, { token }), 'surveyByToken', 'PublicSurvey');
    expect(en).toMatchObject({ clientName: w.client.name, locale: 'EN' });
    expect(en.questions.map((q: any) => q.key)).toEqual(KEYS);
    expect(en.questions.find((q: any) => q.key === 'csiAccounting')).toMatchObject({ metric: 'CSI', min: 1, max: 10, takesComment: true });
    expect(en.questions.find((q: any) => q.key === 'nps')).toMatchObject({ metric: 'NPS', min: 0, max: 10 });
    expect(en.questions.find((q: any) => q.key === 'cliBuyAgain')).toMatchObject({ metric: 'CLI', min: 1, max: 6, takesComment: false });
    expect(en.questions[0].text).toBe('How satisfied are you with the work of your account manager?');
    const ru = dataOf(await t.gql(BY_TOKEN, { token, locale: 'RU' }), 'surveyByToken', 'PublicSurvey');
    expect(ru.questions[0].text).toBe('Насколько вы удовлетворены работой вашего менеджера?');
  });

  it('answers an unknown token exactly like a malformed one', async () => {
    const unknown = expectOk(await t.gql(BY_TOKEN, { token: 'A'.repeat(43) })).surveyByToken;
    const malformed = expectOk(await t.gql(BY_TOKEN, { token: 'x' })).surveyByToken;
    expect(unknown).toEqual({ __typename: 'SurveyLinkInvalidError', code: 'SURVEY_LINK_INVALID', message: expect.any(String) });
    expect(malformed).toEqual(unknown);
    const res = expectOk(await t.gql(ANSWER, { input: { token: 'A'.repeat(43), answers: answers() } })).answerSurvey;
    expect(res.code).toBe('SURVEY_LINK_INVALID');
  });

  it('names the answer at fault for a score out of its scale and records nothing', async () => {
    const token = tokens.get(w.contacts[0].email)!;
    const res = await t.gql(ANSWER, { input: { token, answers: answers({ nps: 11, cliBuyAgain: 0 }) } });
    expect(badInputPaths(res).sort()).toEqual(['input.answers.6.score', 'input.answers.8.score']);
    const missing = await t.gql(ANSWER, { input: { token, answers: answers().slice(0, 9) } });
    expect(badInputPaths(missing)).toEqual(['input.answers']);
    expect(await responseCount(survey.id)).toBe(0);
  });

  it('records the answers once, without a login; the link then says it was used', async () => {
    const token = tokens.get(w.contacts[0].email)!;
    const res = expectOk(await t.gql(ANSWER, { input: { token, answers: answers({ nps: 0 }, { csiTelephony: 'Hard to get through' }) } })).answerSurvey;
    expect(res).toMatchObject({ __typename: 'SurveyAnswerReceipt', surveyId: survey.id, answers: 10 });
    const again = expectOk(await t.gql(ANSWER, { input: { token, answers: answers() } })).answerSurvey;
    expect(again.code).toBe('SURVEY_ALREADY_ANSWERED');
    expect(expectOk(await t.gql(BY_TOKEN, { token })).surveyByToken.code).toBe('SURVEY_ALREADY_ANSWERED');
    const stored = expectOk(await t.gql(GET, { id: survey.id }, w.a.ownerToken)).survey;
    expect(stored.status).toBe('ANSWERED');
    expect(stored.responses).toHaveLength(1);
    expect(stored.responses[0].answers.find((a: any) => a.questionKey === 'nps').score).toBe(0);
    expect(stored.responses[0].answers.find((a: any) => a.questionKey === 'csiTelephony').comment).toBe('Hard to get through');
    expect(stored.invitations.filter((i: any) => i.answeredAt)).toHaveLength(1);
  });

  it('takes one of two answers sent at the same moment through the same link', async () => {
    const fresh = await world();
    await send(fresh.a.ownerToken, { clientId: fresh.client.id, contactIds: [fresh.contacts[0].id] });
    const token = (await tokensByEmail(fresh.a.ownerToken)).get(fresh.contacts[0].email)!;
    const results = await Promise.all([
      t.gql(ANSWER, { input: { token, answers: answers({ nps: 9 }) } }),
      t.gql(ANSWER, { input: { token, answers: answers({ nps: 2 }) } }),
    ]);
    expect(results.map((r) => expectOk(r).answerSurvey.__typename).sort()).toEqual(['SurveyAlreadyAnsweredError', 'SurveyAnswerReceipt']);
    const rows = await t.ds.query('SELECT count(*)::int AS n FROM survey_answers a JOIN survey_responses r ON r.id = a."responseId" JOIN survey_invitations i ON i.id = r."invitationId" WHERE i."contactId" = $1', [fresh.contacts[0].id]);
    expect(rows[0].n).toBe(10);
  });

  it('refuses an expired link and records nothing', async () => {
    const token = tokens.get(w.contacts[1].email)!;
    const hash = createHash('sha256').update(token).digest('hex');
    await t.ds.query(`UPDATE survey_invitations SET "expiresAt" = now() - interval '1 minute' WHERE "tokenHash" = $1`, [hash]);
    expect(expectOk(await t.gql(BY_TOKEN, { token })).surveyByToken.code).toBe('SURVEY_LINK_EXPIRED');
    const res = expectOk(await t.gql(ANSWER, { input: { token, answers: answers() } })).answerSurvey;
    expect(res).toMatchObject({ __typename: 'SurveyLinkExpiredError', code: 'SURVEY_LINK_EXPIRED' });
    expect(await responseCount(survey.id)).toBe(1);
  });
});

describe('answering in the portal', () => {
  it('shows the client’s open survey with its questions and takes one answer per portal user', async () => {
    const w = await world();
    const survey = await send(w.a.ownerToken, { clientId: w.client.id });
    const view = expectOk(await t.gql(PORTAL_VIEW, {}, w.portal.token)).surveys;
    expect(view.edges.map((e: any) => e.node)).toEqual([expect.objectContaining({ id: survey.id, answeredByMe: false })]);
    expect(view.edges[0].node.questions).toHaveLength(10);
    const ok = expectOk(await t.gql(ANSWER_PORTAL, { input: { surveyId: survey.id, answers: answers() } }, w.portal.token)).answerSurveyInPortal;
    expect(ok).toMatchObject({ __typename: 'SurveyAnswerReceipt', answers: 10 });
    const again = expectOk(await t.gql(ANSWER_PORTAL, { input: { surveyId: survey.id, answers: answers() } }, w.portal.token)).answerSurveyInPortal;
    expect(again.code).toBe('SURVEY_ALREADY_ANSWERED');
    expect(expectOk(await t.gql(PORTAL_VIEW, {}, w.portal.token)).surveys.edges[0].node.answeredByMe).toBe(true);
    expect(await responseCount(survey.id)).toBe(1);
  });

  it('refuses a survey whose last day has passed', async () => {
    const w = await world();
    const survey = await send(w.a.ownerToken, { clientId: w.client.id });
    await t.ds.query(`UPDATE surveys SET "dueOn" = current_date - 1 WHERE id = $1`, [survey.id]);
    const res = expectOk(await t.gql(ANSWER_PORTAL, { input: { surveyId: survey.id, answers: answers() } }, w.portal.token)).answerSurveyInPortal;
    expect(res.code).toBe('SURVEY_NOT_OPEN');
    expect(await responseCount(survey.id)).toBe(0);
  });

  it('is for portal users only: staff answer through nothing', async () => {
    const w = await world();
    const survey = await send(w.a.ownerToken, { clientId: w.client.id });
    expectCode(await t.gql(ANSWER_PORTAL, { input: { surveyId: survey.id, answers: answers() } }, w.a.ownerToken), 'FORBIDDEN');
  });
});

describe('satisfaction metrics', () => {
  it('match hand-computed figures overall, per manager and for one manager; a period without answers gives nulls', async () => {
    const w = await world();
    const other = await createUser(t, w.a.ownerToken, 'MANAGER');
    const client2 = await createClient(t, w.a.ownerToken, { ownerId: other.id });
    await createContact(t, w.a.ownerToken, client2.id, { fullName: 'Vera', email: uniqueEmail('vera') });
    await send(w.a.ownerToken, { clientId: w.client.id });
    await send(w.a.ownerToken, { clientId: client2.id });
    const tokens = await tokensByEmail(w.a.ownerToken);
    const [t1, t2] = [tokens.get(w.contacts[0].email)!, tokens.get(w.contacts[1].email)!];
    const t3 = [...tokens.entries()].find(([to]) => to.startsWith('vera'))![1];
    // manager 1: csiManager 8 and 4, NPS 10 and 3, CES 9 and 5, CLI (6,6,6) and (1,4,6)
    expectOk(await t.gql(ANSWER, { input: { token: t1, answers: answers({ csiManager: 8, nps: 10, ces: 9 }) } }));
    expectOk(await t.gql(ANSWER, { input: { token: t2, answers: answers({ csiManager: 4, nps: 3, ces: 5, cliRecommend: 1, cliBuyAgain: 4 }) } }));
    // manager 2: everything at the top
    expectOk(await t.gql(ANSWER, { input: { token: t3, answers: answers() } }));

    const m = expectOk(await t.gql(METRICS, { input: { from: plusDays(today(), -1), to: plusDays(today(), 1) } }, w.a.ownerToken)).satisfactionMetrics;
    expect(m.responses).toBe(3);
    const csiManager = m.csi.find((c: any) => c.question === 'csiManager');
    expect(csiManager.mean).toBe(7.33); // (8 + 4 + 10) / 3
    expect(csiManager.distribution.filter((d: any) => d.count)).toEqual([{ score: 4, count: 1 }, { score: 8, count: 1 }, { score: 10, count: 1 }]);
    expect(m.nps).toMatchObject({ value: 33.3, promoters: 2, passives: 0, detractors: 1, answers: 3 }); // 66.7 − 33.3
    expect(m.ces).toMatchObject({ value: 66.7, answers: 3 }); // 9 and 10 of 9, 5, 10
    // CLI: nine answers, 6→100 ×7, 1→0, 4→60: 760 / 9
    expect(m.cli).toMatchObject({ value: 84.4, answers: 9 });

    const m1 = m.byManager.find((b: any) => b.managerId === w.manager.id);
    expect(m1).toMatchObject({ responses: 2, nps: { value: 0 }, ces: { value: 50 }, cli: { value: 76.7 } });
    expect(m1.csi.find((c: any) => c.question === 'csiManager').mean).toBe(6);
    expect(m.byManager.map((b: any) => b.managerId)).toEqual([w.manager.id, other.id]);

    const only2 = expectOk(await t.gql(METRICS, { input: { from: today(), to: today(), managerId: other.id } }, w.a.ownerToken)).satisfactionMetrics;
    expect(only2).toMatchObject({ responses: 1, nps: { value: 100 }, ces: { value: 100 }, cli: { value: 100 } });

    const empty = expectOk(await t.gql(METRICS, { input: { from: '2020-01-01', to: '2020-12-31' } }, w.a.ownerToken)).satisfactionMetrics;
    expect(empty).toMatchObject({ responses: 0, nps: { value: null, answers: 0 }, ces: { value: null }, cli: { value: null }, byManager: [] });
    expect(empty.csi.every((c: any) => c.mean === null)).toBe(true);

    expect(badInputPaths(await t.gql(METRICS, { input: { from: '2026-02-01', to: '2026-01-01' } }, w.a.ownerToken))).toEqual(['input.to']);
  });
});

describe('a low score', () => {
  it('opens a follow-up for the owners until an owner records it', async () => {
    const w = await world();
    const survey = await send(w.a.ownerToken, { clientId: w.client.id });
    const filter = { kinds: ['SATISFACTION_FOLLOW_UP'] };
    const token = (await tokensByEmail(w.a.ownerToken)).get(w.contacts[0].email)!;
    expect(expectOk(await t.gql(ANSWER, { input: { token, answers: answers({ csiAccounting: 6 }) } })).answerSurvey.__typename).toBe('SurveyAnswerReceipt');

    const owner = expectOk(await t.gql(ACT_CONTROL_POINTS, { filter }, w.a.ownerToken)).controlPoints;
    expect(owner.edges.map((e: any) => e.node)).toEqual([expect.objectContaining({ kind: 'SATISFACTION_FOLLOW_UP', objectType: 'Survey', objectId: survey.id, dueOn: today() })]);
    expect(expectOk(await t.gql(ACT_CONTROL_POINTS, { filter }, w.manager.token)).controlPoints.totalCount).toBe(0);
    expect(expectOk(await t.gql(LIST, { filter: { followUpOpen: true } }, w.a.ownerToken)).surveys.totalCount).toBe(1);

    expectCode(await t.gql(RESOLVE, { input: { surveyId: survey.id, comment: 'Called' } }, w.manager.token), 'FORBIDDEN');
    const done = expectOk(await t.gql(RESOLVE, { input: { surveyId: survey.id, comment: 'Called the CFO, new invoice flow agreed' } }, w.a.ownerToken)).resolveSurveyFollowUp;
    expect(done).toMatchObject({ __typename: 'Survey', followUpComment: 'Called the CFO, new invoice flow agreed' });
    expect(expectOk(await t.gql(ACT_CONTROL_POINTS, { filter }, w.a.ownerToken)).controlPoints.totalCount).toBe(0);
    const again = expectOk(await t.gql(RESOLVE, { input: { surveyId: survey.id, comment: 'x' } }, w.a.ownerToken)).resolveSurveyFollowUp;
    expect(again.code).toBe('SURVEY_FOLLOW_UP_NOT_OPEN');
  });

  it('sends a signed SURVEY_LOW_SCORE webhook event for each low answer, from a link answered without login', async () => {
    const w = await world();
    const hits: { type: string; data: any }[] = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        hits.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      const CREATE_WEBHOOK = /* GraphQL */ `mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id } } }`;
      expectOk(await t.gql(CREATE_WEBHOOK, { input: { url, events: ['SURVEY_LOW_SCORE'] } }, w.a.ownerToken));
      const survey = await send(w.a.ownerToken, { clientId: w.client.id });
      const token = (await tokensByEmail(w.a.ownerToken)).get(w.contacts[0].email)!;
      const answered = expectOk(await t.gql(ANSWER, { input: { token, answers: answers({ csiAccounting: 6, nps: 5 }, { csiAccounting: 'Invoices come late' }) } }));
      expect(answered.answerSurvey.__typename).toBe('SurveyAnswerReceipt');
      await eventually(async () => hits.length, (n) => n >= 2, 15_000, 'two webhook deliveries');
      expect(hits.map((h) => h.type)).toEqual(['SURVEY_LOW_SCORE', 'SURVEY_LOW_SCORE']);
      expect(hits.map((h) => [h.data.question, h.data.score]).sort()).toEqual([['csiAccounting', 6], ['nps', 5]]);
      expect(hits.find((h) => h.data.question === 'csiAccounting')!.data).toMatchObject({ surveyId: survey.id, clientId: w.client.id, contactId: w.contacts[0].id, comment: 'Invoices come late' });
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('opens nothing for scores above the thresholds (CSI 7, NPS 7, CES 5)', async () => {
    const w = await world();
    const survey = await send(w.a.ownerToken, { clientId: w.client.id });
    const token = (await tokensByEmail(w.a.ownerToken)).get(w.contacts[0].email)!;
    expectOk(await t.gql(ANSWER, { input: { token, answers: answers({ csiResult: 7, nps: 7, ces: 5, cliBuyAgain: 1 }) } }));
    const stored = expectOk(await t.gql(GET, { id: survey.id }, w.a.ownerToken)).survey;
    expect(stored.followUpOpenedAt).toBeNull();
    expect(stored.responses[0].lowScore).toBe(false);
  });
});

describe('another agency and another client', () => {
  it('can neither read, nor send, nor answer, nor resolve, nor count', async () => {
    const w = await world();
    const survey = await send(w.a.ownerToken, { clientId: w.client.id });
    const token = (await tokensByEmail(w.a.ownerToken)).get(w.contacts[0].email)!;
    expectOk(await t.gql(ANSWER, { input: { token, answers: answers({ nps: 2 }) } }));

    const b = await registerAgency(t);
    expectCode(await t.gql(GET, { id: survey.id }, b.ownerToken), 'NOT_FOUND');
    expect(expectOk(await t.gql(LIST, {}, b.ownerToken)).surveys.totalCount).toBe(0);
    expectCode(await t.gql(SEND, { input: { clientId: w.client.id } }, b.ownerToken), 'NOT_FOUND');
    expectCode(await t.gql(RESOLVE, { input: { surveyId: survey.id, comment: 'x' } }, b.ownerToken), 'NOT_FOUND');
    const bm = expectOk(await t.gql(METRICS, { input: { from: today(), to: today() } }, b.ownerToken)).satisfactionMetrics;
    expect(bm.responses).toBe(0);
    expect(expectOk(await t.gql(ACT_CONTROL_POINTS, { filter: { kinds: ['SATISFACTION_FOLLOW_UP'] } }, b.ownerToken)).controlPoints.totalCount).toBe(0);

    // a portal user of another client of the same agency
    const client2 = await createClient(t, w.a.ownerToken);
    const stranger = await createUser(t, w.a.ownerToken, 'CLIENT', client2.id);
    expectCode(await t.gql(GET, { id: survey.id }, stranger.token), 'NOT_FOUND');
    expect(expectOk(await t.gql(LIST, {}, stranger.token)).surveys.totalCount).toBe(0);
    expectCode(await t.gql(ANSWER_PORTAL, { input: { surveyId: survey.id, answers: answers() } }, stranger.token), 'NOT_FOUND');
    expectCode(await t.gql(SEND, { input: { clientId: client2.id } }, stranger.token), 'FORBIDDEN');
    expectCode(await t.gql(METRICS, { input: { from: today(), to: today() } }, stranger.token), 'FORBIDDEN');
    // the own client's portal user sees the survey but not whom it evaluates nor the answers
    const own = await t.gql(`query ($id: ID!) { survey(id: $id) { id managerId responses { id } } }`, { id: survey.id }, w.portal.token);
    expect(own.body.data.survey).toMatchObject({ id: survey.id, managerId: null, responses: null });
    expect((own.body.errors ?? []).map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(await responseCount(survey.id)).toBe(1);
  });
});
