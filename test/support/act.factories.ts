/** GraphQL documents and factories of the act feature, as a front-end would use them. */
import type { TestApp } from './app';
import { dataOf } from './expect';

export const ACT_FIELDS = /* GraphQL */ `
  fragment ActFields on Act {
    id clientId contractId invoiceIds number actDate periodStart periodEnd currency status
    subtotal vatTotal total issuedAt signedOn signedBy disputeReason disputedAt
    vatInvoiceNumber vatInvoiceDate createdAt updatedAt
    client { id name }
    lines { id position description quantity unit unitPrice vatRate vatRateAuto net vat gross }
  }
`;

const ERROR_FIELDS = /* GraphQL */ `
  ... on ErrorResult { __typename code message }
  ... on IllegalTransitionError { entity from to }
`;

export const CREATE_ACT = /* GraphQL */ `
  mutation CreateAct($input: CreateActInput!) { createAct(input: $input) { ...ActFields } }
  ${ACT_FIELDS}
`;

export const UPDATE_ACT = /* GraphQL */ `
  mutation UpdateAct($input: UpdateActInput!) {
    updateAct(input: $input) {
      __typename
      ... on Act { ...ActFields }
      ... on ErrorResult { __typename code message }
      ... on ActNotEditableError { status }
    }
  }
  ${ACT_FIELDS}
`;

function transition(name: string, inputType: string): string {
  return /* GraphQL */ `
    mutation ${name[0].toUpperCase() + name.slice(1)}($input: ${inputType}!) {
      ${name}(input: $input) {
        __typename
        ... on Act { ...ActFields }
        ${ERROR_FIELDS}
      }
    }
    ${ACT_FIELDS}
  `;
}

export const ISSUE_ACT = transition('issueAct', 'IssueActInput');
export const SIGN_ACT = transition('signAct', 'SignActInput');
export const DISPUTE_ACT = transition('disputeAct', 'DisputeActInput');
export const REVISE_ACT = transition('reviseAct', 'ReviseActInput');

export const GET_ACT = /* GraphQL */ `
  query GetAct($id: ID!) { act(id: $id) { ...ActFields } }
  ${ACT_FIELDS}
`;

export const LIST_ACTS = /* GraphQL */ `
  query ListActs($first: Int, $after: String, $filter: ActFilter) {
    acts(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id number status clientId total lines { id net } } }
    }
  }
`;

export const ACT_CONTROL_POINTS = /* GraphQL */ `
  query ActControlPoints($filter: ControlPointFilter) {
    controlPoints(filter: $filter, first: 100) {
      totalCount
      edges { node { kind dueOn overdue clientId objectType objectId title managerId } }
    }
  }
`;

/** A service line: omitted quantity and vatRate unless given. */
export function line(unitPrice: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { description: 'Ведение рекламной кампании', unitPrice, ...extra };
}

/** A DRAFT act through createAct. */
export async function createAct(t: TestApp, token: string, clientId: string, input: Record<string, unknown> = {}): Promise<any> {
  const res = await t.gql(
    CREATE_ACT,
    {
      input: {
        clientId,
        periodStart: '2026-10-01',
        periodEnd: '2026-10-31',
        currency: 'RUB',
        lines: [line('1000.00')],
        ...input,
      },
    },
    token,
  );
  return dataOf<any>(res, 'createAct');
}

/** An ISSUED act (created, then issued on `actDate`). */
export async function issuedAct(
  t: TestApp,
  token: string,
  clientId: string,
  input: Record<string, unknown> = {},
  actDate = '2026-11-02',
): Promise<any> {
  const act = await createAct(t, token, clientId, input);
  const res = await t.gql(ISSUE_ACT, { input: { id: act.id, actDate } }, token);
  const issued = dataOf<any>(res, 'issueAct');
  if (issued.__typename !== 'Act') throw new Error(`issueAct failed: ${JSON.stringify(issued)}`);
  const { __typename, ...stored } = issued;
  return stored;
}

// ---------------------------------------------------------------------------------------------
// Contracts, deals and invoices placed straight in the database. Deliberate for now: the act tests
// need issued invoices with exact stored line amounts (and numbers that never touch the invoice
// counter, so act numbering is observed alone). They skip the invoice's own totals and payments:
// acts copy only the lines, so nothing here may be used to test invoice amounts.

/** A contract row of the client (optionally of a deal). */
export async function insertContract(
  t: TestApp,
  agencyId: string,
  clientId: string,
  opts: { dealId?: string | null; status?: string; currency?: string } = {},
): Promise<string> {
  const rows = await t.ds.query(
    `INSERT INTO contracts ("agencyId", "clientId", "dealId", "contractDate", subject, amount, currency, status)
     VALUES ($1, $2, $3, '2026-09-01', 'Ведение контекстной рекламы', '100000.00', $4, $5) RETURNING id`,
    [agencyId, clientId, opts.dealId ?? null, opts.currency ?? 'RUB', opts.status ?? 'SIGNED'],
  );
  return rows[0].id;
}

/** A deal row of the client at `stage`. */
export async function insertDeal(t: TestApp, agencyId: string, clientId: string, stage = 'DELIVERY'): Promise<string> {
  const rows = await t.ds.query(
    `INSERT INTO deals ("agencyId", "clientId", title, stage, "stageEnteredAt", "openedAt")
     VALUES ($1, $2, 'Контекст на 2026', $3, now(), now()) RETURNING id`,
    [agencyId, clientId, stage],
  );
  return rows[0].id;
}

export interface InvoiceLineRow {
  description: string;
  quantity: string;
  unitPrice: string;
  vatRate: string | null;
  vatRateAuto?: boolean;
  net: string;
  vat: string;
  gross: string;
}

let invoiceSeq = 0;

/** An invoice row with its lines. */
export async function insertInvoice(
  t: TestApp,
  agencyId: string,
  clientId: string,
  lines: InvoiceLineRow[],
  opts: { status?: string; currency?: string; kind?: string; contractId?: string | null } = {},
): Promise<string> {
  const status = opts.status ?? 'ISSUED';
  const number = status === 'DRAFT' ? null : `T-${process.pid}-${++invoiceSeq}`;
  const rows = await t.ds.query(
    `INSERT INTO invoices ("agencyId", "clientId", "contractId", kind, number, status, currency, "issueDate", "dueDate")
     VALUES ($1, $2, $3, $4, $5, $6, $7, '2026-10-01', '2026-10-15') RETURNING id`,
    [agencyId, clientId, opts.contractId ?? null, opts.kind ?? 'STANDARD', number, status, opts.currency ?? 'RUB'],
  );
  const id: string = rows[0].id;
  for (const [i, l] of lines.entries()) {
    await t.ds.query(
      `INSERT INTO invoice_lines ("agencyId", "invoiceId", "clientId", position, description, quantity, "unitPrice", "vatRate", "vatRateAuto", net, vat, gross)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [agencyId, id, clientId, i + 1, l.description, l.quantity, l.unitPrice, l.vatRate, l.vatRateAuto ?? false, l.net, l.vat, l.gross],
    );
  }
  return id;
}

/** The act counter of an agency: how many act numbers were taken (per period). */
export async function actCounter(t: TestApp, agencyId: string): Promise<number> {
  const rows = await t.ds.query(`SELECT COALESCE(SUM("lastNumber"), 0)::int AS n FROM document_counters WHERE "agencyId" = $1 AND kind = 'ACT'`, [
    agencyId,
  ]);
  return rows[0].n;
}
