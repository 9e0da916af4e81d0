import type { CreatedApp } from '../app';
import type { AuthedContext } from '../context';
import { DEFAULT_TIME_ZONE } from '../entities/agency.entity';
import { KpiMetric, OptimizationCategory } from '../entities/enums';
import { logOptimization } from '../services/campaign-optimization.service';
import { recordKpiMeasurements } from '../services/kpi-measurement.service';
import { addDays, localDate } from '../services/time';
import type { DemoActivityLinks, DemoIds } from './demo-activity';

/**
 * The campaigns of the demo agency: three launched on different channels (one implementing the
 * accepted proposal, one overspending its budget, one the follow-up of a completed campaign whose
 * goals changed), 90 days of daily figures up to today, an optimization log, and a planned campaign
 * being checked before launch. Campaigns and their checklists go through the GraphQL API; the
 * figures and optimizations through the services with the day they happened as "now", so that the
 * deviation engine opens and closes deviations as it would have over those 90 days. The figures
 * are pseudo-random from a fixed seed: the same every run, only shifted with the day of seeding.
 */

type Exec = CreatedApp['execute'];

const DAYS = 90;
const ITEMS = ['WEBSITE', 'WEB_ANALYTICS', 'KPI', 'CAMPAIGN_STRUCTURE', 'KEYWORD_SELECTION', 'AD_QUALITY', 'CAMPAIGN_SETTINGS'];
/** Days (0 = the campaign's first) after which a batch of figures is recorded: few calls, each at the time it covers. */
const CUTS = [14, 30, 50, 60, DAYS - 1];

/** mulberry32: a small deterministic generator, so the demo looks the same on every start. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How one campaign behaves day by day (d = 0 … 89); every curve is a factor of the base. */
interface Behaviour {
  seed: number;
  /** spend a day */
  spend: number;
  cpc: number;
  /** percent */
  ctr: number;
  /** leads per click */
  leadRate: number;
  /** conversions (sales) per lead */
  saleRate: number;
  /** revenue per conversion */
  check: number;
  spendCurve?: (d: number) => number;
  cpcCurve?: (d: number) => number;
  ctrCurve?: (d: number) => number;
  leadCurve?: (d: number) => number;
}

const one = () => 1;
/** a little less on weekends, as search traffic does */
const weekday = (date: string) => ([0, 6].includes(new Date(date + 'T00:00:00Z').getUTCDay()) ? 0.9 : 1.04);
const money = (v: number) => v.toFixed(2);

/** The daily figures of days [from, to] of a campaign starting on `start`. */
function figures(b: Behaviour, start: string, from: number, to: number): { metric: KpiMetric; date: string; value: string }[] {
  const rnd = random(b.seed);
  const noise = (spread: number) => 1 + (rnd() * 2 - 1) * spread;
  const out: { metric: KpiMetric; date: string; value: string }[] = [];
  // the generator runs from day 0 every time, so a day's figures do not depend on the batch it is in
  for (let d = 0; d <= to; d++) {
    const date = addDays(start, d);
    const spend = b.spend * (b.spendCurve ?? one)(d) * weekday(date) * noise(0.04);
    const clicks = Math.round(spend / (b.cpc * (b.cpcCurve ?? one)(d) * noise(0.03)));
    const impressions = Math.round((clicks * 100) / (b.ctr * (b.ctrCurve ?? one)(d) * noise(0.04)));
    const leads = Math.round(clicks * b.leadRate * (b.leadCurve ?? one)(d) * noise(0.08));
    const conversions = Math.round(leads * b.saleRate * noise(0.1));
    const revenue = conversions * b.check * noise(0.1);
    if (d < from) continue;
    out.push(
      { metric: KpiMetric.SPEND, date, value: money(spend) },
      { metric: KpiMetric.CLICKS, date, value: String(clicks) },
      { metric: KpiMetric.IMPRESSIONS, date, value: String(impressions) },
      { metric: KpiMetric.LEADS, date, value: String(leads) },
      { metric: KpiMetric.CONVERSIONS, date, value: String(conversions) },
      { metric: KpiMetric.REVENUE, date, value: money(revenue) },
    );
  }
  return out;
}

/** An optimization done after the figures of day `day` were in, answering the deviations open on those metrics. */
interface Optimization {
  day: number;
  category: OptimizationCategory;
  description: string;
  answers: KpiMetric[];
}

interface DemoCampaign {
  id: string;
  start: string;
  behaviour: Behaviour;
  optimizations: Optimization[];
}

const CAMPAIGN = /* GraphQL */ `mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id } }`;
const TARGETS = /* GraphQL */ `mutation($i: SetKpiTargetsInput!) { setKpiTargets(input: $i) { __typename } }`;
const CHECK = /* GraphQL */ `mutation($i: CheckLaunchItemInput!) { checkLaunchItem(input: $i) { id } }`;
const LAUNCH = /* GraphQL */ `mutation($id: ID!) { launchCampaign(id: $id) { __typename } }`;
const FOLLOW_UP = /* GraphQL */ `mutation($i: CreateFollowUpCampaignInput!) { createFollowUpCampaign(input: $i) { __typename ... on Campaign { id } } }`;
const DEVIATIONS = /* GraphQL */ `query($id: ID!) { campaign(id: $id) { deviations(open: true) { id metric } } }`;

export async function seedDemoCampaigns(execute: Exec, token: string, ctx: AuthedContext, ids: DemoIds, links: DemoActivityLinks, now: Date = new Date()): Promise<void> {
  const today = localDate(now, DEFAULT_TIME_ZONE);
  const day = (n: number) => addDays(today, n);
  const run = <T = any>(q: string, v: Record<string, unknown> = {}) => execute<T>(q, v, token);
  const [romashka, sever, okna, slanchev] = ids.clients;
  const channels: { id: string; name: string }[] = (await run(`query { campaignChannels { id name } }`)).campaignChannels;
  const channel = (name: string) => channels.find((c) => c.name === name)!.id;

  /** a business refusal comes back as an error result in data, not as an error: stop the seed on one */
  const expectCampaign = (result: { __typename: string }, what: string) => {
    if (result.__typename !== 'Campaign') throw new Error(`demo seed: ${what} returned ${result.__typename}`);
  };
  const create = async (input: Record<string, unknown>, targets: unknown[], checked = ITEMS): Promise<string> => {
    const id: string = (await run(CAMPAIGN, { i: { currency: 'RUB', ...input } })).createCampaign.id;
    expectCampaign((await run(TARGETS, { i: { campaignId: id, targets } })).setKpiTargets, 'setKpiTargets');
    for (const item of checked) await run(CHECK, { i: { campaignId: id, item } });
    return id;
  };
  const launch = async (id: string) => expectCampaign((await run(LAUNCH, { id })).launchCampaign, 'launchCampaign');
  const start = day(1 - DAYS);

  // Ромашка: search, the accepted proposal. Clicks get dearer (a competitor came in on day 20);
  // lowering the bids on day 30 did not help for long: CPC ends off plan, an ACT deviation.
  const search = await create(
    {
      clientId: romashka.id, channelId: channel('Яндекс Директ'), proposalId: links.proposalId, contractId: links.contractId,
      name: 'Яндекс Директ: поиск, доставка цветов', budget: '540000.00', startDate: start, endDate: day(60),
      strategy: 'Поиск по коммерческим запросам доставки, ставки по CPL, минус-слова по информационным запросам',
    },
    [
      { metric: 'SPEND', plan: '25200', period: 'WEEK' },
      { metric: 'CLICKS', plan: '68400', period: 'CAMPAIGN' },
      { metric: 'CTR', plan: '4', period: 'CAMPAIGN', unit: '%' },
      { metric: 'CPC', plan: '7.5', period: 'CAMPAIGN', unit: '₽' },
      { metric: 'LEADS', plan: '700', period: 'MONTH' },
      { metric: 'CPL', plan: '150', period: 'CAMPAIGN', unit: '₽' },
      { metric: 'CR', plan: '2.4', period: 'CAMPAIGN', unit: '%' },
    ],
  );
  await launch(search);
  const cpcRise = (d: number) => (d < 20 ? 1 : d <= 30 ? 1.45 : 1.12 + (0.18 * (d - 31)) / (DAYS - 32));

  // Северный ветер: VK, spending a fifth over its pace; weak creatives at first (CTR), replaced on
  // day 14 with success; leads getting dearer this last month (a WARN on CPL).
  const vk = await create(
    {
      clientId: sever.id, channelId: channel('VK Реклама'), name: 'VK Реклама: туры на майские', budget: '260000.00', startDate: start, endDate: day(40),
      strategy: 'Лид-формы на аудитории путешественников и ретаргетинг посетителей сайта',
    },
    [
      { metric: 'IMPRESSIONS', plan: '95000', period: 'WEEK' },
      { metric: 'CLICKS', plan: '21000', period: 'CAMPAIGN' },
      { metric: 'CTR', plan: '1.2', period: 'CAMPAIGN', unit: '%' },
      { metric: 'CPC', plan: '12', period: 'CAMPAIGN', unit: '₽' },
      { metric: 'LEADS', plan: '1000', period: 'CAMPAIGN' },
      { metric: 'CPL', plan: '240', period: 'MONTH', unit: '₽', warnPercent: '8', actPercent: '20' },
    ],
  );
  await launch(vk);

  // Сибирские окна: the first search campaign was replaced when the client moved from calls to
  // measured sales (a completed original and its follow-up); the follow-up runs on plan after a
  // weak first week of ads (a CTR deviation that closed by itself).
  const first = await create(
    { clientId: okna.id, channelId: channel('Google Ads'), name: 'Google Ads: окна, звонки', budget: '135000.00', startDate: day(-150), endDate: day(-60) },
    [
      { metric: 'CLICKS', plan: '9000', period: 'CAMPAIGN' },
      { metric: 'CPC', plan: '15', period: 'CAMPAIGN', unit: '₽' },
    ],
  );
  await launch(first);
  const replaced = (
    await run(FOLLOW_UP, {
      i: {
        campaignId: first, name: 'Google Ads: окна, продажи', startDate: start, endDate: day(90), budget: '270000.00',
        strategy: 'Оптимизация на продажи из CRM вместо звонков',
        targets: [
          { metric: 'CLICKS', plan: '2800', period: 'MONTH' },
          { metric: 'CONVERSIONS', plan: '540', period: 'CAMPAIGN' },
          { metric: 'CPA', plan: '500', period: 'CAMPAIGN', unit: '₽' },
          { metric: 'CTR', plan: '5', period: 'CAMPAIGN', unit: '%' },
          { metric: 'SPEND', plan: '270000', period: 'CAMPAIGN' },
          { metric: 'ROMI', plan: '300', period: 'CAMPAIGN', unit: '%' },
        ],
      },
    })
  ).createFollowUpCampaign;
  expectCampaign(replaced, 'createFollowUpCampaign');
  const followUp: string = replaced.id;
  for (const item of ITEMS) await run(CHECK, { i: { campaignId: followUp, item } });
  await launch(followUp);

  // Слънчев бряг: next season's campaign, still being checked before launch
  await create(
    {
      clientId: slanchev.id, channelId: channel('Meta'), name: 'Meta: сезон на Черноморието', currency: 'EUR', budget: '3600.00', startDate: day(20), endDate: day(110),
    },
    [
      { metric: 'LEADS', plan: '90', period: 'MONTH' },
      { metric: 'CPL', plan: '12', period: 'CAMPAIGN', unit: '€' },
      { metric: 'CTR', plan: '1.5', period: 'CAMPAIGN', unit: '%' },
    ],
    ['WEBSITE', 'WEB_ANALYTICS', 'KPI'],
  );

  const campaigns: DemoCampaign[] = [
    {
      id: search,
      start,
      behaviour: { seed: 11, spend: 3600, cpc: 7.5, ctr: 4, leadRate: 0.05, saleRate: 0.5, check: 4500, cpcCurve: cpcRise, leadCurve: cpcRise },
      optimizations: [
        { day: 30, category: OptimizationCategory.BIDS, description: 'Снизили ставки на 20% по общим запросам «цветы», подняли по «доставка цветов»', answers: [KpiMetric.CPC, KpiMetric.CLICKS] },
        { day: 50, category: OptimizationCategory.SEMANTICS, description: 'Добавили 140 минус-слов из поисковых запросов за месяц', answers: [] },
      ],
    },
    {
      id: vk,
      start,
      behaviour: {
        seed: 23, spend: 2400, cpc: 12, ctr: 1.2, leadRate: 0.05, saleRate: 0.2, check: 38000,
        ctrCurve: (d) => (d < 15 ? 0.75 : 1.15),
        leadCurve: (d) => (d < DAYS - 30 ? 1.05 : 0.88),
      },
      optimizations: [
        { day: 14, category: OptimizationCategory.AD_CREATIVES, description: 'Заменили баннеры: фото отелей вместо коллажей, оффер «раннее бронирование −15%»', answers: [KpiMetric.CTR] },
      ],
    },
    {
      id: followUp,
      start,
      behaviour: {
        seed: 37, spend: 1500, cpc: 15, ctr: 5, leadRate: 0.07, saleRate: 0.9, check: 2200,
        ctrCurve: (d) => (d < 10 ? 0.85 : 1),
        leadCurve: (d) => 0.95 + d / 900,
      },
      optimizations: [
        { day: 60, category: OptimizationCategory.REMARKETING, description: 'Запустили ретаргетинг на посетителей калькулятора стоимости окон', answers: [] },
      ],
    },
  ];

  const at = (date: string) => new Date(`${date}T20:00:00+03:00`);
  let from = 0;
  for (const cut of CUTS) {
    for (const c of campaigns) {
      await recordKpiMeasurements(ctx, { campaignId: c.id, measurements: figures(c.behaviour, c.start, from, cut) }, at(addDays(c.start, cut)));
      for (const o of c.optimizations.filter((o) => o.day === cut)) {
        const open: { id: string; metric: KpiMetric }[] = o.answers.length ? (await run(DEVIATIONS, { id: c.id })).campaign.deviations : [];
        const deviationIds = open.filter((d) => o.answers.includes(d.metric)).map((d) => d.id);
        const performedOn = addDays(c.start, o.day);
        await logOptimization(ctx, { campaignId: c.id, category: o.category, description: o.description, performedOn, deviationIds }, at(performedOn));
      }
    }
    from = cut + 1;
  }
}
