import type { EntityManager } from 'typeorm';
import type { Locale, UserRole } from '../entities/enums';

/**
 * The lookups made before any agency is known, each one call of a narrow SECURITY DEFINER function
 * (migrations/1796700001000-BeforeAgencyLookups.ts) in one round trip: the API's login role needs
 * no BYPASSRLS, and outside an agency's unit of work it reads no tenant row but what these return.
 * `manager` is the pool's (a beforeAgency context's, or the app's for a sweep) or a transaction's
 * that has not entered its agency yet (a lookup that locks its row). Nothing here takes SQL.
 */

/** Login by email: what the password check needs. */
export interface LoginCandidate {
  id: string;
  agencyId: string;
  passwordHash: string;
  isActive: boolean;
}

export async function userForLogin(manager: EntityManager, email: string): Promise<LoginCandidate | null> {
  const rows: LoginCandidate[] = await manager.query('SELECT * FROM app_user_for_login($1)', [email]);
  return rows[0] ?? null;
}

/** The user a token names, with the language the request speaks (the user's, else the agency's). */
export interface TokenUser {
  id: string;
  agencyId: string;
  role: UserRole;
  clientId: string | null;
  isActive: boolean;
  tokenVersion: number;
  locale: Locale;
}

export async function userForToken(manager: EntityManager, userId: string): Promise<TokenUser | null> {
  const rows: TokenUser[] = await manager.query('SELECT * FROM app_user_for_token($1)', [userId]);
  return rows[0] ?? null;
}

/** An invitation's or password reset's one-time token, and whom it is for. */
export interface PasswordTicket {
  id: string;
  agencyId: string;
  userId: string;
  expiresAt: Date;
  usedAt: Date | null;
  email: string | null;
  fullName: string | null;
}

/** With `lock`, the row stays locked until the caller's transaction ends. */
export async function passwordTicket(manager: EntityManager, tokenHash: string, opts: { lock?: boolean } = {}): Promise<PasswordTicket | null> {
  const rows: PasswordTicket[] = await manager.query('SELECT * FROM app_password_token($1, $2)', [tokenHash, opts.lock ?? false]);
  return rows[0] ?? null;
}

/** A survey's one-time link. */
export interface SurveyLink {
  id: string;
  agencyId: string;
  surveyId: string;
  clientId: string;
  contactId: string | null;
  expiresAt: Date;
  answeredAt: Date | null;
}

/** With `lock`, the row stays locked until the caller's transaction ends. */
export async function surveyLink(manager: EntityManager, tokenHash: string, opts: { lock?: boolean } = {}): Promise<SurveyLink | null> {
  const rows: SurveyLink[] = await manager.query('SELECT * FROM app_survey_invitation($1, $2)', [tokenHash, opts.lock ?? false]);
  return rows[0] ?? null;
}

/** Every agency (oldest first), for a sweep. */
export function agencyList(manager: EntityManager): Promise<{ id: string; locale: Locale }[]> {
  return manager.query('SELECT * FROM app_agencies()');
}

/** Each agency's first active owner (only agencies with report schedules, when asked), for a sweep. */
export function agencyOwners(manager: EntityManager, opts: { withReportSchedules: boolean }): Promise<{ agencyId: string; userId: string; locale: Locale }[]> {
  return manager.query('SELECT * FROM app_agency_owners($1)', [opts.withReportSchedules]);
}
