/**
 * Agency settings: updateAgencySettings (name, time zone, language, currency, the 70/20/10
 * tolerance, the contact interval, the protocol delay) and the `agency` query. Owner only;
 * validation with field paths; each agency changes only itself. Every refused request reads the
 * settings back.
 */
import { startTestApp, TestApp } from '../support/app';
import { expectBadInput, expectCode, expectOk } from '../support/expect';
import { AgencyActors, createClient, createUser, registerAgency } from '../support/factories';

const SETTINGS = /* GraphQL */ `
  mutation Settings($input: UpdateAgencySettingsInput!) {
    updateAgencySettings(input: $input) { id timeZone toolMixTolerancePp maxContactIntervalDays protocolDueDays }
  }
`;
const AGENCY = /* GraphQL */ `
  query Agency { agency { id name timeZone locale defaultCurrency toolMixTolerancePp maxContactIntervalDays protocolDueDays } }
`;
const CONTACT_INTERVAL = /* GraphQL */ `
  query ContactInterval($clientId: ID!) {
    controlPoints(filter: { kinds: [CONTACT_INTERVAL_EXCEEDED], clientId: $clientId }) { edges { node { dueOn } } }
  }
`;

let t: TestApp;
let a: AgencyActors;
let manager: { id: string; token: string };

beforeAll(async () => {
  t = await startTestApp();
  a = await registerAgency(t);
  manager = await createUser(t, a.ownerToken, 'MANAGER');
});
afterAll(() => t?.close());

async function agency(token = a.ownerToken): Promise<any> {
  return expectOk(await t.gql(AGENCY, {}, token)).agency;
}

/** A fresh agency for tests that change its settings. */
async function freshAgency(): Promise<AgencyActors> {
  return registerAgency(t, { timeZone: 'Europe/Moscow' });
}

describe('agency', () => {
  it('shows the defaults of a new agency to its owner, its managers and its portal users', async () => {
    const fresh = await freshAgency();
    const own = await agency(fresh.ownerToken);
    expect(own).toMatchObject({ id: fresh.agencyId, timeZone: 'Europe/Moscow', toolMixTolerancePp: '5.00', maxContactIntervalDays: 30, protocolDueDays: 1 });
    const m = await createUser(t, fresh.ownerToken, 'MANAGER');
    expect(await agency(m.token)).toEqual(own);
    const client = await createClient(t, fresh.ownerToken);
    const portal = await createUser(t, fresh.ownerToken, 'CLIENT', client.id);
    // the portal sees whom it works with, not the agency's internal policy (one FORBIDDEN per hidden field)
    const seen = await t.gql(AGENCY, {}, portal.token);
    expect(seen.body.data.agency).toMatchObject({ id: fresh.agencyId, toolMixTolerancePp: null, maxContactIntervalDays: null, protocolDueDays: null });
    expect(seen.body.errors!.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expectCode(await t.gql(AGENCY, {}), 'UNAUTHENTICATED');
  });
});

describe('updateAgencySettings', () => {
  it('lets the owner change the tolerance and intervals; a manager is refused', async () => {
    const res = await t.gql(SETTINGS, { input: { toolMixTolerancePp: '7.5', maxContactIntervalDays: 14, timeZone: 'Europe/Sofia' } }, a.ownerToken);
    expect(res.body.data.updateAgencySettings).toMatchObject({ toolMixTolerancePp: '7.50', maxContactIntervalDays: 14, timeZone: 'Europe/Sofia' });
    const refused = await t.gql(SETTINGS, { input: { maxContactIntervalDays: 1 } }, manager.token);
    expect(refused.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const bad of [{ toolMixTolerancePp: '51' }, { maxContactIntervalDays: 0 }, { timeZone: 'Nowhere/Land' }]) {
      const r = await t.gql(SETTINGS, { input: bad }, a.ownerToken);
      expect(r.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const after = await t.gql(`{ agency { toolMixTolerancePp maxContactIntervalDays timeZone } }`, {}, a.ownerToken);
    expect(after.body.data.agency).toEqual({ toolMixTolerancePp: '7.50', maxContactIntervalDays: 14, timeZone: 'Europe/Sofia' });
    await t.gql(SETTINGS, { input: { timeZone: 'Europe/Moscow', maxContactIntervalDays: 30 } }, a.ownerToken);
  });

  it('changes only the fields given; the rest stay, and null keeps a value', async () => {
    const fresh = await freshAgency();
    const before = await agency(fresh.ownerToken);
    const res = expectOk(
      await t.gql(
        `mutation($input: UpdateAgencySettingsInput!) { updateAgencySettings(input: $input) { name locale defaultCurrency protocolDueDays timeZone } }`,
        { input: { name: '  Вектор  ', locale: 'BG', defaultCurrency: 'EUR', protocolDueDays: 0, timeZone: null } },
        fresh.ownerToken,
      ),
    ).updateAgencySettings;
    expect(res).toEqual({ name: 'Вектор', locale: 'BG', defaultCurrency: 'EUR', protocolDueDays: 0, timeZone: 'Europe/Moscow' });
    expect(await agency(fresh.ownerToken)).toEqual({ ...before, name: 'Вектор', locale: 'BG', defaultCurrency: 'EUR', protocolDueDays: 0 });
  });

  it('accepts the bounds of every range', async () => {
    const fresh = await freshAgency();
    for (const input of [
      { toolMixTolerancePp: '0', maxContactIntervalDays: 1, protocolDueDays: 30 },
      { toolMixTolerancePp: '50', maxContactIntervalDays: 365, protocolDueDays: 0 },
      { toolMixTolerancePp: '49.99' },
    ]) {
      expectOk(await t.gql(SETTINGS, { input }, fresh.ownerToken));
    }
    expect(await agency(fresh.ownerToken)).toMatchObject({ toolMixTolerancePp: '49.99', maxContactIntervalDays: 365, protocolDueDays: 0 });
  });

  it('refuses values out of range with the field at fault, and changes nothing', async () => {
    const fresh = await freshAgency();
    const before = await agency(fresh.ownerToken);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ toolMixTolerancePp: '50.01' }, 'input.toolMixTolerancePp'],
      [{ toolMixTolerancePp: '-1' }, 'input.toolMixTolerancePp'],
      [{ toolMixTolerancePp: '7.555' }, 'input.toolMixTolerancePp'],
      [{ maxContactIntervalDays: 0 }, 'input.maxContactIntervalDays'],
      [{ maxContactIntervalDays: 366 }, 'input.maxContactIntervalDays'],
      [{ protocolDueDays: -1 }, 'input.protocolDueDays'],
      [{ protocolDueDays: 31 }, 'input.protocolDueDays'],
      [{ timeZone: 'Nowhere/Land' }, 'input.timeZone'],
      [{ name: '' }, 'input.name'],
      [{ name: 'x'.repeat(201) }, 'input.name'],
      // a valid change next to an invalid one is not applied either
      [{ maxContactIntervalDays: 10, protocolDueDays: 99 }, 'input.protocolDueDays'],
    ];
    for (const [input, path] of cases) expectBadInput(await t.gql(SETTINGS, { input }, fresh.ownerToken), path);
    // a JSON number may already have lost precision: the tolerance is a decimal string
    expectCode(await t.gql(SETTINGS, { input: { toolMixTolerancePp: 7.5 } }, fresh.ownerToken), 'BAD_USER_INPUT');
    expectCode(await t.gql(SETTINGS, { input: { locale: 'DE' } }, fresh.ownerToken), 'BAD_USER_INPUT');
    expect(await agency(fresh.ownerToken)).toEqual(before);
  });

  it('refuses a blank name (spaces only) instead of saving an empty one', async () => {
    const fresh = await freshAgency();
    const before = await agency(fresh.ownerToken);
    expectBadInput(await t.gql(SETTINGS, { input: { name: '   ' } }, fresh.ownerToken), 'input.name');
    expect(await agency(fresh.ownerToken)).toEqual(before);
  });

  it('is for the owner only: a manager and a portal user are FORBIDDEN, nothing changes', async () => {
    const fresh = await freshAgency();
    const before = await agency(fresh.ownerToken);
    const m = await createUser(t, fresh.ownerToken, 'MANAGER');
    const client = await createClient(t, fresh.ownerToken);
    const portal = await createUser(t, fresh.ownerToken, 'CLIENT', client.id);
    expectCode(await t.gql(SETTINGS, { input: { maxContactIntervalDays: 7 } }, m.token), 'FORBIDDEN');
    expectCode(await t.gql(SETTINGS, { input: { toolMixTolerancePp: '20' } }, portal.token), 'FORBIDDEN');
    expectCode(await t.gql(SETTINGS, { input: { protocolDueDays: 5 } }), 'UNAUTHENTICATED');
    expect(await agency(fresh.ownerToken)).toEqual(before);
  });

  it("changes only the caller's own agency: another agency's settings stay", async () => {
    const fresh = await freshAgency();
    const other = await freshAgency();
    const otherBefore = await agency(other.ownerToken);
    const changed = expectOk(await t.gql(SETTINGS, { input: { maxContactIntervalDays: 9, toolMixTolerancePp: '12' } }, fresh.ownerToken)).updateAgencySettings;
    expect(changed.id).toBe(fresh.agencyId);
    expect(await agency(other.ownerToken)).toEqual(otherBefore);
    expect(await agency(fresh.ownerToken)).toMatchObject({ maxContactIntervalDays: 9, toolMixTolerancePp: '12.00' });
  });

  it('moves the contact-interval control point with maxContactIntervalDays', async () => {
    const fresh = await freshAgency();
    const client = await createClient(t, fresh.ownerToken);
    const dueOn = async () => expectOk(await t.gql(CONTACT_INTERVAL, { clientId: client.id }, fresh.ownerToken)).controlPoints.edges[0].node.dueOn;
    const at30 = await dueOn();
    expectOk(await t.gql(SETTINGS, { input: { maxContactIntervalDays: 10 } }, fresh.ownerToken));
    const at10 = await dueOn();
    expect(new Date(at30).getTime() - new Date(at10).getTime()).toBe(20 * 24 * 3600 * 1000);
  });
});
