/**
 * Outbound events as a receiver and an agency owner see them: a real HTTP receiver (started here,
 * in-process, on a free port) gets signed POSTs that verify with the secret shown at creation;
 * a deviation opened by recorded figures, a signed act and an overdue invoice (once) are
 * delivered; a rolled-back change sends nothing; 5xx is retried and every attempt logged, 4xx is
 * not; a webhook failing 20 times in a row is disabled with the reason; another agency, managers
 * and portal users can neither see nor change any of it.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UserRole } from '../../src/entities/enums';
import { sweepOverdueInvoices } from '../../src/events/invoice-overdue.job';
import { verifyWebhookSignature } from '../../src/events/signature';
import { signAct } from '../../src/services/act.service';
import { withTransaction } from '../../src/services/scope';
import { SIGN_ACT, issuedAct } from '../support/act.factories';
import { startTestApp, TestApp } from '../support/app';
import { badInputPaths, dataOf, expectCode, expectOk } from '../support/expect';
import { createClient, createUser, registerAgency, updateAgencySettings, type AgencyActors } from '../support/factories';
import { issuedInvoice, paidInvoice } from '../support/invoice.factories';
import { actorContext, eventually } from '../support/jobs';

const WEBHOOK_FIELDS = 'id url events description active consecutiveFailures disabledAt disabledReason createdAt updatedAt';
const DELIVERY_FIELDS = 'id webhookId eventId eventType body status attempts lastResponseStatus lastResponseMs lastError nextRetryAt deliveredAt createdAt attemptLog { attempt startedAt responseStatus responseMs error }';
const CREATE = /* GraphQL */ `mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { ${WEBHOOK_FIELDS} } } }`;
const UPDATE = /* GraphQL */ `mutation ($input: UpdateWebhookInput!) { updateWebhook(input: $input) { ${WEBHOOK_FIELDS} } }`;
const DELETE = /* GraphQL */ `mutation ($id: ID!) { deleteWebhook(id: $id) }`;
const ROTATE = /* GraphQL */ `mutation ($id: ID!) { rotateWebhookSecret(id: $id) { secret webhook { id } } }`;
const REDELIVER = /* GraphQL */ `mutation ($deliveryId: ID!) { redeliverWebhook(deliveryId: $deliveryId) { ${DELIVERY_FIELDS} } }`;
const LIST = /* GraphQL */ `query { webhooks(first: 50) { totalCount edges { node { ${WEBHOOK_FIELDS} } } } }`;
const DELIVERIES = /* GraphQL */ `query ($webhookId: ID!, $first: Int, $after: String) { webhookDeliveries(webhookId: $webhookId, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${DELIVERY_FIELDS} } } } }`;

const CHANNELS = /* GraphQL */ `query { campaignChannels { id name } }`;
const CREATE_CAMPAIGN = /* GraphQL */ `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`;
const SET_TARGETS = /* GraphQL */ `mutation ($input: SetKpiTargetsInput!) { setKpiTargets(input: $input) { __typename } }`;
const CHECK = /* GraphQL */ `mutation ($input: CheckLaunchItemInput!) { checkLaunchItem(input: $input) { id } }`;
const LAUNCH = /* GraphQL */ `mutation ($id: ID!) { launchCampaign(id: $id) { __typename } }`;
const RECORD = /* GraphQL */ `mutation ($input: RecordKpiMeasurementsInput!) { recordKpiMeasurements(input: $input) { id } }`;
const ITEMS = ['WEBSITE', 'WEB_ANALYTICS', 'KPI', 'CAMPAIGN_STRUCTURE', 'KEYWORD_SELECTION', 'AD_QUALITY', 'CAMPAIGN_SETTINGS'];

interface Hit {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver: records every POST and answers each path from its plan of statuses (then 200). */
class Receiver {
  hits: Hit[] = [];
  private plans = new Map<string, number[]>();
  private server!: Server;
  base = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        this.hits.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        const status = this.plans.get(path)?.shift() ?? 200;
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status >= 300 ? `refused with ${status}` : 'ok');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  plan(path: string, statuses: number[]): void {
    this.plans.set(path, [...statuses]);
  }

  at(path: string): Hit[] {
    return this.hits.filter((h) => h.path === path);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

let t: TestApp;
const receiver = new Receiver();
let seq = 0;

beforeAll(async () => {
  await receiver.start();
  t = await startTestApp({ env: { WEBHOOK_RETRY_BASE_SECONDS: '0', WEBHOOK_TIMEOUT_MS: '3000' } });
});
afterAll(async () => {
  await t?.close();
  await receiver.close();
});

async function webhook(owner: string, events: string[], statuses: number[] = []): Promise<{ id: string; secret: string; path: string; url: string }> {
  const path = `/hook/${++seq}`;
  receiver.plan(path, statuses);
  const url = receiver.base + path;
  const made = dataOf(await t.gql(CREATE, { input: { url, events, description: `test ${seq}` } }, owner), 'createWebhook');
  return { id: made.webhook.id, secret: made.secret, path, url };
}

async function deliveries(owner: string, webhookId: string): Promise<any[]> {
  return expectOk(await t.gql(DELIVERIES, { webhookId, first: 50 }, owner)).webhookDeliveries.edges.map((e: any) => e.node);
}

/** Waits until the webhook has `count` deliveries, none PENDING. */
function settled(owner: string, webhookId: string, count = 1): Promise<any[]> {
  return eventually(() => deliveries(owner, webhookId), (list) => list.length === count && list.every((d) => d.status !== 'PENDING'), 20_000, 'deliveries settled');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function signedAct(owner: string, clientId: string, token = owner): Promise<string> {
  const act = await issuedAct(t, owner, clientId);
  dataOf(await t.gql(SIGN_ACT, { input: { id: act.id, signedOn: '2026-11-03', signedBy: 'Иванов' } }, token), 'signAct', 'Act');
  return act.id;
}

describe('creating and listing', () => {
  let a: AgencyActors;
  beforeAll(async () => {
    a = await registerAgency(t);
  });

  it('shows the secret once at creation; the list never carries it', async () => {
    const res = await t.gql(CREATE, { input: { url: receiver.base + '/x', events: ['ACT_SIGNED', 'ACT_SIGNED', 'INVOICE_OVERDUE'], description: '  CRM  ' } }, a.ownerToken);
    const made = dataOf(res, 'createWebhook');
    expect(made.secret).toMatch(/^whsec_/);
    expect(made.webhook).toMatchObject({ url: receiver.base + '/x', events: ['ACT_SIGNED', 'INVOICE_OVERDUE'], description: 'CRM', active: true, consecutiveFailures: 0, disabledReason: null });
    const list = expectOk(await t.gql(LIST, {}, a.ownerToken)).webhooks;
    expect(list.totalCount).toBe(1);
    expect(JSON.stringify(list)).not.toContain(made.secret);
    const introspect = expectOk(await t.gql(`{ __type(name: "Webhook") { fields { name } } }`, {}, a.ownerToken));
    expect(introspect.__type.fields.map((f: any) => f.name)).not.toContain('secret');
  });

  it('refuses a URL that is not http(s), with credentials, and an empty event list, creating nothing', async () => {
    expect(badInputPaths(await t.gql(CREATE, { input: { url: 'ftp://example.com/in', events: ['ACT_SIGNED'] } }, a.ownerToken))).toEqual(['input.url']);
    expect(badInputPaths(await t.gql(CREATE, { input: { url: 'https://u:p@example.com/in', events: ['ACT_SIGNED'] } }, a.ownerToken))).toEqual(['input.url']);
    expect(badInputPaths(await t.gql(CREATE, { input: { url: receiver.base + '/y', events: [] } }, a.ownerToken))).toEqual(['input.events']);
    expect(expectOk(await t.gql(LIST, {}, a.ownerToken)).webhooks.totalCount).toBe(1);
  });
});

describe('delivery', () => {
  let a: AgencyActors;
  let clientId: string;
  let portal: string;
  beforeAll(async () => {
    a = await registerAgency(t);
    clientId = (await createClient(t, a.ownerToken)).id;
    portal = (await createUser(t, a.ownerToken, 'CLIENT', clientId)).token;
  });

  it('POSTs a signed act as JSON { id, type, createdAt, agencyId, data } whose signature verifies with the secret', async () => {
    const hook = await webhook(a.ownerToken, ['ACT_SIGNED']);
    const actId = await signedAct(a.ownerToken, clientId);
    const [d] = await settled(a.ownerToken, hook.id);
    expect(d).toMatchObject({ eventType: 'ACT_SIGNED', status: 'DELIVERED', attempts: 1, lastResponseStatus: 200, lastError: null, nextRetryAt: null });
    expect(d.deliveredAt).not.toBeNull();
    const [hit] = receiver.at(hook.path);
    const body = JSON.parse(hit.body);
    expect(body).toEqual({
      id: d.eventId,
      type: 'ACT_SIGNED',
      createdAt: expect.any(String),
      agencyId: a.agencyId,
      data: expect.objectContaining({ actId, clientId, signedOn: '2026-11-03', signedBy: 'Иванов', currency: 'RUB', total: expect.any(String) }),
    });
    expect(hit.body).toBe(d.body);
    expect(hit.headers['content-type']).toBe('application/json');
    expect(hit.headers['x-webhook-id']).toBe(d.eventId);
    const header = { timestamp: hit.headers['x-webhook-timestamp'] as string, signature: hit.headers['x-webhook-signature'] as string };
    expect(header.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(hook.secret, header, hit.body)).toBe(true);
    expect(verifyWebhookSignature('whsec_wrong', header, hit.body)).toBe(false);
    expect(verifyWebhookSignature(hook.secret, header, hit.body.replace(actId, clientId))).toBe(false);
    dataOf(await t.gql(UPDATE, { input: { id: hook.id, active: false } }, a.ownerToken), 'updateWebhook');
  });

  it('delivers an act the client signed in the portal', async () => {
    const hook = await webhook(a.ownerToken, ['ACT_SIGNED']);
    const actId = await signedAct(a.ownerToken, clientId, portal);
    const [d] = await settled(a.ownerToken, hook.id);
    expect(d.status).toBe('DELIVERED');
    expect(JSON.parse(receiver.at(hook.path)[0].body).data.actId).toBe(actId);
    dataOf(await t.gql(UPDATE, { input: { id: hook.id, active: false } }, a.ownerToken), 'updateWebhook');
  });

  it('sends nothing for a change that was rolled back, and the same change committed is sent once', async () => {
    const hook = await webhook(a.ownerToken, ['ACT_SIGNED']);
    const act = await issuedAct(t, a.ownerToken, clientId);
    const ctx = actorContext(t, { agencyId: a.agencyId, userId: a.ownerId, role: UserRole.OWNER });
    await expect(
      withTransaction(ctx, async (tx) => {
        const signed = await signAct(tx, { id: act.id, signedOn: '2026-11-03' } as never);
        expect(signed).toMatchObject({ status: 'SIGNED' });
        throw new Error('a later step of the same change failed');
      }),
    ).rejects.toThrow('a later step');
    await sleep(2000);
    expect(receiver.at(hook.path)).toHaveLength(0);
    expect(await deliveries(a.ownerToken, hook.id)).toEqual([]);
    const after = await t.gql(`query ($id: ID!) { act(id: $id) { status } }`, { id: act.id }, a.ownerToken);
    expect(expectOk(after).act.status).toBe('ISSUED');
    // the same act, signed for real: one delivery (so the receiver would have seen the first)
    dataOf(await t.gql(SIGN_ACT, { input: { id: act.id, signedOn: '2026-11-03' } }, a.ownerToken), 'signAct', 'Act');
    await settled(a.ownerToken, hook.id);
    expect(receiver.at(hook.path)).toHaveLength(1);
    dataOf(await t.gql(UPDATE, { input: { id: hook.id, active: false } }, a.ownerToken), 'updateWebhook');
  });

  it('retries a 500 and logs both attempts; the same event id and a fresh valid signature each time', async () => {
    const hook = await webhook(a.ownerToken, ['ACT_SIGNED'], [500]);
    await signedAct(a.ownerToken, clientId);
    const [d] = await settled(a.ownerToken, hook.id);
    expect(d).toMatchObject({ status: 'DELIVERED', attempts: 2, lastResponseStatus: 200, lastError: null, nextRetryAt: null });
    expect(d.attemptLog.map((x: any) => [x.attempt, x.responseStatus])).toEqual([[1, 500], [2, 200]]);
    expect(d.attemptLog[0].error).toContain('500');
    expect(d.attemptLog[0].responseMs).toBeGreaterThanOrEqual(0);
    const hits = receiver.at(hook.path);
    expect(hits).toHaveLength(2);
    expect(hits.map((h) => h.headers['x-webhook-id'])).toEqual([d.eventId, d.eventId]);
    expect(hits.map((h) => h.body)).toEqual([d.body, d.body]);
    for (const h of hits) expect(verifyWebhookSignature(hook.secret, { timestamp: h.headers['x-webhook-timestamp'] as string, signature: h.headers['x-webhook-signature'] as string }, h.body)).toBe(true);
    const hooks = expectOk(await t.gql(LIST, {}, a.ownerToken)).webhooks.edges.map((e: any) => e.node);
    expect(hooks.find((w: any) => w.id === hook.id).consecutiveFailures).toBe(0);
    dataOf(await t.gql(UPDATE, { input: { id: hook.id, active: false } }, a.ownerToken), 'updateWebhook');
  });

  it('does not retry a 400; redeliverWebhook sends it again with the same event id', async () => {
    const hook = await webhook(a.ownerToken, ['ACT_SIGNED'], [400]);
    await signedAct(a.ownerToken, clientId);
    const [d] = await settled(a.ownerToken, hook.id);
    expect(d).toMatchObject({ status: 'FAILED', attempts: 1, lastResponseStatus: 400, nextRetryAt: null, deliveredAt: null });
    expect(d.lastError).toContain('refused with 400');
    await sleep(1500);
    expect(receiver.at(hook.path)).toHaveLength(1);
    const again = dataOf(await t.gql(REDELIVER, { deliveryId: d.id }, a.ownerToken), 'redeliverWebhook');
    expect(again).toMatchObject({ id: d.id, status: 'PENDING' });
    const [after] = await settled(a.ownerToken, hook.id);
    expect(after).toMatchObject({ status: 'DELIVERED', attempts: 2, eventId: d.eventId });
    expect(after.attemptLog.map((x: any) => x.responseStatus)).toEqual([400, 200]);
    expect(receiver.at(hook.path)).toHaveLength(2);
    dataOf(await t.gql(UPDATE, { input: { id: hook.id, active: false } }, a.ownerToken), 'updateWebhook');
  });

  it('signs with the new secret after a rotation; the old one no longer verifies', async () => {
    const hook = await webhook(a.ownerToken, ['ACT_SIGNED']);
    const rotated = dataOf(await t.gql(ROTATE, { id: hook.id }, a.ownerToken), 'rotateWebhookSecret');
    expect(rotated.secret).not.toBe(hook.secret);
    await signedAct(a.ownerToken, clientId);
    await settled(a.ownerToken, hook.id);
    const [h] = receiver.at(hook.path);
    const header = { timestamp: h.headers['x-webhook-timestamp'] as string, signature: h.headers['x-webhook-signature'] as string };
    expect(verifyWebhookSignature(rotated.secret, header, h.body)).toBe(true);
    expect(verifyWebhookSignature(hook.secret, header, h.body)).toBe(false);
    dataOf(await t.gql(UPDATE, { input: { id: hook.id, active: false } }, a.ownerToken), 'updateWebhook');
  });

  it('sends nothing to a paused webhook or one not subscribed to the event', async () => {
    const paused = await webhook(a.ownerToken, ['ACT_SIGNED']);
    dataOf(await t.gql(UPDATE, { input: { id: paused.id, active: false } }, a.ownerToken), 'updateWebhook');
    const other = await webhook(a.ownerToken, ['INVOICE_OVERDUE']);
    const listening = await webhook(a.ownerToken, ['ACT_SIGNED']);
    await signedAct(a.ownerToken, clientId);
    await settled(a.ownerToken, listening.id);
    expect(await deliveries(a.ownerToken, paused.id)).toEqual([]);
    expect(await deliveries(a.ownerToken, other.id)).toEqual([]);
    expect(receiver.at(paused.path)).toHaveLength(0);
    dataOf(await t.gql(UPDATE, { input: { id: listening.id, active: false } }, a.ownerToken), 'updateWebhook');
    dataOf(await t.gql(UPDATE, { input: { id: other.id, active: false } }, a.ownerToken), 'updateWebhook');
  });

  it('retries when nothing answers and gives up after 8 attempts, each logged with the network error', async () => {
    // a port nothing listens on: connection refused, no status
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/gone`;
    await new Promise<void>((r) => closed.close(() => r()));
    const made = dataOf(await t.gql(CREATE, { input: { url: deadUrl, events: ['ACT_SIGNED'] } }, a.ownerToken), 'createWebhook');
    await signedAct(a.ownerToken, clientId);
    const [d] = await eventually(() => deliveries(a.ownerToken, made.webhook.id), (l) => l[0]?.status === 'FAILED', 30_000, 'retries exhausted');
    expect(d).toMatchObject({ status: 'FAILED', attempts: 8, lastResponseStatus: null, nextRetryAt: null, deliveredAt: null });
    expect(d.attemptLog.map((x: any) => x.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(d.attemptLog.every((x: any) => x.responseStatus === null && /ECONNREFUSED/.test(x.error))).toBe(true);
    const w = expectOk(await t.gql(LIST, {}, a.ownerToken)).webhooks.edges.map((e: any) => e.node).find((x: any) => x.id === made.webhook.id);
    expect(w).toMatchObject({ active: true, consecutiveFailures: 8 });
    dataOf(await t.gql(UPDATE, { input: { id: made.webhook.id, active: false } }, a.ownerToken), 'updateWebhook');
  });

  it('pages the delivery log newest first', async () => {
    const hook = await webhook(a.ownerToken, ['ACT_SIGNED']);
    const first = await signedAct(a.ownerToken, clientId);
    const second = await signedAct(a.ownerToken, clientId);
    await settled(a.ownerToken, hook.id, 2);
    const page1 = expectOk(await t.gql(DELIVERIES, { webhookId: hook.id, first: 1 }, a.ownerToken)).webhookDeliveries;
    expect(page1.totalCount).toBe(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = expectOk(await t.gql(DELIVERIES, { webhookId: hook.id, first: 1, after: page1.pageInfo.endCursor }, a.ownerToken)).webhookDeliveries;
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const actOf = (p: any) => JSON.parse(p.edges[0].node.body).data.actId;
    expect([actOf(page1), actOf(page2)]).toEqual([second, first]);
    dataOf(await t.gql(UPDATE, { input: { id: hook.id, active: false } }, a.ownerToken), 'updateWebhook');
  });

  it('disables a webhook at its 20th failure in a row and says why; redelivery is refused until it is enabled again', async () => {
    const hook = await webhook(a.ownerToken, ['ACT_SIGNED'], [400]);
    // 19 failures already counted (sending 19 real events would only make the test slow)
    await t.ds.query(`UPDATE webhooks SET "consecutiveFailures" = 19 WHERE id = $1`, [hook.id]);
    await signedAct(a.ownerToken, clientId);
    const [d] = await settled(a.ownerToken, hook.id);
    expect(d.status).toBe('FAILED');
    const w = expectOk(await t.gql(LIST, {}, a.ownerToken)).webhooks.edges.map((e: any) => e.node).find((x: any) => x.id === hook.id);
    expect(w).toMatchObject({ active: false, consecutiveFailures: 20 });
    expect(w.disabledAt).not.toBeNull();
    expect(w.disabledReason).toMatch(/20/);
    expect(w.disabledReason).toContain('400');
    expect(expectCode(await t.gql(REDELIVER, { deliveryId: d.id }, a.ownerToken), 'CONFLICT').reason).toBe('WEBHOOK_DISABLED');
    const [unchanged] = await deliveries(a.ownerToken, hook.id);
    expect(unchanged).toMatchObject({ status: 'FAILED', attempts: 1 });
    const enabled = dataOf(await t.gql(UPDATE, { input: { id: hook.id, active: true } }, a.ownerToken), 'updateWebhook');
    expect(enabled).toMatchObject({ active: true, consecutiveFailures: 0, disabledAt: null, disabledReason: null });
    dataOf(await t.gql(REDELIVER, { deliveryId: d.id }, a.ownerToken), 'redeliverWebhook');
    expect((await settled(a.ownerToken, hook.id))[0]).toMatchObject({ status: 'DELIVERED', attempts: 2 });
    dataOf(await t.gql(UPDATE, { input: { id: hook.id, active: false } }, a.ownerToken), 'updateWebhook');
  });
});

describe('events', () => {
  it('delivers KPI_DEVIATION_OPENED when recorded figures open a deviation (and not again while it stays open)', async () => {
    const a = await registerAgency(t);
    // recent days: figures of a day arrive a day or two later, while its period still takes them
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const [START, D1, D2, END] = [day(-10), day(-2), day(-1), day(20)];
    const client = await createClient(t, a.ownerToken);
    const hook = await webhook(a.ownerToken, ['KPI_DEVIATION_OPENED']);
    const channels = expectOk(await t.gql(CHANNELS, {}, a.ownerToken)).campaignChannels;
    const input = { clientId: client.id, channelId: channels[0].id, name: 'Поиск', budget: '28000.00', currency: 'RUB', startDate: START, endDate: END };
    const { id } = dataOf(await t.gql(CREATE_CAMPAIGN, { input }, a.ownerToken), 'createCampaign');
    dataOf(await t.gql(SET_TARGETS, { input: { campaignId: id, targets: [{ metric: 'CLICKS', plan: '100', period: 'DAY' }] } }, a.ownerToken), 'setKpiTargets', 'Campaign');
    for (const item of ITEMS) dataOf(await t.gql(CHECK, { input: { campaignId: id, item } }, a.ownerToken), 'checkLaunchItem');
    dataOf(await t.gql(LAUNCH, { id }, a.ownerToken), 'launchCampaign', 'Campaign');
    // on plan: nothing opens
    dataOf(await t.gql(RECORD, { input: { campaignId: id, measurements: [{ metric: 'CLICKS', date: D1, value: '100' }] } }, a.ownerToken), 'recordKpiMeasurements');
    // half the plan on the 5th: a deviation opens
    dataOf(await t.gql(RECORD, { input: { campaignId: id, measurements: [{ metric: 'CLICKS', date: D2, value: '50' }] } }, a.ownerToken), 'recordKpiMeasurements');
    // the same day worse still: the open deviation is updated, no new event
    dataOf(await t.gql(RECORD, { input: { campaignId: id, measurements: [{ metric: 'CLICKS', date: D2, value: '40' }] } }, a.ownerToken), 'recordKpiMeasurements');
    const [d] = await settled(a.ownerToken, hook.id);
    expect(d.status).toBe('DELIVERED');
    const body = JSON.parse(receiver.at(hook.path)[0].body);
    expect(body).toMatchObject({
      type: 'KPI_DEVIATION_OPENED',
      agencyId: a.agencyId,
      data: { campaignId: id, campaignName: 'Поиск', clientId: client.id, metric: 'CLICKS', periodStart: D2, periodEnd: D2, plan: '100.0000', actual: '50.0000', severity: 'ACT' },
    });
    expect(body.data.deviationId).toEqual(expect.any(String));
    await sleep(1000);
    expect(receiver.at(hook.path)).toHaveLength(1);
  });

  it('emits INVOICE_OVERDUE once per invoice that is unpaid past its due date (agency time zone), not for a paid one', async () => {
    const a = await registerAgency(t);
    const client = await createClient(t, a.ownerToken);
    const hook = await webhook(a.ownerToken, ['INVOICE_OVERDUE']);
    const overdue = await issuedInvoice(t, a.ownerToken, client.id, { dueDate: '2026-10-15' });
    await paidInvoice(t, a.ownerToken, client.id, { dueDate: '2026-10-15' });
    const notYet = await issuedInvoice(t, a.ownerToken, client.id, { dueDate: '2099-12-31' });
    const first = await sweepOverdueInvoices(t.services);
    expect(first.failed).toBe(0);
    const second = await sweepOverdueInvoices(t.services);
    expect(second.emitted).toBe(0);
    const list = await settled(a.ownerToken, hook.id);
    expect(list).toHaveLength(1);
    const body = JSON.parse(list[0].body);
    expect(body).toMatchObject({ type: 'INVOICE_OVERDUE', data: { invoiceId: overdue.id, number: overdue.number, clientId: client.id, dueDate: '2026-10-15', currency: 'RUB', balanceDue: overdue.balanceDue } });
    expect(JSON.stringify(receiver.at(hook.path).map((h) => JSON.parse(h.body).data.invoiceId))).not.toContain(notYet.id);
    expect(receiver.at(hook.path)).toHaveLength(1);
  });
});

describe('overdue in the agency time zone', () => {
  it("emits when the due date has passed in the agency's zone, not yet where that day is still running", async () => {
    const east = await registerAgency(t);
    const west = await registerAgency(t);
    await updateAgencySettings(t, east.ownerToken, { timeZone: 'Pacific/Kiritimati' });
    await updateAgencySettings(t, west.ownerToken, { timeZone: 'America/Los_Angeles' });
    const hooks = [];
    for (const a of [east, west]) {
      const client = await createClient(t, a.ownerToken);
      hooks.push(await webhook(a.ownerToken, ['INVOICE_OVERDUE']));
      await issuedInvoice(t, a.ownerToken, client.id, { dueDate: '2026-10-15' });
    }
    // 12:00 UTC on the due date: 02:00 on the 16th in Kiritimati (UTC+14), 05:00 on the 15th in Los Angeles
    await sweepOverdueInvoices(t.services, new Date('2026-10-15T12:00:00Z'));
    expect((await settled(east.ownerToken, hooks[0].id)).map((d) => d.eventType)).toEqual(['INVOICE_OVERDUE']);
    expect(await deliveries(west.ownerToken, hooks[1].id)).toEqual([]);
    // the next day in Los Angeles too
    await sweepOverdueInvoices(t.services, new Date('2026-10-16T08:00:00Z'));
    await settled(west.ownerToken, hooks[1].id);
    expect(await deliveries(east.ownerToken, hooks[0].id)).toHaveLength(1);
  });
});

describe('access', () => {
  let a: AgencyActors;
  let b: AgencyActors;
  let hook: { id: string; secret: string; path: string; url: string };
  let deliveryId: string;
  let manager: string;
  let portal: string;
  beforeAll(async () => {
    a = await registerAgency(t);
    b = await registerAgency(t);
    const client = await createClient(t, a.ownerToken);
    manager = (await createUser(t, a.ownerToken, 'MANAGER')).token;
    portal = (await createUser(t, a.ownerToken, 'CLIENT', client.id)).token;
    hook = await webhook(a.ownerToken, ['ACT_SIGNED'], [400]);
    await signedAct(a.ownerToken, client.id);
    deliveryId = (await settled(a.ownerToken, hook.id))[0].id;
  });

  async function stateOfA() {
    const hooks = expectOk(await t.gql(LIST, {}, a.ownerToken)).webhooks;
    return { hooks, deliveries: await deliveries(a.ownerToken, hook.id), hits: receiver.at(hook.path).length };
  }

  it('another agency neither sees nor changes the webhooks or deliveries (NOT_FOUND, as if missing), and nothing changes', async () => {
    const before = await stateOfA();
    expect(expectOk(await t.gql(LIST, {}, b.ownerToken)).webhooks.totalCount).toBe(0);
    expectCode(await t.gql(DELIVERIES, { webhookId: hook.id }, b.ownerToken), 'NOT_FOUND');
    expectCode(await t.gql(UPDATE, { input: { id: hook.id, url: receiver.base + '/stolen', active: false } }, b.ownerToken), 'NOT_FOUND');
    expectCode(await t.gql(DELETE, { id: hook.id }, b.ownerToken), 'NOT_FOUND');
    expectCode(await t.gql(ROTATE, { id: hook.id }, b.ownerToken), 'NOT_FOUND');
    expectCode(await t.gql(REDELIVER, { deliveryId }, b.ownerToken), 'NOT_FOUND');
    await sleep(800);
    expect(await stateOfA()).toEqual(before);
  });

  it('managers and portal users are FORBIDDEN everything about webhooks', async () => {
    const before = await stateOfA();
    for (const token of [manager, portal]) {
      expectCode(await t.gql(LIST, {}, token), 'FORBIDDEN');
      expectCode(await t.gql(DELIVERIES, { webhookId: hook.id }, token), 'FORBIDDEN');
      expectCode(await t.gql(CREATE, { input: { url: receiver.base + '/m', events: ['ACT_SIGNED'] } }, token), 'FORBIDDEN');
      expectCode(await t.gql(UPDATE, { input: { id: hook.id, active: false } }, token), 'FORBIDDEN');
      expectCode(await t.gql(DELETE, { id: hook.id }, token), 'FORBIDDEN');
      expectCode(await t.gql(ROTATE, { id: hook.id }, token), 'FORBIDDEN');
      expectCode(await t.gql(REDELIVER, { deliveryId }, token), 'FORBIDDEN');
    }
    expect(await stateOfA()).toEqual(before);
  });

  it('the owner deletes a webhook with its log', async () => {
    expect(dataOf(await t.gql(DELETE, { id: hook.id }, a.ownerToken), 'deleteWebhook')).toBe(hook.id);
    expect(expectOk(await t.gql(LIST, {}, a.ownerToken)).webhooks.totalCount).toBe(0);
    expectCode(await t.gql(DELIVERIES, { webhookId: hook.id }, a.ownerToken), 'NOT_FOUND');
    expectCode(await t.gql(REDELIVER, { deliveryId }, a.ownerToken), 'NOT_FOUND');
  });
});
