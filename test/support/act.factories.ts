/** GraphQL documents and factories of the act feature, as a front-end would use them. */
import type { TestApp } from './app';
import { dataOf } from './expect';

export const ACT_FIELDS = /* GraphQL */ `
  fragment ActFields on Act {
    id clientId contractId invoiceIds number actDate periodStart periodEnd currency status
    subtotal vatTotal total vatDifference issuedAt signedOn signedBy disputeReason disputedAt
    vatInvoiceNumber vatInvoiceDate createdAt updatedAt
    client { id name }
    lines { id position description quantity unit unitPrice vatRate vatRateAuto invoicedVatRate net vat gross }
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

/** The act counter of an agency: how many act numbers were taken (per period). Read-only. */
export async function actCounter(t: TestApp, agencyId: string): Promise<number> {
  const rows = await t.ds.query(`SELECT COALESCE(SUM("lastNumber"), 0)::int AS n FROM document_counters WHERE "agencyId" = $1 AND kind = 'ACT'`, [
    agencyId,
  ]);
  return rows[0].n;
}
