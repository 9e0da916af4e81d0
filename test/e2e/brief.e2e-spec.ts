/**
 * Briefs: the eight structured blocks, validation with field paths, versioning (every change keeps
 * the previous version whole), completeness, contacts of the same client only, the briefs
 * connection, tenant isolation and the portal's blindness to briefs. Every refused request is
 * followed by reading the state back.
 */
import { CountingLogger, startTestApp, TestApp } from '../support/app';
import { AgencyActors, createClient, createContact, createUser, MISSING_ID, registerAgency } from '../support/factories';
import { expectBadInput, expectCode, expectOk } from '../support/expect';

const BRIEF_CONTENT = /* GraphQL */ `
  fragment BriefContent on Brief {
    version title marketingKnowledge
    contactInfo { contactIds decisionMakers notes }
    business { description products geography targetAudience competitors seasonality uniqueSellingPoints }
    expectations { goals expectedResults previousExperience }
    accessesAndAudit { accesses { system granted notes } currentActivity analyticsInstalled }
    kpis { metric target unit direction }
    proposalCriteria { criterion weight share sharePercent }
    constraints { budgetMin budgetMax currency startDate endDate legal brand other }
    additionalInfo
    completeness { score filledBlocks totalBlocks presentBlocks missingBlocks }
  }
`;

const BRIEF_FIELDS = /* GraphQL */ `
  fragment BriefFields on Brief {
    id clientId dealId createdById updatedById createdAt updatedAt
    ...BriefContent
    client { id }
    contacts { id fullName }
  }
  ${BRIEF_CONTENT}
`;

const CREATE_BRIEF = /* GraphQL */ `
  mutation CreateBrief($input: CreateBriefInput!) { createBrief(input: $input) { ...BriefFields } }
  ${BRIEF_FIELDS}
`;

const UPDATE_BRIEF = /* GraphQL */ `
  mutation UpdateBrief($input: UpdateBriefInput!) { updateBrief(input: $input) { ...BriefFields } }
  ${BRIEF_FIELDS}
`;

const GET_BRIEF = /* GraphQL */ `
  query GetBrief($id: ID!) {
    brief(id: $id) {
      ...BriefFields
      versions {
        id briefId version title marketingKnowledge replacedAt replacedById
        contactInfo { contactIds decisionMakers notes }
        business { description competitors }
        expectations { goals }
        kpis { metric target unit direction }
        proposalCriteria { criterion weight share }
        constraints { budgetMin budgetMax currency }
        additionalInfo
        completeness { score filledBlocks missingBlocks }
      }
    }
  }
  ${BRIEF_FIELDS}
`;

const LIST_BRIEFS = /* GraphQL */ `
  query ListBriefs($first: Int, $after: String, $filter: BriefFilter) {
    briefs(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node { id title clientId version } }
    }
  }
`;

const LIST_BRIEFS_WITH_VERSIONS = /* GraphQL */ `
  query ListBriefsWithVersions($first: Int, $filter: BriefFilter) {
    briefs(first: $first, filter: $filter) {
      edges { node { id version versions { version title } contacts { id } client { id } completeness { score } } }
    }
  }
`;

const ALL_BLOCKS = ['CONTACT_INFO', 'BUSINESS', 'EXPECTATIONS', 'ACCESSES_AND_AUDIT', 'KPIS', 'PROPOSAL_CRITERIA', 'CONSTRAINTS', 'ADDITIONAL_INFO'];

const logger = new CountingLogger();
let t: TestApp;
let a: AgencyActors;
let manager: { id: string; token: string };
let portal: { id: string; token: string };
let b: AgencyActors;
let clientA1: any;
let clientA2: any;
let clientB1: any;
let contact1: any;
let contact2: any;
let contactA2: any;
let contactB: any;

beforeAll(async () => {
  t = await startTestApp({ logger });
  a = await registerAgency(t);
  b = await registerAgency(t);
  manager = await createUser(t, a.ownerToken, 'MANAGER');
  clientA1 = await createClient(t, a.ownerToken, { ownerId: manager.id });
  clientA2 = await createClient(t, a.ownerToken);
  clientB1 = await createClient(t, b.ownerToken);
  portal = await createUser(t, a.ownerToken, 'CLIENT', clientA1.id);
  contact1 = await createContact(t, a.ownerToken, clientA1.id, { fullName: 'Петров Пётр' });
  contact2 = await createContact(t, a.ownerToken, clientA1.id, { fullName: 'Сидорова Анна' });
  contactA2 = await createContact(t, a.ownerToken, clientA2.id);
  contactB = await createContact(t, b.ownerToken, clientB1.id);
});
afterAll(() => t?.close());

// ---------------------------------------------------------------------------------------------
// helpers

async function briefCount(agencyId: string): Promise<number> {
  const rows = await t.ds.query('SELECT count(*)::int AS n FROM briefs WHERE "agencyId" = $1', [agencyId]);
  return rows[0].n;
}

/** The stored row and its versions, to compare before and after a refused request. */
async function stored(briefId: string): Promise<{ brief: any; versions: any[] }> {
  const [brief] = await t.ds.query('SELECT title, version, content, "marketingKnowledge", "dealId", "updatedAt" FROM briefs WHERE id = $1', [briefId]);
  const versions = await t.ds.query('SELECT version, title, content FROM brief_versions WHERE "briefId" = $1 ORDER BY version', [briefId]);
  return { brief, versions };
}

async function create(input: Record<string, unknown>, token = a.ownerToken): Promise<any> {
  return expectOk(await t.gql(CREATE_BRIEF, { input: { clientId: clientA1.id, title: 'Бриф', ...input } }, token)).createBrief;
}

function fullInput(): Record<string, unknown> {
  return {
    clientId: clientA1.id,
    title: '  Бриф на контекстную рекламу  ',
    marketingKnowledge: 'INTERMEDIATE',
    contactInfo: { contactIds: [contact2.id, contact1.id], decisionMakers: 'Генеральный директор утверждает бюджет', notes: 'Звонить после 11:00' },
    business: {
      description: 'Сеть цветочных магазинов',
      products: 'Букеты, доставка',
      geography: 'Москва и МО',
      targetAudience: 'Мужчины 25–45',
      competitors: ['flowwow.com', '  ', 'cvetov.net'],
      seasonality: 'Пики: 14 февраля, 8 марта, 1 сентября',
      uniqueSellingPoints: 'Доставка за 90 минут',
    },
    expectations: { goals: 'Рост онлайн-продаж', expectedResults: '+30% заказов за квартал', previousExperience: 'Вели Директ сами' },
    accessesAndAudit: {
      accesses: [
        { system: 'Яндекс Директ', granted: true },
        { system: 'Яндекс Метрика', granted: false, notes: 'Запросить у маркетолога' },
      ],
      currentActivity: 'Поиск, 200 000 ₽ в месяц',
      analyticsInstalled: ['Яндекс Метрика', 'Calltouch'],
    },
    kpis: [
      { metric: 'CPL', target: '850.50', unit: 'RUB', direction: 'DECREASE' },
      { metric: 'Заказы в месяц', target: '1200', direction: 'INCREASE' },
    ],
    proposalCriteria: [
      { criterion: 'Цена', weight: 50 },
      { criterion: 'Кейсы', weight: 30 },
      { criterion: 'Сроки', weight: 20 },
    ],
    constraints: {
      budgetMin: '150000',
      budgetMax: '300000.00',
      currency: 'RUB',
      startDate: '2026-03-01',
      endDate: '2026-12-31',
      legal: 'Без упоминания конкурентов',
      brand: 'Брендбук v3',
      other: null,
    },
    additionalInfo: 'Нужен отчёт раз в неделю',
  };
}

// ---------------------------------------------------------------------------------------------

describe('createBrief', () => {
  it('creates version 1 with all eight blocks structured, normalised and read back', async () => {
    const res = await t.gql(CREATE_BRIEF, { input: fullInput() }, manager.token);
    const brief = expectOk(res).createBrief;
    expect(brief.version).toBe(1);
    expect(brief.title).toBe('Бриф на контекстную рекламу');
    expect(brief.marketingKnowledge).toBe('INTERMEDIATE');
    expect(brief.createdById).toBe(manager.id);
    expect(brief.client.id).toBe(clientA1.id);
    expect(brief.contactInfo).toEqual({
      contactIds: [contact2.id, contact1.id],
      decisionMakers: 'Генеральный директор утверждает бюджет',
      notes: 'Звонить после 11:00',
    });
    expect(brief.contacts.map((c: any) => c.id)).toEqual([contact2.id, contact1.id]);
    expect(brief.business.competitors).toEqual(['flowwow.com', 'cvetov.net']);
    expect(brief.business.uniqueSellingPoints).toBe('Доставка за 90 минут');
    expect(brief.expectations.goals).toBe('Рост онлайн-продаж');
    expect(brief.accessesAndAudit).toEqual({
      accesses: [
        { system: 'Яндекс Директ', granted: true, notes: null },
        { system: 'Яндекс Метрика', granted: false, notes: 'Запросить у маркетолога' },
      ],
      currentActivity: 'Поиск, 200 000 ₽ в месяц',
      analyticsInstalled: ['Яндекс Метрика', 'Calltouch'],
    });
    expect(brief.kpis).toEqual([
      { metric: 'CPL', target: '850.5', unit: 'RUB', direction: 'DECREASE' },
      { metric: 'Заказы в месяц', target: '1200', unit: null, direction: 'INCREASE' },
    ]);
    expect(brief.proposalCriteria).toEqual([
      { criterion: 'Цена', weight: 50, share: '0.5', sharePercent: '50.00' },
      { criterion: 'Кейсы', weight: 30, share: '0.3', sharePercent: '30.00' },
      { criterion: 'Сроки', weight: 20, share: '0.2', sharePercent: '20.00' },
    ]);
    expect(brief.constraints).toEqual({
      budgetMin: '150000.00',
      budgetMax: '300000.00',
      currency: 'RUB',
      startDate: '2026-03-01',
      endDate: '2026-12-31',
      legal: 'Без упоминания конкурентов',
      brand: 'Брендбук v3',
      other: null,
    });
    expect(brief.additionalInfo).toBe('Нужен отчёт раз в неделю');
    expect(brief.completeness).toEqual({ score: '100.00', filledBlocks: 8, totalBlocks: 8, presentBlocks: ALL_BLOCKS, missingBlocks: [] });

    // stored structured, one JSON document per version
    const { brief: row, versions } = await stored(brief.id);
    expect(row.version).toBe(1);
    expect(row.content.kpis[0]).toEqual({ metric: 'CPL', target: '850.5', unit: 'RUB', direction: 'DECREASE' });
    expect(versions).toEqual([]);

    const read = expectOk(await t.gql(GET_BRIEF, { id: brief.id }, a.ownerToken)).brief;
    expect(read).toMatchObject({ ...brief, updatedAt: read.updatedAt });
    expect(read.versions).toEqual([]);
  });

  it('creates an empty brief: completeness 0 and all eight blocks missing', async () => {
    const brief = await create({ title: 'Пустой' });
    expect(brief.contactInfo).toBeNull();
    expect(brief.business).toBeNull();
    expect(brief.kpis).toEqual([]);
    expect(brief.proposalCriteria).toEqual([]);
    expect(brief.constraints).toBeNull();
    expect(brief.additionalInfo).toBeNull();
    expect(brief.marketingKnowledge).toBeNull();
    expect(brief.completeness).toEqual({ score: '0.00', filledBlocks: 0, totalBlocks: 8, presentBlocks: [], missingBlocks: ALL_BLOCKS });
  });

  it('counts only blocks with meaningful content on a partially filled brief', async () => {
    const brief = await create({
      contactInfo: { decisionMakers: 'Директор' },
      business: { description: '   ', competitors: ['  '] }, // blank: not filled, stored empty
      expectations: {},
      kpis: [{ metric: 'Лиды', target: '100', direction: 'INCREASE' }],
      constraints: { currency: 'EUR' }, // a currency alone constrains nothing
      additionalInfo: 'Есть склад',
    });
    expect(brief.completeness).toEqual({
      score: '37.50',
      filledBlocks: 3,
      totalBlocks: 8,
      presentBlocks: ['CONTACT_INFO', 'KPIS', 'ADDITIONAL_INFO'],
      missingBlocks: ['BUSINESS', 'EXPECTATIONS', 'ACCESSES_AND_AUDIT', 'PROPOSAL_CRITERIA', 'CONSTRAINTS'],
    });
    expect(brief.business).toBeNull();
    expect(brief.expectations).toBeNull();
    expect(brief.constraints).toBeNull();
    expect(brief.contactInfo).toEqual({ contactIds: [], decisionMakers: 'Директор', notes: null });
  });

  it('rounds criterion shares that do not divide evenly', async () => {
    const brief = await create({
      proposalCriteria: [
        { criterion: 'A', weight: 1 },
        { criterion: 'B', weight: 1 },
        { criterion: 'C', weight: 1 },
      ],
    });
    expect(brief.proposalCriteria.map((c: any) => [c.share, c.sharePercent])).toEqual([
      ['0.3333', '33.33'],
      ['0.3333', '33.33'],
      ['0.3333', '33.33'],
    ]);
  });

  describe('refuses bad input with the field at fault, and writes nothing', () => {
    const cases: Array<[string, () => Record<string, unknown>, string]> = [
      ['a negative KPI target', () => ({ kpis: [{ metric: 'CPL', target: '-1', direction: 'DECREASE' }] }), 'input.kpis.0.target'],
      ['an empty KPI metric', () => ({ kpis: [{ metric: 'ok', target: '1', direction: 'INCREASE' }, { metric: '', target: '1', direction: 'INCREASE' }] }), 'input.kpis.1.metric'],
      ['a criterion weight of 0', () => ({ proposalCriteria: [{ criterion: 'Цена', weight: 10 }, { criterion: 'Сроки', weight: 0 }] }), 'input.proposalCriteria.1.weight'],
      ['a criterion weight over 100', () => ({ proposalCriteria: [{ criterion: 'Цена', weight: 101 }] }), 'input.proposalCriteria.0.weight'],
      ['a criterion listed twice', () => ({ proposalCriteria: [{ criterion: 'Цена', weight: 10 }, { criterion: ' цена ', weight: 20 }] }), 'input.proposalCriteria.1.criterion'],
      ['budgetMin above budgetMax', () => ({ constraints: { budgetMin: '500', budgetMax: '100', currency: 'RUB' } }), 'input.constraints.budgetMax'],
      ['a budget without a currency', () => ({ constraints: { budgetMax: '100' } }), 'input.constraints.currency'],
      ['a negative budget', () => ({ constraints: { budgetMin: '-5', currency: 'RUB' } }), 'input.constraints.budgetMin'],
      ['startDate after endDate', () => ({ constraints: { startDate: '2026-05-02', endDate: '2026-05-01' } }), 'input.constraints.endDate'],
      ['an access without a system', () => ({ accessesAndAudit: { accesses: [{ system: '', granted: true }] } }), 'input.accessesAndAudit.accesses.0.system'],
      ['a malformed contact id', () => ({ contactInfo: { contactIds: ['nope'] } }), 'input.contactInfo.contactIds'],
      ['a repeated contact id', () => ({ contactInfo: { contactIds: [contact1.id, contact1.id] } }), 'input.contactInfo.contactIds'],
      ['a blank title', () => ({ title: '   ' }), 'input.title'],
      ['an empty title', () => ({ title: '' }), 'input.title'],
    ];
    it.each(cases)('%s', async (_label, extra, path) => {
      const before = await briefCount(a.agencyId);
      const res = await t.gql(CREATE_BRIEF, { input: { clientId: clientA1.id, title: 'Бриф', ...extra() } }, a.ownerToken);
      expectBadInput(res, path);
      expect(await briefCount(a.agencyId)).toBe(before);
    });
  });

  it('refuses a JSON number as a KPI target (exact decimals only)', async () => {
    const before = await briefCount(a.agencyId);
    const res = await t.gql(CREATE_BRIEF, { input: { clientId: clientA1.id, title: 'x', kpis: [{ metric: 'CPL', target: 12.5, direction: 'DECREASE' }] } }, a.ownerToken);
    expectCode(res, 'BAD_USER_INPUT');
    expect(await briefCount(a.agencyId)).toBe(before);
  });

  it("refuses a contact of another client of the agency (BAD_USER_INPUT naming it), nothing written", async () => {
    const before = await briefCount(a.agencyId);
    const res = await t.gql(CREATE_BRIEF, { input: { ...fullInput(), contactInfo: { contactIds: [contact1.id, contactA2.id] } } }, a.ownerToken);
    expectBadInput(res, 'input.contactInfo.contactIds.1');
    expect(await briefCount(a.agencyId)).toBe(before);
  });

  it("answers NOT_FOUND for another agency's contact, nothing written", async () => {
    const before = await briefCount(a.agencyId);
    const res = await t.gql(CREATE_BRIEF, { input: { clientId: clientA1.id, title: 'x', contactInfo: { contactIds: [contactB.id] } } }, a.ownerToken);
    expect(expectCode(res, 'NOT_FOUND').field).toBe('input.contactInfo.contactIds.0');
    expect(await briefCount(a.agencyId)).toBe(before);
  });

  it('answers NOT_FOUND for a missing client and for a missing deal', async () => {
    const before = await briefCount(a.agencyId);
    expect(expectCode(await t.gql(CREATE_BRIEF, { input: { clientId: MISSING_ID, title: 'x' } }, a.ownerToken), 'NOT_FOUND').field).toBe('input.clientId');
    expect(expectCode(await t.gql(CREATE_BRIEF, { input: { clientId: clientA1.id, title: 'x', dealId: MISSING_ID } }, a.ownerToken), 'NOT_FOUND').field).toBe('input.dealId');
    expect(await briefCount(a.agencyId)).toBe(before);
  });
});

describe('updateBrief and versions', () => {
  it('keeps every previous version whole: two updates → version 3, versions 2 and 1 newest first', async () => {
    const v1 = expectOk(await t.gql(CREATE_BRIEF, { input: fullInput() }, a.ownerToken)).createBrief;

    const v2 = expectOk(
      await t.gql(UPDATE_BRIEF, { input: { id: v1.id, business: { description: 'Онлайн-магазин цветов', competitors: ['flowwow.com'] } } }, manager.token),
    ).updateBrief;
    expect(v2.version).toBe(2);
    expect(v2.business).toEqual({
      description: 'Онлайн-магазин цветов',
      products: null,
      geography: null,
      targetAudience: null,
      competitors: ['flowwow.com'],
      seasonality: null,
      uniqueSellingPoints: null,
    });
    // blocks not given stay as they were
    expect(v2.kpis).toEqual(v1.kpis);
    expect(v2.contactInfo).toEqual(v1.contactInfo);
    expect(v2.updatedById).toBe(manager.id);

    const v3 = expectOk(
      await t.gql(UPDATE_BRIEF, { input: { id: v1.id, title: 'Бриф v3', kpis: null, expectations: null, marketingKnowledge: 'EXPERT' } }, a.ownerToken),
    ).updateBrief;
    expect(v3.version).toBe(3);
    expect(v3.title).toBe('Бриф v3');
    expect(v3.kpis).toEqual([]);
    expect(v3.expectations).toBeNull();
    expect(v3.marketingKnowledge).toBe('EXPERT');
    expect(v3.completeness.score).toBe('75.00');
    expect(v3.completeness.missingBlocks).toEqual(['EXPECTATIONS', 'KPIS']);

    const read = expectOk(await t.gql(GET_BRIEF, { id: v1.id }, a.ownerToken)).brief;
    expect(read.version).toBe(3);
    expect(read.versions.map((v: any) => v.version)).toEqual([2, 1]);
    const [p2, p1] = read.versions;
    expect(p1.briefId).toBe(v1.id);
    expect(p1.title).toBe('Бриф на контекстную рекламу');
    expect(p1.marketingKnowledge).toBe('INTERMEDIATE');
    expect(p1.business.description).toBe('Сеть цветочных магазинов');
    expect(p1.business.competitors).toEqual(['flowwow.com', 'cvetov.net']);
    expect(p1.kpis).toEqual(v1.kpis);
    expect(p1.expectations.goals).toBe('Рост онлайн-продаж');
    expect(p1.constraints).toEqual({ budgetMin: '150000.00', budgetMax: '300000.00', currency: 'RUB' });
    expect(p1.completeness).toEqual({ score: '100.00', filledBlocks: 8, missingBlocks: [] });
    expect(p1.replacedById).toBe(manager.id);
    expect(p2.business.description).toBe('Онлайн-магазин цветов');
    expect(p2.kpis).toEqual(v1.kpis);
    expect(p2.title).toBe('Бриф на контекстную рекламу');
    expect(p2.replacedById).toBe(a.ownerId);
    expect(new Date(p2.replacedAt).getTime()).toBeGreaterThanOrEqual(new Date(p1.replacedAt).getTime());

    const { versions } = await stored(v1.id);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it('a block given replaces that whole block; null clears it', async () => {
    const brief = await create({ business: { description: 'A', products: 'B', competitors: ['X'] } });
    const updated = expectOk(await t.gql(UPDATE_BRIEF, { input: { id: brief.id, business: { products: 'C' } } }, a.ownerToken)).updateBrief;
    expect(updated.business).toMatchObject({ description: null, products: 'C', competitors: [] });
    const cleared = expectOk(await t.gql(UPDATE_BRIEF, { input: { id: brief.id, business: null } }, a.ownerToken)).updateBrief;
    expect(cleared.business).toBeNull();
    expect(cleared.version).toBe(3);
    const { brief: row } = await stored(brief.id);
    expect(row.content.business).toBeUndefined();
  });

  it('an update that changes nothing makes no new version', async () => {
    const brief = await create({ additionalInfo: 'Текст', kpis: [{ metric: 'CPL', target: '10.50', direction: 'DECREASE' }] });
    const before = await stored(brief.id);
    const res = await t.gql(
      UPDATE_BRIEF,
      { input: { id: brief.id, title: 'Бриф', additionalInfo: '  Текст ', kpis: [{ metric: 'CPL', target: '10.5', direction: 'DECREASE' }] } },
      a.ownerToken,
    );
    expect(expectOk(res).updateBrief.version).toBe(1);
    expect(await stored(brief.id)).toEqual(before);
  });

  describe('a refused update changes nothing: version, content and versions stay', () => {
    let brief: any;
    beforeAll(async () => {
      brief = await create({ contactInfo: { contactIds: [contact1.id] }, kpis: [{ metric: 'CPL', target: '100', direction: 'DECREASE' }] });
      expectOk(await t.gql(UPDATE_BRIEF, { input: { id: brief.id, additionalInfo: 'v2' } }, a.ownerToken));
    });

    const cases: Array<[string, () => Record<string, unknown>, string, string]> = [
      ['a negative KPI target', () => ({ kpis: [{ metric: 'CPL', target: '-3', direction: 'DECREASE' }] }), 'BAD_USER_INPUT', 'input.kpis.0.target'],
      ['budgetMin above budgetMax', () => ({ constraints: { budgetMin: '2', budgetMax: '1', currency: 'EUR' } }), 'BAD_USER_INPUT', 'input.constraints.budgetMax'],
      ['startDate after endDate', () => ({ constraints: { startDate: '2027-01-02', endDate: '2027-01-01' } }), 'BAD_USER_INPUT', 'input.constraints.endDate'],
      ['a contact of another client', () => ({ contactInfo: { contactIds: [contactA2.id] } }), 'BAD_USER_INPUT', 'input.contactInfo.contactIds.0'],
      ["another agency's contact", () => ({ contactInfo: { contactIds: [contact1.id, contactB.id] } }), 'NOT_FOUND', 'input.contactInfo.contactIds.1'],
      ['clearing the title', () => ({ title: null, additionalInfo: 'v3' }), 'BAD_USER_INPUT', 'input.title'],
      ['a missing deal', () => ({ dealId: MISSING_ID, additionalInfo: 'v3' }), 'NOT_FOUND', 'input.dealId'],
    ];
    it.each(cases)('%s', async (_label, extra, code, path) => {
      const before = await stored(brief.id);
      const res = await t.gql(UPDATE_BRIEF, { input: { id: brief.id, ...extra() } }, a.ownerToken);
      if (code === 'BAD_USER_INPUT') expectBadInput(res, path);
      else expect(expectCode(res, code).field).toBe(path);
      const after = await stored(brief.id);
      expect(after).toEqual(before);
      expect(after.brief.version).toBe(2);
      expect(after.versions).toHaveLength(1);
    });

    it('answers NOT_FOUND for a missing brief', async () => {
      expect(expectCode(await t.gql(UPDATE_BRIEF, { input: { id: MISSING_ID, title: 'x' } }, a.ownerToken), 'NOT_FOUND').field).toBe('input.id');
    });
  });
});

describe('briefs connection', () => {
  let client: any;
  const ids: string[] = [];
  beforeAll(async () => {
    client = await createClient(t, a.ownerToken);
    for (let i = 1; i <= 5; i++) ids.push((await create({ clientId: client.id, title: `Бриф ${i}` })).id);
  });

  it('lists the briefs of one client newest first, page by page', async () => {
    const p1 = expectOk(await t.gql(LIST_BRIEFS, { first: 3, filter: { clientId: client.id } }, a.ownerToken)).briefs;
    expect(p1.totalCount).toBe(5);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    expect(p1.edges.map((e: any) => e.node.id)).toEqual([ids[4], ids[3], ids[2]]);
    const p2 = expectOk(await t.gql(LIST_BRIEFS, { first: 3, after: p1.pageInfo.endCursor, filter: { clientId: client.id } }, a.ownerToken)).briefs;
    expect(p2.edges.map((e: any) => e.node.id)).toEqual([ids[1], ids[0]]);
    expect(p2.pageInfo.hasNextPage).toBe(false);
    expect(p2.pageInfo.hasPreviousPage).toBe(true);
  });

  it('refuses a malformed filter and a page size over the maximum', async () => {
    expectBadInput(await t.gql(LIST_BRIEFS, { filter: { clientId: 'x' } }, a.ownerToken), 'filter.clientId');
    expectBadInput(await t.gql(LIST_BRIEFS, { first: 101 }, a.ownerToken), 'first');
  });

  it('lists briefs with versions, contacts and client in a constant number of SQL statements', async () => {
    const c = await createClient(t, a.ownerToken);
    const ct = await createContact(t, a.ownerToken, c.id);
    for (let i = 0; i < 6; i++) {
      const brief = await create({ clientId: c.id, title: `B${i}`, contactInfo: { contactIds: [ct.id] } });
      expectOk(await t.gql(UPDATE_BRIEF, { input: { id: brief.id, additionalInfo: 'v2' } }, a.ownerToken));
    }
    const run = async (first: number) => {
      logger.reset();
      const data = expectOk(await t.gql(LIST_BRIEFS_WITH_VERSIONS, { first, filter: { clientId: c.id } }, a.ownerToken));
      return { count: logger.count, edges: data.briefs.edges };
    };
    const six = await run(6);
    const two = await run(2);
    expect(six.edges).toHaveLength(6);
    for (const e of six.edges) {
      expect(e.node.versions.map((v: any) => v.version)).toEqual([1]);
      expect(e.node.contacts.map((x: any) => x.id)).toEqual([ct.id]);
    }
    // auth + page + versions batch + contacts batch + clients batch
    expect(six.count).toBe(two.count);
    expect(six.count).toBeLessThanOrEqual(5);
  });
});

describe('tenancy and the portal', () => {
  let briefA: any;
  let briefB: any;
  beforeAll(async () => {
    briefA = await create({ additionalInfo: 'A', contactInfo: { contactIds: [contact1.id] } });
    briefB = expectOk(await t.gql(CREATE_BRIEF, { input: { clientId: clientB1.id, title: 'B' } }, b.ownerToken)).createBrief;
  });

  it("does not reveal another agency's brief: brief(id) is null and briefs leaves it out", async () => {
    expect(expectOk(await t.gql(GET_BRIEF, { id: briefA.id }, b.ownerToken)).brief).toBeNull();
    expect(expectOk(await t.gql(GET_BRIEF, { id: briefB.id }, a.ownerToken)).brief).toBeNull();
    const listB = expectOk(await t.gql(LIST_BRIEFS, { first: 100 }, b.ownerToken)).briefs;
    expect(listB.totalCount).toBe(1);
    expect(listB.edges.map((e: any) => e.node.id)).toEqual([briefB.id]);
    const filtered = expectOk(await t.gql(LIST_BRIEFS, { filter: { clientId: clientA1.id } }, b.ownerToken)).briefs;
    expect(filtered.totalCount).toBe(0);
  });

  it("refuses to change another agency's brief (NOT_FOUND) and changes nothing", async () => {
    const before = await stored(briefA.id);
    const res = await t.gql(UPDATE_BRIEF, { input: { id: briefA.id, title: 'Взлом', additionalInfo: 'x' } }, b.ownerToken);
    expect(expectCode(res, 'NOT_FOUND').field).toBe('input.id');
    expect(await stored(briefA.id)).toEqual(before);
  });

  it("refuses to create a brief for another agency's client (NOT_FOUND)", async () => {
    const before = await briefCount(a.agencyId);
    const beforeB = await briefCount(b.agencyId);
    expect(expectCode(await t.gql(CREATE_BRIEF, { input: { clientId: clientA1.id, title: 'x' } }, b.ownerToken), 'NOT_FOUND').field).toBe('input.clientId');
    expect(await briefCount(a.agencyId)).toBe(before);
    expect(await briefCount(b.agencyId)).toBe(beforeB);
  });

  it("keeps briefs from the portal user even of its own client: null and empty reads", async () => {
    expect(expectOk(await t.gql(GET_BRIEF, { id: briefA.id }, portal.token)).brief).toBeNull();
    const list = expectOk(await t.gql(LIST_BRIEFS, { filter: { clientId: clientA1.id } }, portal.token)).briefs;
    expect(list.totalCount).toBe(0);
    expect(list.edges).toEqual([]);
  });

  it('refuses brief mutations to the portal user (FORBIDDEN) and changes nothing', async () => {
    const before = await stored(briefA.id);
    const count = await briefCount(a.agencyId);
    expectCode(await t.gql(CREATE_BRIEF, { input: { clientId: clientA1.id, title: 'Портал' } }, portal.token), 'FORBIDDEN');
    expectCode(await t.gql(UPDATE_BRIEF, { input: { id: briefA.id, title: 'Портал' } }, portal.token), 'FORBIDDEN');
    expect(await stored(briefA.id)).toEqual(before);
    expect(await briefCount(a.agencyId)).toBe(count);
  });

  it('asks an anonymous caller to log in', async () => {
    expectCode(await t.gql(GET_BRIEF, { id: briefA.id }), 'UNAUTHENTICATED');
    expectCode(await t.gql(LIST_BRIEFS, {}), 'UNAUTHENTICATED');
    expectCode(await t.gql(CREATE_BRIEF, { input: { clientId: clientA1.id, title: 'x' } }), 'UNAUTHENTICATED');
  });

  it('answers null for a missing or malformed id', async () => {
    expect(expectOk(await t.gql(GET_BRIEF, { id: MISSING_ID }, a.ownerToken)).brief).toBeNull();
    expect(expectOk(await t.gql(GET_BRIEF, { id: 'not-a-uuid' }, a.ownerToken)).brief).toBeNull();
  });
});
