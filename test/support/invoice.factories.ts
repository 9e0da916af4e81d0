/**
 * GraphQL documents and factories of the invoice feature, as a front-end would use them: every
 * invoice is built through createInvoice / issueInvoice / recordPayment / cancelInvoice, so its
 * VAT, totals, number and status are the ones the API computes.
 */
import type { TestApp } from './app';
import { dataOf } from './expect';

export const INVOICE_FIELDS = /* GraphQL */ `
  fragment InvoiceFields on Invoice {
    id clientId contractId kind number status currency issueDate supplyDate dueDate
    subtotal vatTotal total prepaymentDeducted amountDue paidAmount balanceDue
    notes issuedAt cancelledAt cancelReason
    lines { id position description quantity unit unitPrice vatRate vatRateAuto net vat gross }
  }
`;

const RESULT_FIELDS = /* GraphQL */ `
  __typename
  ... on Invoice { ...InvoiceFields }
  ... on ErrorResult { code message }
  ... on IllegalTransitionError { entity from to }
`;

export const CREATE_INVOICE = /* GraphQL */ `
  mutation CreateInvoice($input: CreateInvoiceInput!) { createInvoice(input: $input) { ...InvoiceFields } }
  ${INVOICE_FIELDS}
`;

export const ISSUE_INVOICE = /* GraphQL */ `
  mutation IssueInvoice($input: IssueInvoiceInput!) { issueInvoice(input: $input) { ${RESULT_FIELDS} } }
  ${INVOICE_FIELDS}
`;

export const CANCEL_INVOICE = /* GraphQL */ `
  mutation CancelInvoice($input: CancelInvoiceInput!) { cancelInvoice(input: $input) { ${RESULT_FIELDS} } }
  ${INVOICE_FIELDS}
`;

export const RECORD_PAYMENT = /* GraphQL */ `
  mutation RecordPayment($input: RecordPaymentInput!) { recordPayment(input: $input) { ${RESULT_FIELDS} } }
  ${INVOICE_FIELDS}
`;

export const GET_INVOICE = /* GraphQL */ `
  query GetInvoice($id: ID!) { invoice(id: $id) { ...InvoiceFields } }
  ${INVOICE_FIELDS}
`;

/** The default issue date of the factories (October 2026: 22% standard VAT in Russia). */
export const ISSUE_DATE = '2026-10-01';

/** An invoice line: quantity 1 and the automatic VAT rate unless given (`vatRate: null` = without VAT). */
export function invoiceLine(description: string, unitPrice: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { description, unitPrice, ...extra };
}

/** Drops the union's __typename, to compare with a read. */
function withoutTypename<T extends { __typename?: string }>(value: T): Omit<T, '__typename'> {
  const { __typename, ...rest } = value;
  return rest;
}

/** A DRAFT invoice through createInvoice: RUB, due 2026-10-15, one 1000.00 line, unless overridden. */
export async function createInvoice(t: TestApp, token: string, clientId: string, input: Record<string, unknown> = {}): Promise<any> {
  const res = await t.gql(
    CREATE_INVOICE,
    { input: { clientId, currency: 'RUB', dueDate: '2026-10-15', lines: [invoiceLine('Ведение рекламной кампании', '1000.00')], ...input } },
    token,
  );
  return dataOf(res, 'createInvoice');
}

/** Issues a draft on `issueDate` (number, VAT re-read, totals) and expects the invoice back. */
export async function issueInvoice(t: TestApp, token: string, id: string, issueDate = ISSUE_DATE): Promise<any> {
  return withoutTypename(dataOf(await t.gql(ISSUE_INVOICE, { input: { id, issueDate } }, token), 'issueInvoice', 'Invoice'));
}

/** An ISSUED invoice: created, then issued on `issueDate`. */
export async function issuedInvoice(
  t: TestApp,
  token: string,
  clientId: string,
  input: Record<string, unknown> = {},
  issueDate = ISSUE_DATE,
): Promise<any> {
  const draft = await createInvoice(t, token, clientId, input);
  return issueInvoice(t, token, draft.id, issueDate);
}

/** A PAID invoice: issued on `issueDate`, then paid in full on the same day. */
export async function paidInvoice(
  t: TestApp,
  token: string,
  clientId: string,
  input: Record<string, unknown> = {},
  issueDate = ISSUE_DATE,
): Promise<any> {
  const issued = await issuedInvoice(t, token, clientId, input, issueDate);
  const res = await t.gql(RECORD_PAYMENT, { input: { invoiceId: issued.id, amount: issued.balanceDue, paidAt: issueDate } }, token);
  const paid = withoutTypename(dataOf(res, 'recordPayment', 'Invoice'));
  if (paid.status !== 'PAID') throw new Error(`recordPayment left the invoice ${paid.status}`);
  return paid;
}

/** A CANCELLED invoice: issued (so it holds a number), then cancelled with nothing paid. */
export async function cancelledInvoice(
  t: TestApp,
  token: string,
  clientId: string,
  input: Record<string, unknown> = {},
  issueDate = ISSUE_DATE,
): Promise<any> {
  const issued = await issuedInvoice(t, token, clientId, input, issueDate);
  const res = await t.gql(CANCEL_INVOICE, { input: { id: issued.id, reason: 'Выставлен по ошибке' } }, token);
  return withoutTypename(dataOf(res, 'cancelInvoice', 'Invoice'));
}
