import { randomUUID } from 'node:crypto';
import type { TestApp } from './app';
import { dataOf } from './expect';
import { CREATE_CLIENT, CREATE_CONTACT, CREATE_USER, LOGIN, REGISTER_AGENCY } from './documents';

export const PASSWORD = 'correct-horse-battery';

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

export interface AgencyActors {
  agencyId: string;
  ownerToken: string;
  ownerId: string;
  ownerEmail: string;
}

/** A new agency with its owner, through the public API. */
export async function registerAgency(t: TestApp, overrides: Record<string, unknown> = {}): Promise<AgencyActors> {
  const email = uniqueEmail('owner');
  const res = await t.gql(REGISTER_AGENCY, {
    input: { agencyName: 'Агентство ' + randomUUID().slice(0, 6), email, password: PASSWORD, ...overrides },
  });
  const p = dataOf<any>(res, 'registerAgency');
  return { agencyId: p.agency.id, ownerToken: p.token, ownerId: p.user.id, ownerEmail: email };
}

export async function login(t: TestApp, email: string, password = PASSWORD): Promise<string> {
  return dataOf<any>(await t.gql(LOGIN, { input: { email, password } }), 'login').token;
}

/** Creates a user through createUser (as the owner) and logs it in. */
export async function createUser(
  t: TestApp,
  ownerToken: string,
  role: 'OWNER' | 'MANAGER' | 'CLIENT',
  clientId?: string,
): Promise<{ id: string; email: string; token: string }> {
  const email = uniqueEmail(role.toLowerCase());
  const res = await t.gql(CREATE_USER, { input: { email, password: PASSWORD, role, clientId } }, ownerToken);
  const user = dataOf<any>(res, 'createUser');
  return { id: user.id, email, token: await login(t, email) };
}

export async function createClient(t: TestApp, token: string, input: Record<string, unknown> = {}): Promise<any> {
  const res = await t.gql(CREATE_CLIENT, { input: { name: 'Клиент ' + randomUUID().slice(0, 6), ...input } }, token);
  return dataOf<any>(res, 'createClient');
}

export async function createContact(t: TestApp, token: string, clientId: string, input: Record<string, unknown> = {}): Promise<any> {
  const res = await t.gql(CREATE_CONTACT, { input: { clientId, fullName: 'Иванов Иван Иванович', ...input } }, token);
  return dataOf<any>(res, 'createContact');
}

/** A missing but well-formed id. */
export const MISSING_ID = '00000000-0000-4000-8000-000000000000';

/** Changes the agency's settings through updateAgencySettings (as its owner). */
export async function updateAgencySettings(t: TestApp, ownerToken: string, input: Record<string, unknown>): Promise<any> {
  const res = await t.gql(
    `mutation UpdateAgencySettings($input: UpdateAgencySettingsInput!) { updateAgencySettings(input: $input) { id timeZone toolMixTolerancePp maxContactIntervalDays protocolDueDays } }`,
    { input },
    ownerToken,
  );
  return dataOf(res, 'updateAgencySettings');
}

/** Changes the agency's requisites through updateAgencyRequisites (as its owner). */
export async function updateAgencyRequisites(t: TestApp, ownerToken: string, input: Record<string, unknown>): Promise<any> {
  const res = await t.gql(
    `mutation UpdateAgencyRequisites($input: UpdateAgencyRequisitesInput!) { updateAgencyRequisites(input: $input) { vatPayer invoiceNumberPattern } }`,
    { input },
    ownerToken,
  );
  return dataOf(res, 'updateAgencyRequisites');
}

/** Logs an interaction with the client through logInteraction (a call now, unless given). */
export async function logInteraction(t: TestApp, token: string, clientId: string, input: Record<string, unknown> = {}): Promise<any> {
  const res = await t.gql(
    `mutation LogInteraction($input: LogInteractionInput!) { logInteraction(input: $input) { id occurredAt } }`,
    { input: { clientId, kind: 'CALL', summary: 'Созвон', ...input } },
    token,
  );
  return dataOf(res, 'logInteraction');
}

/** A deal of the client through createDeal (at PRESENTATION unless given). */
export async function createDeal(t: TestApp, token: string, clientId: string, input: Record<string, unknown> = {}): Promise<any> {
  const res = await t.gql(`mutation CreateDeal($input: CreateDealInput!) { createDeal(input: $input) { id stage } }`, { input: { clientId, title: 'Сделка', ...input } }, token);
  return dataOf(res, 'createDeal');
}
