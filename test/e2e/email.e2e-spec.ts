/**
 * Email as it leaves the platform: a client-portal invitation reaches a real SMTP server (started
 * here, in-process) with the right recipient, subject and text in the invited person's language;
 * a refusing server is retried and the email ends FAILED with the server's answer; without
 * SMTP_URL the email is KEPT and only the owner reads it in the outbox.
 */
import { startTestApp, TestApp } from '../support/app';
import { dataOf, expectCode } from '../support/expect';
import { createClient, createUser, registerAgency, uniqueEmail, type AgencyActors } from '../support/factories';
import { eventually } from '../support/jobs';
import { startSmtp } from '../support/smtp';

const INVITE = /* GraphQL */ `mutation ($input: InviteClientUserInput!) { inviteClientUser(input: $input) { token user { id email } } }`;
const OUTBOX = /* GraphQL */ `query ($first: Int, $after: String) { outbox(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id to subject text status attempts lastError sentAt relatedType relatedId createdAt } } } }`;
const AGENCY = /* GraphQL */ `query { agency { name } }`;

async function outbox(t: TestApp, token: string): Promise<any[]> {
  return dataOf<any>(await t.gql(OUTBOX, { first: 50 }, token), 'outbox').edges.map((e: any) => e.node);
}

async function invite(t: TestApp, a: AgencyActors, locale?: string): Promise<{ token: string; user: { id: string; email: string } }> {
  const client = await createClient(t, a.ownerToken);
  const res = await t.gql(INVITE, { input: { clientId: client.id, email: uniqueEmail('portal'), fullName: 'Ivan Petrov', ...(locale ? { locale } : {}) } }, a.ownerToken);
  return dataOf<any>(res, 'inviteClientUser');
}

describe('with SMTP_URL', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let a: AgencyActors;
  let agencyName: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://crm.example.test/', MAIL_FROM: 'CRM <crm@example.test>' } });
    a = await registerAgency(t);
    agencyName = dataOf<any>(await t.gql(AGENCY, {}, a.ownerToken), 'agency').name;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('sends the portal invitation in the invited person’s language (en), with the login link', async () => {
    const inv = await invite(t, a, 'EN');
    const mail = await eventually(async () => smtp.received.find((m) => m.rcpt.includes(inv.user.email)), Boolean, 15_000, 'the invitation email');
    expect(mail!.rcpt).toEqual([inv.user.email]);
    expect(mail!.subject).toBe(`${agencyName} invites you to the client portal`);
    expect(mail!.text).toContain('Hello, Ivan Petrov!');
    expect(mail!.text).toContain(`https://crm.example.test/invitation?token=${encodeURIComponent(inv.token)}`);
    const sent = await eventually(async () => (await outbox(t, a.ownerToken)).find((m) => m.to === inv.user.email), (m) => m?.status === 'SENT', 10_000, 'SENT in the outbox');
    expect(sent).toMatchObject({ attempts: 1, lastError: null, relatedType: 'User', relatedId: inv.user.id });
    expect(sent.sentAt).not.toBeNull();
  });

  it('writes it in the agency’s language (ru) when the invited person has none', async () => {
    const inv = await invite(t, a);
    const mail = await eventually(async () => smtp.received.find((m) => m.rcpt.includes(inv.user.email)), Boolean, 15_000, 'the invitation email');
    expect(mail!.subject).toBe(`Агентство «${agencyName}» приглашает вас в клиентский портал`);
    expect(mail!.text).toContain('Здравствуйте, Ivan Petrov!');
    expect(mail!.text).toContain('Задайте пароль по ссылке');
  });

  it('retries a refusing server, then marks the email FAILED with its answer', async () => {
    smtp.refuse(true);
    try {
      const inv = await invite(t, a, 'EN');
      const failed = await eventually(
        async () => (await outbox(t, a.ownerToken)).find((m) => m.to === inv.user.email),
        (m) => m?.status === 'FAILED',
        30_000,
        'FAILED in the outbox',
      );
      expect(failed.attempts).toBe(4);
      expect(failed.lastError).toMatch(/550/);
      expect(failed.sentAt).toBeNull();
      expect(smtp.received.find((m) => m.rcpt.includes(inv.user.email))).toBeUndefined();
    } finally {
      smtp.refuse(false);
    }
  });
});

describe('without SMTP_URL', () => {
  let t: TestApp;
  let a: AgencyActors;

  beforeAll(async () => {
    t = await startTestApp();
    a = await registerAgency(t);
  });
  afterAll(() => t?.close());

  it('keeps the invitation in the outbox (KEPT), newest first, for the owner', async () => {
    const first = await invite(t, a, 'EN');
    const second = await invite(t, a, 'EN');
    const kept = await eventually(() => outbox(t, a.ownerToken), (list) => list.length === 2 && list.every((m) => m.status === 'KEPT'), 15_000, 'both KEPT');
    expect(kept.map((m) => m.to)).toEqual([second.user.email, first.user.email]);
    expect(kept[0]).toMatchObject({ attempts: 0, sentAt: null, lastError: null });
    expect(kept[0].text).toContain(`/invitation?token=${encodeURIComponent(second.token)}`);

    const page = dataOf<any>(await t.gql(OUTBOX, { first: 1 }, a.ownerToken), 'outbox');
    expect(page.totalCount).toBe(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = dataOf<any>(await t.gql(OUTBOX, { first: 1, after: page.pageInfo.endCursor }, a.ownerToken), 'outbox');
    expect(next.edges.map((e: any) => e.node.to)).toEqual([first.user.email]);
  });

  it('is the owner’s only: a manager and a portal user get FORBIDDEN, another agency sees none of it', async () => {
    await invite(t, a, 'EN');
    const manager = await createUser(t, a.ownerToken, 'MANAGER');
    expectCode(await t.gql(OUTBOX, {}, manager.token), 'FORBIDDEN');
    const client = await createClient(t, a.ownerToken);
    const portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
    expectCode(await t.gql(OUTBOX, {}, portal.token), 'FORBIDDEN');
    const b = await registerAgency(t);
    expect(await outbox(t, b.ownerToken)).toEqual([]);
  });

  it('writes nothing when the invitation fails (email taken): no email, no job', async () => {
    const inv = await invite(t, a, 'EN');
    const before = (await outbox(t, a.ownerToken)).length;
    const client = await createClient(t, a.ownerToken);
    const res = await t.gql(INVITE, { input: { clientId: client.id, email: inv.user.email } }, a.ownerToken);
    expectCode(res, 'CONFLICT');
    expect((await outbox(t, a.ownerToken)).length).toBe(before);
  });
});
