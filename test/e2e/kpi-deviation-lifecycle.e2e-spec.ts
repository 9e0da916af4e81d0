/**
 * The lifecycle of KPI deviations past their period, as the agency reads it: a deviation whose
 * period ended closes with PERIOD_ENDED and the period's final figures when figures are recorded
 * for the campaign, when the hourly job runs (in each agency's own day), or when the campaign
 * ends (CAMPAIGN_ENDED for those still running); a late figure updates the closed row and never
 * reopens it, and a period that never deviated gets no deviation afterwards; the control point
 * goes away with it.
 *
 * Targets are daily (a day is a period). A period stays open for late figures until SETTLE_DAYS
 * after its last day; "yesterday" below is the first settled day before today. A deviation of it
 * is opened the way it would have been then: by recording with the engine's clock set to that day.
 */
import { closeEndedPeriodsEverywhere } from '../../src/jobs/kpi-deviations.job';
import { recordKpiMeasurements } from '../../src/services/kpi-measurement.service';
import { SETTLE_DAYS } from '../../src/services/kpi-measurement.rules';
import { addDays, localDate } from '../../src/services/time';
import { startTestApp, TestApp } from '../support/app';
import { dataOf, expectOk } from '../support/expect';
import { AgencyActors, createClient, registerAgency } from '../support/factories';
import { actorContext } from '../support/jobs';
import { KpiMetric } from '../../src/entities/enums';

let t: TestApp;
let a: AgencyActors;
let clientId: string;
const TZ = 'Europe/Moscow';
const today = localDate(new Date(), TZ);
/** A day settled as of today (more than SETTLE_DAYS ago): its period has ended for the engine. */
const yesterday = addDays(today, -(SETTLE_DAYS + 1));

const ITEMS = ['WEBSITE', 'WEB_ANALYTICS', 'KPI', 'CAMPAIGN_STRUCTURE', 'KEYWORD_SELECTION', 'AD_QUALITY', 'CAMPAIGN_SETTINGS'];
const CHANNELS = /* GraphQL */ `query { campaignChannels { id name } }`;
const CREATE = /* GraphQL */ `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`;
const SET_TARGETS = /* GraphQL */ `mutation ($input: SetKpiTargetsInput!) { setKpiTargets(input: $input) { __typename } }`;
const CHECK = /* GraphQL */ `mutation ($input: CheckLaunchItemInput!) { checkLaunchItem(input: $input) { id } }`;
const LAUNCH = /* GraphQL */ `mutation ($id: ID!) { launchCampaign(id: $id) { __typename } }`;
const COMPLETE = /* GraphQL */ `mutation ($id: ID!) { completeCampaign(id: $id) { __typename } }`;
const CANCEL = /* GraphQL */ `mutation ($id: ID!, $reason: String!) { cancelCampaign(id: $id, reason: $reason) { __typename } }`;
const RECORD = /* GraphQL */ `mutation ($input: RecordKpiMeasurementsInput!) { recordKpiMeasurements(input: $input) { id } }`;
const DEVIATIONS = /* GraphQL */ `query ($id: ID!) { campaign(id: $id) { deviations { id periodStart periodEnd plan actual deviationPercent severity closedAt closeReason } } }`;
const CONTROL_POINTS = /* GraphQL */ `
  query ($filter: ControlPointFilter) { controlPoints(filter: $filter, first: 100) { edges { node { kind objectId } } } }
`;

beforeAll(async () => {
  t = await startTestApp();
  a = await registerAgency(t, { timeZone: TZ });
  clientId = (await createClient(t, a.ownerToken)).id;
});
afterAll(() => t?.close());

/** A launched campaign around today with a daily CLICKS target of 100 (higher is better). */
async function launched(name: string): Promise<string> {
  const channels = expectOk(await t.gql(CHANNELS, {}, a.ownerToken)).campaignChannels;
  const input = { clientId, channelId: channels[0].id, name, budget: '30000.00', currency: 'RUB', startDate: addDays(today, -10), endDate: addDays(today, 19) };
  const { id } = dataOf(await t.gql(CREATE, { input }, a.ownerToken), 'createCampaign');
  dataOf(await t.gql(SET_TARGETS, { input: { campaignId: id, targets: [{ metric: 'CLICKS', plan: '100', period: 'DAY' }] } }, a.ownerToken), 'setKpiTargets', 'Campaign');
  for (const item of ITEMS) dataOf(await t.gql(CHECK, { input: { campaignId: id, item } }, a.ownerToken), 'checkLaunchItem');
  dataOf(await t.gql(LAUNCH, { id }, a.ownerToken), 'launchCampaign', 'Campaign');
  return id;
}

/** Noon of a day in the agency's zone (Moscow is UTC+3 all year). */
const noonOf = (day: string) => new Date(`${day}T09:00:00Z`);

/** Records clicks the way the engine saw them on `asOfDay` (its clock set to that day). */
async function recordAsOf(campaignId: string, asOfDay: string, clicks: Record<string, string>): Promise<void> {
  const ctx = actorContext(t, { agencyId: a.agencyId, userId: a.ownerId });
  const measurements = Object.entries(clicks).map(([date, value]) => ({ metric: KpiMetric.CLICKS, date, value }));
  await recordKpiMeasurements(ctx, { campaignId, measurements }, noonOf(asOfDay));
}

/** Records clicks now, through the API. */
async function record(campaignId: string, clicks: Record<string, string>): Promise<void> {
  const measurements = Object.entries(clicks).map(([date, value]) => ({ metric: 'CLICKS', date, value }));
  dataOf(await t.gql(RECORD, { input: { campaignId, measurements } }, a.ownerToken), 'recordKpiMeasurements');
}

const deviations = async (id: string) => expectOk(await t.gql(DEVIATIONS, { id }, a.ownerToken)).campaign.deviations;
const deviationPoints = async () =>
  expectOk(await t.gql(CONTROL_POINTS, { filter: { clientId, kinds: ['KPI_DEVIATION_OPEN'] } }, a.ownerToken)).controlPoints.edges.map(
    (e: { node: { objectId: string } }) => e.node.objectId,
  );

describe('recording figures after the period', () => {
  it('closes the ended period with PERIOD_ENDED and its final figures; late figures update it without reopening; none is created afterwards', async () => {
    const id = await launched('Past week');
    await recordAsOf(id, yesterday, { [yesterday]: '50' });
    const [opened] = await deviations(id);
    expect(opened).toMatchObject({ periodStart: yesterday, periodEnd: yesterday, actual: '50.00', severity: 'ACT', closedAt: null, closeReason: null });
    expect(await deviationPoints()).toContain(opened.id);

    // figures of today, on plan: the engine also closes what has ended meanwhile
    await record(id, { [today]: '100' });
    let rows = await deviations(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: opened.id, closeReason: 'PERIOD_ENDED', actual: '50.00', severity: 'ACT', deviationPercent: '-50.00' });
    expect(rows[0].closedAt).toEqual(expect.any(String));
    expect(await deviationPoints()).not.toContain(opened.id);

    // a late figure of the ended day: the same row takes it and stays closed
    await record(id, { [yesterday]: '80' });
    rows = await deviations(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: opened.id, closeReason: 'PERIOD_ENDED', closedAt: rows[0].closedAt, actual: '80.00', severity: 'ACT', deviationPercent: '-20.00' });
    // back within band late: still closed, with the final figures
    await record(id, { [yesterday]: '95' });
    expect((await deviations(id))[0]).toMatchObject({ id: opened.id, closeReason: 'PERIOD_ENDED', actual: '95.00', severity: 'NONE' });

    // a past day that never deviated while it ran does not get a deviation now
    await record(id, { [addDays(today, -(SETTLE_DAYS + 2))]: '10' });
    expect((await deviations(id)).map((d: { id: string }) => d.id)).toEqual([opened.id]);
    expect(await deviationPoints()).not.toContain(opened.id);
  });

  it("yesterday's figures arriving today still open yesterday's deviation: a period takes late figures for a few days", async () => {
    const id = await launched('Figures a day late');
    const dayBefore = addDays(today, -1);
    await record(id, { [dayBefore]: '50' });
    const [open] = await deviations(id);
    expect(open).toMatchObject({ periodStart: dayBefore, closedAt: null, closeReason: null, severity: 'ACT' });
    expect(await deviationPoints()).toContain(open.id);
  });

  it('today still runs: a deviation of today opens, and closes back within band', async () => {
    const id = await launched('Today');
    await record(id, { [today]: '50' });
    const [open] = await deviations(id);
    expect(open).toMatchObject({ periodStart: today, closedAt: null, closeReason: null, severity: 'ACT' });
    expect(await deviationPoints()).toContain(open.id);
    await record(id, { [today]: '100' });
    expect((await deviations(id))[0]).toMatchObject({ id: open.id, closeReason: 'BACK_WITHIN_BAND', actual: '50.00' });
    expect(await deviationPoints()).not.toContain(open.id);
  });
});

describe('ending a campaign', () => {
  it('completing it closes its open deviations: CAMPAIGN_ENDED for a running period, PERIOD_ENDED with final figures for an ended one', async () => {
    const id = await launched('Completed');
    // today's deviation, then yesterday's as seen yesterday: both open (the hourly job has not run yet)
    await recordAsOf(id, today, { [today]: '40' });
    await recordAsOf(id, yesterday, { [yesterday]: '50' });
    const before = (await deviations(id)).sort((x: { periodStart: string }, y: { periodStart: string }) => x.periodStart.localeCompare(y.periodStart));
    expect(before.map((d: { periodStart: string; closedAt: string | null }) => [d.periodStart, d.closedAt])).toEqual([
      [yesterday, null],
      [today, null],
    ]);
    expect(await deviationPoints()).toContain(before[1].id);

    dataOf(await t.gql(COMPLETE, { id }, a.ownerToken), 'completeCampaign', 'Campaign');
    const after = (await deviations(id)).sort((x: { periodStart: string }, y: { periodStart: string }) => x.periodStart.localeCompare(y.periodStart));
    expect(after.map((d: { periodStart: string; closeReason: string | null; actual: string }) => [d.periodStart, d.closeReason, d.actual])).toEqual([
      [yesterday, 'PERIOD_ENDED', '50.00'],
      [today, 'CAMPAIGN_ENDED', '40.00'],
    ]);
    expect(after.every((d: { closedAt: string | null }) => d.closedAt !== null)).toBe(true);
    expect(await deviationPoints()).not.toContain(before[1].id);

    // a late figure for the completed campaign updates the closed row, never reopens it
    await record(id, { [today]: '30' });
    expect((await deviations(id)).find((d: { periodStart: string }) => d.periodStart === today)).toMatchObject({ closeReason: 'CAMPAIGN_ENDED', actual: '30.00' });
    expect(await deviations(id)).toHaveLength(2);
  });

  it('cancelling it closes its open deviations with CAMPAIGN_ENDED', async () => {
    const id = await launched('Cancelled');
    await record(id, { [today]: '40' });
    expect((await deviations(id))[0].closedAt).toBeNull();
    dataOf(await t.gql(CANCEL, { id, reason: 'Client stopped' }, a.ownerToken), 'cancelCampaign', 'Campaign');
    expect((await deviations(id))[0]).toMatchObject({ closeReason: 'CAMPAIGN_ENDED', actual: '40.00' });
  });
});

describe('the hourly job kpi.close-ended-periods', () => {
  it('is scheduled every hour', async () => {
    expect(await t.services.queue.schedules()).toContainEqual({ name: 'kpi.close-ended-periods', cron: '5 * * * *' });
  });

  it("closes a period once it has ended in the agency's own day, with its final figures", async () => {
    const id = await launched('Closed by the job');
    await recordAsOf(id, yesterday, { [yesterday]: '50' });
    const [open] = await deviations(id);
    expect(open.closedAt).toBeNull();

    // 23:00 in Moscow (20:00 UTC) of the day before the period settles: it still runs there
    const lateEvening = new Date(`${addDays(today, -1)}T20:00:00Z`);
    await closeEndedPeriodsEverywhere(t.services, lateEvening);
    expect((await deviations(id))[0]).toMatchObject({ id: open.id, closedAt: null });
    expect(await deviationPoints()).toContain(open.id);

    // 00:30 in Moscow (21:30 UTC of the day before): settled there, though not yet in UTC
    const afterMidnight = new Date(`${addDays(today, -1)}T21:30:00Z`);
    const run = await closeEndedPeriodsEverywhere(t.services, afterMidnight);
    expect(run.closed).toBeGreaterThanOrEqual(1);
    expect((await deviations(id))[0]).toMatchObject({ id: open.id, closeReason: 'PERIOD_ENDED', actual: '50.00', severity: 'ACT' });
    expect(await deviationPoints()).not.toContain(open.id);

    // run again: nothing left to close for it
    await closeEndedPeriodsEverywhere(t.services, afterMidnight);
    expect(await deviations(id)).toHaveLength(1);
  });
});
