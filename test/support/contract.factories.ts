/** GraphQL documents and factories of the contract feature, as a front-end would use them. */
import type { TestApp } from './app';
import { dataOf } from './expect';

/** Shared by agency and portal callers: no dealId / approvals.decidedById, which the portal may not see. */
export const CONTRACT_FIELDS = /* GraphQL */ `
  fragment ContractFields on Contract {
    id clientId proposalId number contractDate subject amount currency startsOn endsOn status
    submittedAt signedOn signedByClient closedAt terminationReason approvalRound createdAt updatedAt
    client { id name }
    corrections { correctedAt note }
    paymentSchedule { id position label trigger percent amount dueOn isPrepayment }
    approvals { id round current name position decision comment decidedAt }
    pendingApprovers { id name position }
  }
`;

const RESULT_FIELDS = /* GraphQL */ `
  __typename
  ... on Contract { ...ContractFields }
  ... on ErrorResult { code message }
  ... on IllegalTransitionError { entity from to }
  ... on ContractNotEditableError { status }
  ... on ContractApprovalsPendingError { round pendingApprovers { id name position decision } }
  ... on ContractApprovalAlreadyDecidedError { approvalId round currentRound decision contractStatus }
`;

export const CREATE_CONTRACT = /* GraphQL */ `
  mutation CreateContract($input: CreateContractInput!) { createContract(input: $input) { ...ContractFields } }
  ${CONTRACT_FIELDS}
`;

export const UPDATE_CONTRACT = /* GraphQL */ `
  mutation UpdateContract($input: UpdateContractInput!) { updateContract(input: $input) { ${RESULT_FIELDS} } }
  ${CONTRACT_FIELDS}
`;

export const SUBMIT_CONTRACT = /* GraphQL */ `
  mutation SubmitContract($input: SubmitContractForApprovalInput!) {
    submitContractForApproval(input: $input) { ${RESULT_FIELDS} }
  }
  ${CONTRACT_FIELDS}
`;

export const APPROVE_CONTRACT = /* GraphQL */ `
  mutation ApproveContract($input: ApproveContractInput!) { approveContract(input: $input) { ${RESULT_FIELDS} } }
  ${CONTRACT_FIELDS}
`;

export const SIGN_CONTRACT = /* GraphQL */ `
  mutation SignContract($input: SignContractInput!) { signContract(input: $input) { ${RESULT_FIELDS} } }
  ${CONTRACT_FIELDS}
`;

export const COMPLETE_CONTRACT = /* GraphQL */ `
  mutation CompleteContract($input: CompleteContractInput!) { completeContract(input: $input) { ${RESULT_FIELDS} } }
  ${CONTRACT_FIELDS}
`;

export const TERMINATE_CONTRACT = /* GraphQL */ `
  mutation TerminateContract($input: TerminateContractInput!) { terminateContract(input: $input) { ${RESULT_FIELDS} } }
  ${CONTRACT_FIELDS}
`;

export const GET_CONTRACT = /* GraphQL */ `
  query GetContract($id: ID!) { contract(id: $id) { ...ContractFields } }
  ${CONTRACT_FIELDS}
`;

export const LIST_CONTRACTS = /* GraphQL */ `
  query ListContracts($first: Int, $after: String, $filter: ContractFilter) {
    contracts(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id number status clientId dealId createdAt } }
    }
  }
`;

export const LIST_CONTRACTS_DEEP = /* GraphQL */ `
  query ListContractsDeep($first: Int, $filter: ContractFilter) {
    contracts(first: $first, filter: $filter) {
      edges {
        node {
          id status client { id name }
          paymentSchedule { position amount }
          approvals { name decision current }
          pendingApprovers { name }
        }
      }
    }
  }
`;

/** A typical schedule: 50% prepayment on signing, 50% after delivery. */
export function halfAndHalf() {
  return [
    { label: 'Предоплата 50%', trigger: 'ON_SIGNING', percent: '50', isPrepayment: true },
    { label: 'Оплата после оказания услуг', trigger: 'AFTER_DELIVERY', percent: '50' },
  ];
}

/** Two typical client-side approvers: the director and the chief accountant. */
export const DIRECTOR = { name: 'Петров Пётр Петрович', position: 'Генеральный директор' };
export const ACCOUNTANT = { name: 'Сидорова Анна Ивановна', position: 'Главный бухгалтер' };

/** A DRAFT contract of 100000.01 RUB with the 50/50 schedule, unless overridden. */
export async function createContract(t: TestApp, token: string, clientId: string, input: Record<string, unknown> = {}): Promise<any> {
  const res = await t.gql(
    CREATE_CONTRACT,
    {
      input: {
        clientId,
        subject: 'Ведение контекстной рекламы',
        amount: '100000.01',
        currency: 'RUB',
        paymentSchedule: halfAndHalf(),
        ...input,
      },
    },
    token,
  );
  return dataOf(res, 'createContract');
}

/** Submits a contract for approval (director and accountant unless given). */
export async function submitContract(t: TestApp, token: string, id: string, approvers: unknown[] = [DIRECTOR, ACCOUNTANT]): Promise<any> {
  return dataOf(await t.gql(SUBMIT_CONTRACT, { input: { id, approvers } }, token), 'submitContractForApproval', 'Contract');
}

/** Records a decision and expects the contract back. */
export async function decide(
  t: TestApp,
  token: string,
  id: string,
  approvalId: string,
  decision: 'APPROVED' | 'RETURNED',
  comment?: string,
): Promise<any> {
  return dataOf(await t.gql(APPROVE_CONTRACT, { input: { id, approvalId, decision, comment } }, token), 'approveContract', 'Contract');
}

/** A contract ON_APPROVAL (created and submitted). */
export async function createSubmittedContract(
  t: TestApp,
  token: string,
  clientId: string,
  input: Record<string, unknown> = {},
  approvers?: unknown[],
): Promise<any> {
  const draft = await createContract(t, token, clientId, input);
  return submitContract(t, token, draft.id, approvers);
}

/** Reads a contract back as `token` sees it (null when not visible). */
export async function readContract(t: TestApp, token: string, id: string): Promise<any> {
  const res = await t.gql(GET_CONTRACT, { id }, token);
  if (res.body.errors?.length) throw new Error(`contract failed: ${JSON.stringify(res.body.errors)}`);
  return res.body.data.contract;
}

/** A SIGNED contract: created (100000.01 RUB, 50/50 unless overridden), then signed by the agency today. */
export async function signedContract(t: TestApp, token: string, clientId: string, input: Record<string, unknown> = {}): Promise<any> {
  const draft = await createContract(t, token, clientId, input);
  return dataOf(await t.gql(SIGN_CONTRACT, { input: { id: draft.id } }, token), 'signContract', 'Contract');
}
