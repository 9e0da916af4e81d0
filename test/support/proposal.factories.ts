/** GraphQL documents and factories of the proposal feature, as a front-end would use them. */
import type { TestApp } from './app';
import { dataOf } from './expect';

export const PROPOSAL_FIELDS = /* GraphQL */ `
  fragment ProposalFields on Proposal {
    id clientId briefId dealId title currency validUntil status revision
    sentAt decidedAt rejectionReason rejectionNote mixJustification correctionDueOn createdAt updatedAt
    client { id name }
    blocks {
      companyPresentation achievements team cases marketAnalytics placementAudit
      recommendations mediaPlanNotes commercialTerms guarantees
    }
    lines { id position channel description periodStart periodEnd budget agencyFee feeInternal expectedKpi category }
    toolMix {
      proven uncertain experimental provenDeviation uncertainDeviation experimentalDeviation
      tolerance withinPolicy totalBudget provenBudget uncertainBudget experimentalBudget
    }
    totals { budgetTotal feeTotal grandTotal }
    revisions { id revision status correctedAt reason title validUntil lines { channel budget agencyFee category } }
  }
`;

const ERROR_FIELDS = /* GraphQL */ `
  ... on ErrorResult { __typename code message }
  ... on IllegalTransitionError { entity from to }
`;

/** What a client-portal user may select of an offer (no brief/deal ids, tool mix, justification, revisions, fee flags). */
export const PORTAL_PROPOSAL_FIELDS = /* GraphQL */ `
  fragment PortalProposalFields on Proposal {
    id clientId title currency validUntil status revision
    sentAt decidedAt rejectionReason rejectionNote createdAt updatedAt
    client { id name }
    blocks {
      companyPresentation achievements team cases marketAnalytics placementAudit
      recommendations mediaPlanNotes commercialTerms guarantees
    }
    lines { id position channel description periodStart periodEnd budget agencyFee expectedKpi category }
    totals { budgetTotal feeTotal grandTotal }
  }
`;

export const CREATE_PROPOSAL = /* GraphQL */ `
  mutation CreateProposal($input: CreateProposalInput!) { createProposal(input: $input) { ...ProposalFields } }
  ${PROPOSAL_FIELDS}
`;

export const UPDATE_PROPOSAL = /* GraphQL */ `
  mutation UpdateProposal($input: UpdateProposalInput!) {
    updateProposal(input: $input) {
      __typename
      ... on Proposal { ...ProposalFields }
      ... on ErrorResult { __typename code message }
      ... on ProposalNotEditableError { status }
    }
  }
  ${PROPOSAL_FIELDS}
`;

export const SEND_PROPOSAL = /* GraphQL */ `
  mutation SendProposal($input: SendProposalInput!) {
    sendProposal(input: $input) {
      __typename
      ... on Proposal { ...ProposalFields }
      ${ERROR_FIELDS}
      ... on ToolMixOutOfPolicyError {
        proven uncertain experimental provenDeviation uncertainDeviation experimentalDeviation tolerance
        toolMix { withinPolicy }
      }
      ... on ProposalValidityPassedError { validUntil }
    }
  }
  ${PROPOSAL_FIELDS}
`;

export const ACCEPT_PROPOSAL = /* GraphQL */ `
  mutation AcceptProposal($input: AcceptProposalInput!) {
    acceptProposal(input: $input) {
      __typename
      ... on Proposal { ...ProposalFields }
      ${ERROR_FIELDS}
    }
  }
  ${PROPOSAL_FIELDS}
`;

export const REJECT_PROPOSAL = /* GraphQL */ `
  mutation RejectProposal($input: RejectProposalInput!) {
    rejectProposal(input: $input) {
      __typename
      ... on Proposal { ...ProposalFields }
      ${ERROR_FIELDS}
    }
  }
  ${PROPOSAL_FIELDS}
`;

export const REVISE_PROPOSAL = /* GraphQL */ `
  mutation ReviseProposal($input: ReviseProposalInput!) {
    reviseProposal(input: $input) {
      __typename
      ... on Proposal { ...ProposalFields }
      ${ERROR_FIELDS}
    }
  }
  ${PROPOSAL_FIELDS}
`;

export const PORTAL_ACCEPT_PROPOSAL = /* GraphQL */ `
  mutation PortalAcceptProposal($input: AcceptProposalInput!) {
    acceptProposal(input: $input) {
      __typename
      ... on Proposal { ...PortalProposalFields }
      ${ERROR_FIELDS}
    }
  }
  ${PORTAL_PROPOSAL_FIELDS}
`;

export const PORTAL_REJECT_PROPOSAL = /* GraphQL */ `
  mutation PortalRejectProposal($input: RejectProposalInput!) {
    rejectProposal(input: $input) {
      __typename
      ... on Proposal { ...PortalProposalFields }
      ${ERROR_FIELDS}
    }
  }
  ${PORTAL_PROPOSAL_FIELDS}
`;

export const GET_PORTAL_PROPOSAL = /* GraphQL */ `
  query GetPortalProposal($id: ID!) { proposal(id: $id) { ...PortalProposalFields } }
  ${PORTAL_PROPOSAL_FIELDS}
`;

export const GET_PROPOSAL = /* GraphQL */ `
  query GetProposal($id: ID!) { proposal(id: $id) { ...ProposalFields } }
  ${PROPOSAL_FIELDS}
`;

export const LIST_PROPOSALS = /* GraphQL */ `
  query ListProposals($first: Int, $after: String, $filter: ProposalFilter, $orderBy: ProposalOrder) {
    proposals(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id title status validUntil createdAt clientId } }
    }
  }
`;

export const LIST_PROPOSALS_WITH_LINES = /* GraphQL */ `
  query ListProposalsWithLines($first: Int) {
    proposals(first: $first) {
      edges {
        node {
          id status
          client { id name }
          lines { id channel budget agencyFee category }
          toolMix { proven uncertain experimental withinPolicy }
          totals { budgetTotal feeTotal grandTotal }
          revisions { revision }
        }
      }
    }
  }
`;

export const CONTROL_POINTS = /* GraphQL */ `
  query ControlPoints($filter: ControlPointFilter, $first: Int) {
    controlPoints(filter: $filter, first: $first) {
      totalCount
      edges { node { kind dueOn overdue clientId objectType objectId title managerId } }
    }
  }
`;

/** A media plan of three lines with the given budgets (proven / uncertain / experimental). */
export function mediaPlan(proven = '700000', uncertain = '200000', experimental = '100000') {
  return [
    { channel: 'Яндекс Директ, поиск', budget: proven, category: 'PROVEN', agencyFee: '70000.00', expectedKpi: 'CPL ≤ 1 500 ₽' },
    { channel: 'VK Реклама', budget: uncertain, category: 'UNCERTAIN', agencyFee: '20000', feeInternal: true },
    { channel: 'Telegram Ads', budget: experimental, category: 'EXPERIMENTAL', agencyFee: '0', periodStart: '2026-04-01', periodEnd: '2026-04-30' },
  ];
}

/** A calendar date `days` from today (UTC). */
export function dateFromToday(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A DRAFT proposal with a 70/20/10 media plan valid for 30 more days, unless overridden. */
export async function createProposal(t: TestApp, token: string, clientId: string, input: Record<string, unknown> = {}): Promise<any> {
  const res = await t.gql(
    CREATE_PROPOSAL,
    { input: { clientId, currency: 'RUB', validUntil: dateFromToday(30), title: 'КП на контекст', lines: mediaPlan(), ...input } },
    token,
  );
  return dataOf(res, 'createProposal');
}

/** A SENT proposal (created and sent). */
export async function createSentProposal(
  t: TestApp,
  token: string,
  clientId: string,
  input: Record<string, unknown> = {},
  justification?: string,
): Promise<any> {
  const draft = await createProposal(t, token, clientId, input);
  const res = await t.gql(SEND_PROPOSAL, { input: { id: draft.id, justification } }, token);
  return dataOf(res, 'sendProposal', 'Proposal');
}
