/**
 * Upsell without cannibalization: the seeded and edited channel competition matrix, suggestions
 * scored from similar clients' results and the client's 70/20/10 mix, the ones competing with the
 * client's main channel hidden (or flagged on request), and a suggestion turned into a deal.
 * Campaigns and their SPEND / REVENUE figures are pinned with SQL so the scores are exact.
 */
import { startTestApp, TestApp } from '../support/app';
import { AgencyActors, createClient, createUser, MISSING_ID, registerAgency } from '../support/factories';
import { expectBadInput, expectCode, expectOk } from '../support/expect';

const MATRIX = /* GraphQL */ `{ channelCompetitions { id reason channel { id name } competitor { id name } } }`;
const SET = /* GraphQL */ `
  mutation S($input: SetChannelCompetitionInput!) { setChannelCompetition(input: $input) { id reason channel { name } competitor { name } } }
`;
const REMOVE = /* GraphQL */ `mutation R($input: RemoveChannelCompetitionInput!) { removeChannelCompetition(input: $input) }`;
const SUGGEST = /* GraphQL */ `
  query U($clientId: ID!, $all: Boolean) {
    upsellSuggestions(clientId: $clientId, includeCannibalizing: $all) {
      clientId segment hiddenCannibalizing
      mainChannel { name } mainChannelSpend { amount currency }
      suggestions { channel { id name } score similarClients similarClientsUsing averageRomiPercent mixGapPercent cannibalizes cannibalizationReason }
    }
  }
`;
const FROM_SUGGESTION = /* GraphQL */ `
  mutation D($input: CreateDealFromSuggestionInput!) { createDealFromSuggestion(input: $input) { id clientId title product amount currency stage status managerId } }
`;
const DEAL = /* GraphQL */ `query G($id: ID!) { deal(id: $id) { id title product stage status } }`;

let t: TestApp;
let a: AgencyActors;
let b: AgencyActors;
let x: string;
let channel: Record<string, string>;

async function sql(statement: string, params: unknown[] = []): Promise<any[]> {
  return t.ds.query(statement, params);
}

/** A campaign of the client on the channel, with its total SPEND and REVENUE figures. */
async function campaign(agencyId: string, clientId: string, channelId: string, spend: string | null, revenue: string | null = null, budget = '1000.00') {
  const [{ id }] = await sql(
    `INSERT INTO campaigns ("agencyId", "clientId", "channelId", name, budget, currency, "startDate", "endDate", status)
     VALUES ($1, $2, $3, 'Кампания', $4, 'RUB', '2026-01-01', '2026-06-30', 'LAUNCHED') RETURNING id`,
    [agencyId, clientId, channelId, budget],
  );
  for (const [metric, value] of [['SPEND', spend], ['REVENUE', revenue]] as const) {
    if (value !== null) {
      await sql(`INSERT INTO kpi_measurements ("agencyId", "clientId", "campaignId", metric, date, value) VALUES ($1, $2, $3, $4, '2026-01-10', $5)`, [agencyId, clientId, id, metric, value]);
    }
  }
}

async function suggestions(clientId: string, all = false, token = a.ownerToken) {
  return expectOk(await t.gql(SUGGEST, { clientId, all }, token)).upsellSuggestions;
}

beforeAll(async () => {
  t = await startTestApp();
  a = await registerAgency(t);
  b = await registerAgency(t);
  const channels = expectOk(await t.gql('{ campaignChannels { id name } }', {}, a.ownerToken)).campaignChannels;
  channel = Object.fromEntries(channels.map((c: any) => [c.name, c.id]));
  x = (await createClient(t, a.ownerToken, { name: 'X', companySize: 'SMALL' })).id;
  const y = (await createClient(t, a.ownerToken, { name: 'Y', companySize: 'SMALL' })).id;
  const z = (await createClient(t, a.ownerToken, { name: 'Z', companySize: 'LARGE' })).id;
  // X: Yandex Direct is the main channel (spend 1000 against 200 on SMM)
  await campaign(a.agencyId, x, channel['Яндекс Директ']!, '1000.0000', '1500.0000');
  await campaign(a.agencyId, x, channel.SMM!, '200.0000');
  // Y (same size): Email spent 100 and brought 400 (ROMI 300 %)
  await campaign(a.agencyId, y, channel.Email!, '100.0000', '400.0000');
  // Z (another size): TikTok, with a huge return that must not count for X
  await campaign(a.agencyId, z, channel['TikTok Ads']!, '10.0000', '10000.0000');
});

afterAll(async () => {
  await t.close();
});

describe('channel competition matrix', () => {
  it('is seeded with the usual pairs, with reasons in the agency language', async () => {
    const pairs = expectOk(await t.gql(MATRIX, {}, a.ownerToken)).channelCompetitions;
    const names = pairs.map((p: any) => [p.channel.name, p.competitor.name].sort().join(' / ')).sort();
    expect(names).toEqual(
      [
        'Google Ads / SEO',
        'SEO / Яндекс Директ',
        'SMM / Telegram Ads',
        'SMM / VK Реклама',
        'Meta / SMM',
        'Programmatic / Яндекс Директ',
      ].sort(),
    );
    const seo = pairs.find((p: any) => [p.channel.name, p.competitor.name].includes('SEO') && [p.channel.name, p.competitor.name].includes('Яндекс Директ'));
    expect(seo.reason).toBe('Поисковая реклама по тем же запросам забирает клики, которые принесла бы органическая выдача');
    // seeding happens once
    expect(expectOk(await t.gql(MATRIX, {}, a.ownerToken)).channelCompetitions).toHaveLength(6);
  });

  it('refuses a channel competing with itself and a channel it cannot see', async () => {
    expectBadInput(await t.gql(SET, { input: { channelId: channel.SEO, competitorId: channel.SEO, reason: 'x' } }, a.ownerToken), 'input.competitorId');
    expectCode(await t.gql(SET, { input: { channelId: channel.SEO, competitorId: MISSING_ID, reason: 'x' } }, a.ownerToken), 'NOT_FOUND');
    expectBadInput(await t.gql(SET, { input: { channelId: channel.SEO, competitorId: channel.Email, reason: '' } }, a.ownerToken), 'input.reason');
    expect(expectOk(await t.gql(MATRIX, {}, a.ownerToken)).channelCompetitions).toHaveLength(6);
  });
});

describe('upsellSuggestions', () => {
  it('ranks the channels the client does not use and hides those competing with its main channel', async () => {
    const s = await suggestions(x);
    expect(s).toMatchObject({ clientId: x, segment: 'SMALL', mainChannel: { name: 'Яндекс Директ' }, mainChannelSpend: { amount: '1000.00', currency: 'RUB' }, hiddenCannibalizing: 2 });
    const rows = s.suggestions.map((r: any) => [r.channel.name, r.score, r.similarClientsUsing, r.averageRomiPercent, r.mixGapPercent, r.cannibalizes]);
    // Email: 40 × 1/1 (Y uses it) + 40 × 300 %/300 % + 20 × (70 − 50)/70 = 85.71
    // TikTok: only the other-size client uses it: 20 × (10 − 0)/10 = 20; proven channels: 20 × 20/70 = 5.71; uncertain ones are at 50 % ≥ 20 %
    expect(rows).toEqual([
      ['Email', 85.71, 1, 300, 20, false],
      ['TikTok Ads', 20, 0, null, 10, false],
      ['Google Ads', 5.71, 0, null, 20, false],
      ['VK Реклама', 5.71, 0, null, 20, false],
      ['Meta', 0, 0, null, 0, false],
      ['Telegram Ads', 0, 0, null, 0, false],
    ]);
    expect(s.suggestions.every((r: any) => r.similarClients === 1)).toBe(true);
  });

  it('lists the competing ones flagged with the reason when asked', async () => {
    const s = await suggestions(x, true);
    expect(s.hiddenCannibalizing).toBe(0);
    const flagged = s.suggestions.filter((r: any) => r.cannibalizes).map((r: any) => [r.channel.name, r.cannibalizationReason]);
    // in score order: Programmatic (experimental, 20) before SEO (proven, 5.71)
    expect(flagged).toEqual([
      ['Programmatic', 'Programmatic и РСЯ догоняют одних и тех же пользователей: одна конверсия оплачивается дважды'],
      ['SEO', 'Поисковая реклама по тем же запросам забирает клики, которые принесла бы органическая выдача'],
    ]);
    expect(s.suggestions).toHaveLength(8);
  });

  it('follows the edited matrix', async () => {
    const set = expectOk(await t.gql(SET, { input: { channelId: channel.Email, competitorId: channel['Яндекс Директ'], reason: 'Рассылка по тем же лидам' } }, a.ownerToken)).setChannelCompetition;
    expect(set.reason).toBe('Рассылка по тем же лидам');
    expect(expectOk(await t.gql(REMOVE, { input: { channelId: channel['Яндекс Директ'], competitorId: channel.SEO } }, a.ownerToken)).removeChannelCompetition).toBe(true);
    expect(expectOk(await t.gql(REMOVE, { input: { channelId: channel['Яндекс Директ'], competitorId: channel.SEO } }, a.ownerToken)).removeChannelCompetition).toBe(false);
    const s = await suggestions(x);
    const names = s.suggestions.map((r: any) => r.channel.name);
    expect(names).not.toContain('Email');
    expect(names).toContain('SEO');
    expect(s.hiddenCannibalizing).toBe(2);
    const pairs = expectOk(await t.gql(MATRIX, {}, a.ownerToken)).channelCompetitions;
    expect(pairs).toHaveLength(6);
  });

  it('is NOT_FOUND for a missing client', async () => {
    expectCode(await t.gql(SUGGEST, { clientId: MISSING_ID }, a.ownerToken), 'NOT_FOUND');
  });
});

describe('createDealFromSuggestion', () => {
  it('opens a deal for the channel in one mutation', async () => {
    const deal = expectOk(await t.gql(FROM_SUGGESTION, { input: { clientId: x, channelId: channel.Email, amount: '25000.00' } }, a.ownerToken)).createDealFromSuggestion;
    expect(deal).toMatchObject({ clientId: x, title: 'Дополнительная услуга: Email', product: 'Email', amount: '25000.00', currency: 'RUB', stage: 'PRESENTATION', status: 'OPEN' });
    expect(expectOk(await t.gql(DEAL, { id: deal.id }, a.ownerToken)).deal).toMatchObject({ id: deal.id, product: 'Email', status: 'OPEN' });
  });

  it('refuses a client or channel it cannot see, creating nothing', async () => {
    const [{ n: before }] = await sql('SELECT COUNT(*)::int AS n FROM deals');
    expectCode(await t.gql(FROM_SUGGESTION, { input: { clientId: MISSING_ID, channelId: channel.Email } }, a.ownerToken), 'NOT_FOUND');
    expectCode(await t.gql(FROM_SUGGESTION, { input: { clientId: x, channelId: MISSING_ID } }, a.ownerToken), 'NOT_FOUND');
    const [{ n: after }] = await sql('SELECT COUNT(*)::int AS n FROM deals');
    expect(after).toBe(before);
  });
});

describe('another agency and the portal', () => {
  it("another agency sees nothing of this agency's matrix, suggestions or clients, and cannot change them", async () => {
    const theirs = expectOk(await t.gql(MATRIX, {}, b.ownerToken)).channelCompetitions;
    expect(theirs).toHaveLength(6);
    const ours = expectOk(await t.gql(MATRIX, {}, a.ownerToken)).channelCompetitions;
    const ourIds = new Set(ours.flatMap((p: any) => [p.id, p.channel.id, p.competitor.id]));
    expect(theirs.some((p: any) => ourIds.has(p.id) || ourIds.has(p.channel.id) || ourIds.has(p.competitor.id))).toBe(false);
    expect(theirs.map((p: any) => p.reason)).not.toContain('Рассылка по тем же лидам');

    expectCode(await t.gql(SUGGEST, { clientId: x }, b.ownerToken), 'NOT_FOUND');
    expectCode(await t.gql(SET, { input: { channelId: channel.Email, competitorId: channel.SEO, reason: 'x' } }, b.ownerToken), 'NOT_FOUND');
    expectCode(await t.gql(REMOVE, { input: { channelId: channel.Email, competitorId: channel['Яндекс Директ'] } }, b.ownerToken), 'NOT_FOUND');
    expectCode(await t.gql(FROM_SUGGESTION, { input: { clientId: x, channelId: channel.Email } }, b.ownerToken), 'NOT_FOUND');
    // our edit is intact
    expect(expectOk(await t.gql(MATRIX, {}, a.ownerToken)).channelCompetitions.map((p: any) => p.reason)).toContain('Рассылка по тем же лидам');
  });

  it('a portal user is refused every upsell operation', async () => {
    const portal = await createUser(t, a.ownerToken, 'CLIENT', x);
    expectCode(await t.gql(MATRIX, {}, portal.token), 'FORBIDDEN');
    expectCode(await t.gql(SUGGEST, { clientId: x }, portal.token), 'FORBIDDEN');
    expectCode(await t.gql(SET, { input: { channelId: channel.Email, competitorId: channel.SEO, reason: 'x' } }, portal.token), 'FORBIDDEN');
    expectCode(await t.gql(REMOVE, { input: { channelId: channel.Email, competitorId: channel['Яндекс Директ'] } }, portal.token), 'FORBIDDEN');
    expectCode(await t.gql(FROM_SUGGESTION, { input: { clientId: x, channelId: channel.Email } }, portal.token), 'FORBIDDEN');
  });

  it('a manager may use them', async () => {
    const m = await createUser(t, a.ownerToken, 'MANAGER');
    expect((await suggestions(x, false, m.token)).mainChannel.name).toBe('Яндекс Директ');
  });
});
