import { localDate } from '../../src/services/time';
import {
  ACT_CONTROL_POINTS,
  actCounter,
  createAct,
  CREATE_ACT,
  DISPUTE_ACT,
  GET_ACT,
  ISSUE_ACT,
  issuedAct,
  line,
  LIST_ACTS,
  REVISE_ACT,
  SIGN_ACT,
  UPDATE_ACT,
} from '../support/act.factories';
import { startTestApp, TestApp } from '../support/app';
import { signedContract } from '../support/contract.factories';
import { AgencyActors, createClient, createDeal, createUser, MISSING_ID, registerAgency, updateAgencyRequisites } from '../support/factories';
import { cancelledInvoice, createInvoice, invoiceLine, issuedInvoice, paidInvoice } from '../support/invoice.factories';

let t: TestApp;
let a: AgencyActors;
let b: AgencyActors;
let manager: { id: string; token: string };
let client: any;
let portal: { id: string; email: string; token: string };

const DEAL_STAGE = /* GraphQL */ `
  query DealStage($id: ID!) { deal(id: $id) { id stage } }
`;

const today = () => localDate(new Date(), 'Europe/Moscow');

function sumOf(lines: any[], key: string): string {
  // the amounts are exact 2-decimal strings: compare in cents
  const cents = lines.reduce((s, l) => s + BigInt(l[key].replace('.', '')), 0n);
  const str = cents.toString().padStart(3, '0');
  return `${str.slice(0, -2)}.${str.slice(-2)}`;
}

function expectTotalsMatchLines(act: any): void {
  expect(act.subtotal).toBe(sumOf(act.lines, 'net'));
  expect(act.vatTotal).toBe(sumOf(act.lines, 'vat'));
  expect(act.total).toBe(sumOf(act.lines, 'gross'));
}

async function readAct(id: string, token = a.ownerToken): Promise<any> {
  return (await t.gql(GET_ACT, { id }, token)).body.data.act;
}

async function actRowCount(agencyId: string): Promise<number> {
  return (await t.ds.query(`SELECT count(*)::int AS n FROM acts WHERE "agencyId" = $1`, [agencyId]))[0].n;
}

beforeAll(async () => {
  t = await startTestApp();
  a = await registerAgency(t);
  b = await registerAgency(t);
  manager = await createUser(t, a.ownerToken, 'MANAGER');
  client = await createClient(t, a.ownerToken, { ownerId: manager.id });
  portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
});
afterAll(() => t.close());

describe('createAct', () => {
  it('prices the lines exactly: the dated standard rate when omitted, without VAT for an explicit null', async () => {
    const act = await createAct(t, manager.token, client.id, {
      lines: [
        line('3', { quantity: '33.335', description: 'Ведение Яндекс Директ' }),
        line('500', { vatRate: null, description: 'Услуга без НДС', unit: 'ч' }),
        line('100.00', { quantity: '2', vatRate: '10' }),
      ],
    });
    expect(act).toMatchObject({ status: 'DRAFT', number: null, actDate: null, currency: 'RUB', clientId: client.id, invoiceIds: [] });
    expect(act.lines).toEqual([
      expect.objectContaining({
        position: 1, quantity: '33.335', unit: 'усл.', unitPrice: '3.00', vatRate: '22.00', vatRateAuto: true,
        net: '100.01', vat: '22.00', gross: '122.01',
      }),
      expect.objectContaining({
        position: 2, quantity: '1.000', unit: 'ч', unitPrice: '500.00', vatRate: null, vatRateAuto: false,
        net: '500.00', vat: '0.00', gross: '500.00',
      }),
      expect.objectContaining({
        position: 3, quantity: '2.000', vatRate: '10.00', vatRateAuto: false, net: '200.00', vat: '20.00', gross: '220.00',
      }),
    ]);
    expect(act).toMatchObject({ subtotal: '800.01', vatTotal: '42.00', total: '842.01' });
    expectTotalsMatchLines(act);
    // what was answered is what is stored
    expect(await readAct(act.id)).toEqual(act);
  });

  it('prices a draft for the period end and issues it as it is; an act date at another rate is refused until set on the draft', async () => {
    const act = await createAct(t, a.ownerToken, client.id, {
      periodStart: '2025-12-01',
      periodEnd: '2025-12-31',
      lines: [line('1000.00'), line('1000.00', { vatRate: '20' })],
    });
    expect(act.lines.map((l: any) => [l.vatRate, l.vat])).toEqual([['20.00', '200.00'], ['20.00', '200.00']]);
    const refused = await t.gql(ISSUE_ACT, { input: { id: act.id, actDate: '2026-01-12' } }, a.ownerToken);
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.actDate' }] });
    expect(await readAct(act.id)).toEqual(act);

    const moved = (await t.gql(UPDATE_ACT, { input: { id: act.id, actDate: '2026-01-12' } }, a.ownerToken)).body.data.updateAct;
    // the automatic rate follows the act date (22% from 2026), the explicit one stays
    expect(moved.lines.map((l: any) => [l.vatRate, l.vatRateAuto, l.vat])).toEqual([
      ['22.00', true, '220.00'],
      ['20.00', false, '200.00'],
    ]);
    expect(moved).toMatchObject({ actDate: '2026-01-12', subtotal: '2000.00', vatTotal: '420.00', total: '2420.00', vatDifference: '0.00' });
    const issued = (await t.gql(ISSUE_ACT, { input: { id: act.id } }, a.ownerToken)).body.data.issueAct;
    expect(issued).toMatchObject({ __typename: 'Act', status: 'ISSUED', actDate: '2026-01-12', subtotal: '2000.00', vatTotal: '420.00', total: '2420.00' });
    expect(issued.lines).toEqual(moved.lines);
    expectTotalsMatchLines(issued);
  });

  it('refuses a period that ends before it starts, prices that do not fit, and an act without lines; nothing is created', async () => {
    const before = await actRowCount(a.agencyId);
    const reversed = await t.gql(
      CREATE_ACT,
      { input: { clientId: client.id, periodStart: '2026-10-31', periodEnd: '2026-10-01', currency: 'RUB', lines: [line('1')] } },
      a.ownerToken,
    );
    expect(reversed.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.periodEnd' }] });

    const badPrice = await t.gql(
      CREATE_ACT,
      {
        input: {
          clientId: client.id, periodStart: '2026-10-01', periodEnd: '2026-10-31', currency: 'RUB',
          lines: [line('33.335', { quantity: '3' }), line('1', { quantity: '0' }), line('1', { vatRate: '120' })],
        },
      },
      a.ownerToken,
    );
    expect(badPrice.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(badPrice.body.errors?.[0].extensions?.fields.map((f: any) => f.path)).toEqual([
      'input.lines.0.unitPrice',
      'input.lines.1.quantity',
      'input.lines.2.vatRate',
    ]);

    const noLines = await t.gql(
      CREATE_ACT,
      { input: { clientId: client.id, periodStart: '2026-10-01', periodEnd: '2026-10-31', currency: 'RUB' } },
      a.ownerToken,
    );
    expect(noLines.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.lines' }] });
    const emptyLines = await t.gql(
      CREATE_ACT,
      { input: { clientId: client.id, periodStart: '2026-10-01', periodEnd: '2026-10-31', currency: 'RUB', lines: [] } },
      a.ownerToken,
    );
    expect(emptyLines.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await actRowCount(a.agencyId)).toBe(before);
  });

  it("links a contract of the same client; another client's contract is NOT_FOUND", async () => {
    const contractId = (await signedContract(t, a.ownerToken, client.id)).id;
    const act = await createAct(t, a.ownerToken, client.id, { contractId });
    expect(act.contractId).toBe(contractId);

    const other = await createClient(t, a.ownerToken);
    const otherContract = (await signedContract(t, a.ownerToken, other.id)).id;
    const before = await actRowCount(a.agencyId);
    const res = await t.gql(
      CREATE_ACT,
      { input: { clientId: client.id, contractId: otherContract, periodStart: '2026-10-01', periodEnd: '2026-10-31', currency: 'RUB', lines: [line('1')] } },
      a.ownerToken,
    );
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.contractId' });
    const missing = await t.gql(
      CREATE_ACT,
      { input: { clientId: client.id, contractId: MISSING_ID, periodStart: '2026-10-01', periodEnd: '2026-10-31', currency: 'RUB', lines: [line('1')] } },
      a.ownerToken,
    );
    expect(missing.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.contractId' });
    expect(await actRowCount(a.agencyId)).toBe(before);
  });

  it('copies the lines of the issued invoices it closes when no lines are given', async () => {
    // one issued (the standard rate of its issue date), one paid (without VAT, and an explicit 22%)
    const inv1 = (await issuedInvoice(t, a.ownerToken, client.id, { lines: [invoiceLine('Настройка кампании', '15000.00')] })).id;
    const paid = await paidInvoice(t, a.ownerToken, client.id, {
      lines: [
        invoiceLine('Ведение, октябрь', '5000.00', { quantity: '2', vatRate: null }),
        invoiceLine('Отчёт', '999.99', { vatRate: '22' }),
      ],
    });
    expect(paid).toMatchObject({ status: 'PAID', subtotal: '10999.99', vatTotal: '220.00', total: '11219.99' });
    const inv2 = paid.id;
    const act = await createAct(t, a.ownerToken, client.id, { lines: null, invoiceIds: [inv1, inv2] });
    expect(act.invoiceIds).toEqual([inv1, inv2]);
    expect(act.lines.map((l: any) => [l.position, l.description, l.quantity, l.unitPrice, l.vatRate, l.vatRateAuto, l.net, l.vat])).toEqual([
      [1, 'Настройка кампании', '1.000', '15000.00', '22.00', true, '15000.00', '3300.00'],
      [2, 'Ведение, октябрь', '2.000', '5000.00', null, false, '10000.00', '0.00'],
      [3, 'Отчёт', '1.000', '999.99', '22.00', false, '999.99', '220.00'],
    ]);
    expect(act).toMatchObject({ subtotal: '25999.99', vatTotal: '3520.00', total: '29519.99' });
    expectTotalsMatchLines(act);
  });

  it('refuses invoices that are not issued, in another currency, or of another client; nothing is created', async () => {
    const l = { lines: [invoiceLine('x', '1.00', { vatRate: null })] };
    const draft = (await createInvoice(t, a.ownerToken, client.id, l)).id;
    const cancelled = (await cancelledInvoice(t, a.ownerToken, client.id, l)).id;
    const euro = (await issuedInvoice(t, a.ownerToken, client.id, { ...l, currency: 'EUR' })).id;
    const other = await createClient(t, a.ownerToken);
    const foreign = (await issuedInvoice(t, a.ownerToken, other.id, l)).id;
    const before = await actRowCount(a.agencyId);
    const base = { clientId: client.id, periodStart: '2026-10-01', periodEnd: '2026-10-31', currency: 'RUB' };

    const notIssued = await t.gql(CREATE_ACT, { input: { ...base, invoiceIds: [draft, cancelled, euro] } }, a.ownerToken);
    expect(notIssued.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(notIssued.body.errors?.[0].extensions?.fields.map((f: any) => f.path)).toEqual([
      'input.invoiceIds.0',
      'input.invoiceIds.1',
      'input.invoiceIds.2',
    ]);
    const otherClient = await t.gql(CREATE_ACT, { input: { ...base, invoiceIds: [foreign] } }, a.ownerToken);
    expect(otherClient.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.invoiceIds.0' });
    expect(await actRowCount(a.agencyId)).toBe(before);
  });
});

describe('updateAct', () => {
  it('changes a draft and re-prices it; an issued act is NOT_EDITABLE and stays as it was', async () => {
    const act = await createAct(t, a.ownerToken, client.id);
    const res = await t.gql(
      UPDATE_ACT,
      {
        input: {
          id: act.id,
          periodStart: '2026-10-05',
          lines: [line('3', { quantity: '33.335' }), line('10.00', { vatRate: null })],
          vatInvoiceNumber: ' СФ-17 ',
        },
      },
      a.ownerToken,
    );
    const updated = res.body.data.updateAct;
    expect(updated).toMatchObject({
      __typename: 'Act', periodStart: '2026-10-05', periodEnd: '2026-10-31', vatInvoiceNumber: 'СФ-17',
      subtotal: '110.01', vatTotal: '22.00', total: '132.01',
    });
    expect(updated.lines).toHaveLength(2);
    expectTotalsMatchLines(updated);

    const issued = (await t.gql(ISSUE_ACT, { input: { id: act.id, actDate: '2026-11-02' } }, a.ownerToken)).body.data.issueAct;
    // the VAT invoice is dated with the act when no date was given
    expect(issued).toMatchObject({ status: 'ISSUED', vatInvoiceNumber: 'СФ-17', vatInvoiceDate: '2026-11-02' });
    const refused = await t.gql(UPDATE_ACT, { input: { id: act.id, lines: [line('1.00')] } }, a.ownerToken);
    expect(refused.body.data.updateAct).toMatchObject({ __typename: 'ActNotEditableError', code: 'NOT_EDITABLE', status: 'ISSUED' });
    const { __typename, ...stored } = issued;
    expect(await readAct(act.id)).toEqual(stored);
  });
});

describe('issueAct', () => {
  it('numbers acts gaplessly from the default pattern; drafts and failed issues take no number', async () => {
    const fresh = await registerAgency(t);
    const c = await createClient(t, fresh.ownerToken);
    const first = await createAct(t, fresh.ownerToken, c.id);
    const second = await createAct(t, fresh.ownerToken, c.id);
    await createAct(t, fresh.ownerToken, c.id);
    expect(await actCounter(t, fresh.agencyId)).toBe(0);

    const issued1 = (await t.gql(ISSUE_ACT, { input: { id: first.id, actDate: '2026-11-02' } }, fresh.ownerToken)).body.data.issueAct;
    expect(issued1).toMatchObject({ __typename: 'Act', status: 'ISSUED', number: 'АКТ-2026-000001', actDate: '2026-11-02' });
    expect(issued1.issuedAt).toBeTruthy();

    // issuing it again is illegal and takes nothing
    const again = (await t.gql(ISSUE_ACT, { input: { id: first.id } }, fresh.ownerToken)).body.data.issueAct;
    expect(again).toMatchObject({ __typename: 'IllegalTransitionError', code: 'ILLEGAL_TRANSITION', entity: 'Act', from: 'ISSUED', to: 'ISSUED' });
    const { __typename, ...stored1 } = issued1;
    expect(await readAct(first.id, fresh.ownerToken)).toEqual(stored1);
    // an act date before the period: refused before a number is taken
    const early = await t.gql(ISSUE_ACT, { input: { id: second.id, actDate: '2026-09-30' } }, fresh.ownerToken);
    expect(early.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.actDate' }] });
    expect((await readAct(second.id, fresh.ownerToken)).status).toBe('DRAFT');
    expect(await actCounter(t, fresh.agencyId)).toBe(1);

    // the act date defaults to today in the agency time zone
    const issued2 = (await t.gql(ISSUE_ACT, { input: { id: second.id } }, fresh.ownerToken)).body.data.issueAct;
    expect(issued2).toMatchObject({ status: 'ISSUED', number: 'АКТ-2026-000002', actDate: today() });
  });

  it('issues a draft once when two issues race: one act, one ILLEGAL_TRANSITION, one number', async () => {
    const fresh = await registerAgency(t);
    const c = await createClient(t, fresh.ownerToken);
    const act = await createAct(t, fresh.ownerToken, c.id);
    const results = await Promise.all(
      [0, 1].map(async () => (await t.gql(ISSUE_ACT, { input: { id: act.id, actDate: '2026-11-02' } }, fresh.ownerToken)).body.data.issueAct),
    );
    expect(results.map((r) => r.__typename).sort()).toEqual(['Act', 'IllegalTransitionError']);
    expect(await actCounter(t, fresh.agencyId)).toBe(1);
    expect((await readAct(act.id, fresh.ownerToken)).number).toBe('АКТ-2026-000001');
  });

  it('issues without VAT for an agency that is not a VAT payer, keeping explicit rates', async () => {
    const fresh = await registerAgency(t);
    await updateAgencyRequisites(t, fresh.ownerToken, { vatPayer: false });
    const c = await createClient(t, fresh.ownerToken);
    const act = await createAct(t, fresh.ownerToken, c.id, { lines: [line('1000.00'), line('100.00', { vatRate: '0' })] });
    expect(act.lines.map((l: any) => [l.vatRate, l.vatRateAuto, l.vat])).toEqual([
      [null, true, '0.00'],
      ['0.00', false, '0.00'],
    ]);
    const issued = (await t.gql(ISSUE_ACT, { input: { id: act.id, actDate: '2026-11-02' } }, fresh.ownerToken)).body.data.issueAct;
    expect(issued).toMatchObject({ status: 'ISSUED', subtotal: '1100.00', vatTotal: '0.00', total: '1100.00' });
  });

  it('refuses BGN for a Bulgarian act dated after the euro changeover', async () => {
    const bg = await registerAgency(t, { country: 'BG', defaultCurrency: 'EUR', timeZone: 'Europe/Sofia' });
    const c = await createClient(t, bg.ownerToken, { country: 'BG' });
    const res = await t.gql(
      CREATE_ACT,
      { input: { clientId: c.id, periodStart: '2026-01-01', periodEnd: '2026-01-31', currency: 'BGN', lines: [line('100')] } },
      bg.ownerToken,
    );
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.currency' }] });
    const old = await createAct(t, bg.ownerToken, c.id, { periodStart: '2025-12-01', periodEnd: '2025-12-31', currency: 'BGN' });
    expect(old.lines[0]).toMatchObject({ vatRate: '20.00', vat: '200.00' });
    const late = await t.gql(ISSUE_ACT, { input: { id: old.id, actDate: '2026-01-05' } }, bg.ownerToken);
    expect(late.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.actDate' }] });
    expect(await actCounter(t, bg.agencyId)).toBe(0);
    const issued = (await t.gql(ISSUE_ACT, { input: { id: old.id, actDate: '2025-12-31' } }, bg.ownerToken)).body.data.issueAct;
    expect(issued).toMatchObject({ status: 'ISSUED', number: 'АКТ-2025-000001', total: '1200.00' });
  });

  it('is for agency staff only', async () => {
    const act = await createAct(t, a.ownerToken, client.id);
    const counter = await actCounter(t, a.agencyId);
    const res = await t.gql(ISSUE_ACT, { input: { id: act.id } }, portal.token);
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await readAct(act.id)).status).toBe('DRAFT');
    expect(await actCounter(t, a.agencyId)).toBe(counter);
  });
});

describe('signAct and disputeAct', () => {
  it("lets the client's portal user read and sign an issued act", async () => {
    const act = await issuedAct(t, manager.token, client.id);
    expect(await readAct(act.id, portal.token)).toMatchObject({ id: act.id, status: 'ISSUED', lines: act.lines });
    const res = (await t.gql(SIGN_ACT, { input: { id: act.id } }, portal.token)).body.data.signAct;
    expect(res).toMatchObject({ __typename: 'Act', status: 'SIGNED', signedOn: today(), signedBy: portal.email });
    expect(await readAct(act.id)).toMatchObject({ status: 'SIGNED', signedOn: today() });
  });

  it('lets staff record a paper signature with its date and signatory', async () => {
    const act = await issuedAct(t, manager.token, client.id);
    const res = (await t.gql(SIGN_ACT, { input: { id: act.id, signedOn: '2026-11-05', signedBy: ' Петров П. П. ' } }, manager.token)).body.data
      .signAct;
    expect(res).toMatchObject({ status: 'SIGNED', signedOn: '2026-11-05', signedBy: 'Петров П. П.' });
  });

  it('refuses a signature dated before the act or in the future, changing nothing', async () => {
    const act = await issuedAct(t, manager.token, client.id);
    const before = await t.gql(SIGN_ACT, { input: { id: act.id, signedOn: '2026-11-01' } }, manager.token);
    expect(before.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.signedOn' }] });
    const future = await t.gql(SIGN_ACT, { input: { id: act.id, signedOn: '2099-01-01' } }, manager.token);
    expect(future.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.signedOn' }] });
    expect(await readAct(act.id)).toEqual(act);
  });

  it('answers ILLEGAL_TRANSITION for signing a draft and leaves it unchanged', async () => {
    const act = await createAct(t, a.ownerToken, client.id);
    const res = (await t.gql(SIGN_ACT, { input: { id: act.id } }, a.ownerToken)).body.data.signAct;
    expect(res).toMatchObject({ __typename: 'IllegalTransitionError', code: 'ILLEGAL_TRANSITION', entity: 'Act', from: 'DRAFT', to: 'SIGNED' });
    expect(await readAct(act.id)).toEqual(act);
    // a portal user cannot see the draft at all
    const portalRes = await t.gql(SIGN_ACT, { input: { id: act.id } }, portal.token);
    expect(portalRes.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
  });

  it("records the client's objection; a signed act can no longer be disputed", async () => {
    const act = await issuedAct(t, manager.token, client.id);
    const res = (await t.gql(DISPUTE_ACT, { input: { id: act.id, reason: '  Отчёт за октябрь неполный  ' } }, portal.token)).body.data
      .disputeAct;
    expect(res).toMatchObject({ __typename: 'Act', status: 'DISPUTED', disputeReason: 'Отчёт за октябрь неполный' });
    expect(res.disputedAt).toBeTruthy();
    const sign = (await t.gql(SIGN_ACT, { input: { id: act.id } }, portal.token)).body.data.signAct;
    expect(sign).toMatchObject({ code: 'ILLEGAL_TRANSITION', from: 'DISPUTED', to: 'SIGNED' });

    const signed = await issuedAct(t, manager.token, client.id);
    await t.gql(SIGN_ACT, { input: { id: signed.id } }, portal.token);
    const late = (await t.gql(DISPUTE_ACT, { input: { id: signed.id, reason: 'поздно' } }, portal.token)).body.data.disputeAct;
    expect(late).toMatchObject({ code: 'ILLEGAL_TRANSITION', from: 'SIGNED', to: 'DISPUTED' });
    expect((await readAct(signed.id)).disputeReason).toBeNull();
  });

  it('requires a reason to dispute (BAD_USER_INPUT) and changes nothing', async () => {
    const act = await issuedAct(t, manager.token, client.id);
    const missing = await t.gql(DISPUTE_ACT, { input: { id: act.id } }, portal.token);
    expect(missing.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    for (const reason of ['', '   ']) {
      const res = await t.gql(DISPUTE_ACT, { input: { id: act.id, reason } }, portal.token);
      expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors?.[0].extensions?.fields[0].path).toBe('input.reason');
    }
    expect(await readAct(act.id)).toEqual(act);
  });

  it('revises a disputed act and reissues it under the same number and date', async () => {
    const fresh = await registerAgency(t);
    const c = await createClient(t, fresh.ownerToken);
    const clientUser = await createUser(t, fresh.ownerToken, 'CLIENT', c.id);
    const act = await issuedAct(t, fresh.ownerToken, c.id, {}, '2026-11-02');
    expect(act.number).toBe('АКТ-2026-000001');
    await t.gql(DISPUTE_ACT, { input: { id: act.id, reason: 'Сумма не та' } }, clientUser.token);

    // only a disputed act goes back, and only staff take it back
    const byPortal = await t.gql(REVISE_ACT, { input: { id: act.id } }, clientUser.token);
    expect(byPortal.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const revised = (await t.gql(REVISE_ACT, { input: { id: act.id } }, fresh.ownerToken)).body.data.reviseAct;
    expect(revised).toMatchObject({ __typename: 'Act', status: 'DRAFT', number: 'АКТ-2026-000001', disputeReason: 'Сумма не та' });
    expect(await readAct(act.id, clientUser.token)).toBeNull();

    const fixed = (await t.gql(UPDATE_ACT, { input: { id: act.id, lines: [line('900.00')] } }, fresh.ownerToken)).body.data.updateAct;
    expect(fixed).toMatchObject({ __typename: 'Act', subtotal: '900.00', vatTotal: '198.00', total: '1098.00' });
    const reissued = (await t.gql(ISSUE_ACT, { input: { id: act.id } }, fresh.ownerToken)).body.data.issueAct;
    expect(reissued).toMatchObject({ __typename: 'Act', status: 'ISSUED', number: 'АКТ-2026-000001', actDate: '2026-11-02', total: '1098.00' });
    expect(await actCounter(t, fresh.agencyId)).toBe(1);

    const next = await issuedAct(t, fresh.ownerToken, c.id);
    expect(next.number).toBe('АКТ-2026-000002');
    const notDisputed = (await t.gql(REVISE_ACT, { input: { id: next.id } }, fresh.ownerToken)).body.data.reviseAct;
    expect(notDisputed).toMatchObject({ code: 'ILLEGAL_TRANSITION', from: 'ISSUED', to: 'DRAFT' });
  });

  it("moves the deal of the act's contract to CLOSING when the client signs, also in the portal", async () => {
    const dealStage = async (id: string) => (await t.gql(DEAL_STAGE, { id }, manager.token)).body.data.deal.stage;
    /** A deal at `stage` with a signed contract; signing it leaves a deal at PAYMENT or beyond where it is. */
    const dealWithContract = async (stage: string) => {
      const deal = await createDeal(t, manager.token, client.id, { stage });
      const contract = await signedContract(t, manager.token, client.id, { dealId: deal.id });
      expect(await dealStage(deal.id)).toBe(stage);
      return { dealId: deal.id, contractId: contract.id };
    };
    const { dealId, contractId } = await dealWithContract('DELIVERY');
    const act = await issuedAct(t, manager.token, client.id, { contractId });
    const res = (await t.gql(SIGN_ACT, { input: { id: act.id } }, portal.token)).body.data.signAct;
    expect(res).toMatchObject({ __typename: 'Act', status: 'SIGNED', contractId });
    expect(await dealStage(dealId)).toBe('CLOSING');

    // staff recording a paper signature: the deal walks forward from PAYMENT
    const { dealId: dealId2, contractId: contractId2 } = await dealWithContract('PAYMENT');
    const act2 = await issuedAct(t, manager.token, client.id, { contractId: contractId2 });
    await t.gql(SIGN_ACT, { input: { id: act2.id, signedBy: 'Петров' } }, manager.token);
    expect(await dealStage(dealId2)).toBe('CLOSING');

    // a dispute does not move the deal
    const { dealId: dealId3, contractId: contractId3 } = await dealWithContract('DELIVERY');
    const act3 = await issuedAct(t, manager.token, client.id, { contractId: contractId3 });
    await t.gql(DISPUTE_ACT, { input: { id: act3.id, reason: 'не всё сделано' } }, portal.token);
    expect(await dealStage(dealId3)).toBe('DELIVERY');
  });
});

describe('portal users and tenancy', () => {
  it("hides drafts and other clients' acts from a portal user", async () => {
    const draft = await createAct(t, a.ownerToken, client.id);
    const other = await createClient(t, a.ownerToken);
    const otherPortal = await createUser(t, a.ownerToken, 'CLIENT', other.id);
    const act = await issuedAct(t, a.ownerToken, client.id);

    expect(await readAct(draft.id, portal.token)).toBeNull();
    expect(await readAct(act.id, otherPortal.token)).toBeNull();
    const own = (await t.gql(LIST_ACTS, { first: 100 }, portal.token)).body.data.acts;
    const ids = own.edges.map((e: any) => e.node.id);
    expect(ids).toContain(act.id);
    expect(ids).not.toContain(draft.id);
    expect(own.edges.every((e: any) => e.node.clientId === client.id && e.node.status !== 'DRAFT')).toBe(true);
    expect((await t.gql(LIST_ACTS, { first: 100 }, otherPortal.token)).body.data.acts.totalCount).toBe(0);

    const sign = await t.gql(SIGN_ACT, { input: { id: act.id } }, otherPortal.token);
    expect(sign.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
    const dispute = await t.gql(DISPUTE_ACT, { input: { id: act.id, reason: 'не наше' } }, otherPortal.token);
    expect(dispute.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
    expect(await readAct(act.id)).toEqual(act);
  });

  it('refuses agency operations to a portal user (FORBIDDEN)', async () => {
    const act = await createAct(t, a.ownerToken, client.id);
    const before = await actRowCount(a.agencyId);
    const create = await t.gql(
      CREATE_ACT,
      { input: { clientId: client.id, periodStart: '2026-10-01', periodEnd: '2026-10-31', currency: 'RUB', lines: [line('1')] } },
      portal.token,
    );
    expect(create.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const update = await t.gql(UPDATE_ACT, { input: { id: act.id, lines: [line('1')] } }, portal.token);
    expect(update.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await actRowCount(a.agencyId)).toBe(before);
    expect(await readAct(act.id)).toEqual(act);
  });

  it("does not reveal or change another agency's acts", async () => {
    const draft = await createAct(t, a.ownerToken, client.id);
    const act = await issuedAct(t, a.ownerToken, client.id);
    const counterA = await actCounter(t, a.agencyId);

    expect(await readAct(act.id, b.ownerToken)).toBeNull();
    expect(await readAct(draft.id, b.ownerToken)).toBeNull();
    const list = (await t.gql(LIST_ACTS, { first: 100, filter: { clientId: client.id } }, b.ownerToken)).body.data.acts;
    expect(list).toMatchObject({ totalCount: 0, edges: [] });

    const issue = await t.gql(ISSUE_ACT, { input: { id: draft.id } }, b.ownerToken);
    expect(issue.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
    const sign = await t.gql(SIGN_ACT, { input: { id: act.id } }, b.ownerToken);
    expect(sign.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
    const dispute = await t.gql(DISPUTE_ACT, { input: { id: act.id, reason: 'чужое' } }, b.ownerToken);
    expect(dispute.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
    const update = await t.gql(UPDATE_ACT, { input: { id: draft.id, lines: [line('1')] } }, b.ownerToken);
    expect(update.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
    const create = await t.gql(
      CREATE_ACT,
      { input: { clientId: client.id, periodStart: '2026-10-01', periodEnd: '2026-10-31', currency: 'RUB', lines: [line('1')] } },
      b.ownerToken,
    );
    expect(create.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.clientId' });

    expect(await readAct(draft.id)).toEqual(draft);
    expect(await readAct(act.id)).toEqual(act);
    expect(await actCounter(t, a.agencyId)).toBe(counterA);
    expect(await actCounter(t, b.agencyId)).toBe(0);
    expect(await actRowCount(b.agencyId)).toBe(0);
  });

  it('answers null for a missing or malformed id', async () => {
    expect(await readAct(MISSING_ID)).toBeNull();
    expect(await readAct('not-a-uuid')).toBeNull();
  });
});

describe('acts list', () => {
  it('filters by client, contract and status and pages newest first', async () => {
    const c = await createClient(t, a.ownerToken);
    const contractId = (await signedContract(t, a.ownerToken, c.id)).id;
    const d1 = await createAct(t, a.ownerToken, c.id);
    const i1 = await issuedAct(t, a.ownerToken, c.id, { contractId });
    const i2 = await issuedAct(t, a.ownerToken, c.id);

    const all = (await t.gql(LIST_ACTS, { filter: { clientId: c.id } }, a.ownerToken)).body.data.acts;
    expect(all.totalCount).toBe(3);
    expect(all.edges.map((e: any) => e.node.id)).toEqual([i2.id, i1.id, d1.id]);
    const issued = (await t.gql(LIST_ACTS, { filter: { clientId: c.id, statuses: ['ISSUED'] } }, a.ownerToken)).body.data.acts;
    expect(issued.edges.map((e: any) => e.node.id)).toEqual([i2.id, i1.id]);
    const byContract = (await t.gql(LIST_ACTS, { filter: { contractId } }, a.ownerToken)).body.data.acts;
    expect(byContract.edges.map((e: any) => e.node.id)).toEqual([i1.id]);

    const page1 = (await t.gql(LIST_ACTS, { first: 2, filter: { clientId: c.id } }, a.ownerToken)).body.data.acts;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await t.gql(LIST_ACTS, { first: 2, after: page1.pageInfo.endCursor, filter: { clientId: c.id } }, a.ownerToken)).body.data.acts;
    expect(page2.edges.map((e: any) => e.node.id)).toEqual([d1.id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });
});

describe('ACT_UNSIGNED control point', () => {
  it('lists issued unsigned acts, due actSignDays (5) after the act date, for the client owner', async () => {
    const c = await createClient(t, a.ownerToken, { ownerId: manager.id });
    const cUser = await createUser(t, a.ownerToken, 'CLIENT', c.id);
    await createAct(t, a.ownerToken, c.id);
    const unsigned = await issuedAct(t, a.ownerToken, c.id, {}, '2026-11-02');
    const signed = await issuedAct(t, a.ownerToken, c.id, {}, '2026-11-03');
    await t.gql(SIGN_ACT, { input: { id: signed.id } }, cUser.token);

    const res = await t.gql(ACT_CONTROL_POINTS, { filter: { kinds: ['ACT_UNSIGNED'], clientId: c.id } }, manager.token);
    expect(res.body.data.controlPoints.edges.map((e: any) => e.node)).toEqual([
      {
        kind: 'ACT_UNSIGNED',
        dueOn: '2026-11-07',
        overdue: today() > '2026-11-07',
        clientId: c.id,
        objectType: 'Act',
        objectId: unsigned.id,
        title: expect.stringContaining(unsigned.number),
        managerId: manager.id,
      },
    ]);
    const early = await t.gql(ACT_CONTROL_POINTS, { filter: { kinds: ['ACT_UNSIGNED'], clientId: c.id, dueBefore: '2026-11-06' } }, manager.token);
    expect(early.body.data.controlPoints.totalCount).toBe(0);
    const onDue = await t.gql(ACT_CONTROL_POINTS, { filter: { kinds: ['ACT_UNSIGNED'], clientId: c.id, dueBefore: '2026-11-07' } }, manager.token);
    expect(onDue.body.data.controlPoints.totalCount).toBe(1);
    const otherAgency = await t.gql(ACT_CONTROL_POINTS, { filter: { kinds: ['ACT_UNSIGNED'] } }, b.ownerToken);
    expect(otherAgency.body.data.controlPoints.totalCount).toBe(0);
  });
});
