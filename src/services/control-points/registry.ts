import type { AuthedContext } from '../../context';

/**
 * Every dated obligation the agency must watch. A new kind is one enum value plus one registered
 * source; the engine (control-point.service) never changes.
 */
export enum ControlPointKind {
  MEETING_PROTOCOL_NOT_SENT = 'MEETING_PROTOCOL_NOT_SENT',
  ACTION_ITEM_DUE = 'ACTION_ITEM_DUE',
  PROPOSAL_VALIDITY_ENDING = 'PROPOSAL_VALIDITY_ENDING',
  PROPOSAL_CORRECTION = 'PROPOSAL_CORRECTION',
  PRESENTATION_RETRY = 'PRESENTATION_RETRY',
  DEAL_DEVIATION_DUE = 'DEAL_DEVIATION_DUE',
  NEXT_CONTACT = 'NEXT_CONTACT',
  CONTACT_INTERVAL_EXCEEDED = 'CONTACT_INTERVAL_EXCEEDED',
  CONTACT_BIRTHDAY = 'CONTACT_BIRTHDAY',
  INVOICE_DUE = 'INVOICE_DUE',
  CONTRACT_APPROVAL_WAITING = 'CONTRACT_APPROVAL_WAITING',
  ACT_UNSIGNED = 'ACT_UNSIGNED',
}

export interface ControlPointItem {
  kind: ControlPointKind;
  /** the calendar date by which it must be done (agency time zone) */
  dueOn: string;
  clientId: string;
  /** the aggregate it belongs to, e.g. "Meeting", "Proposal", "Client", "Contact", "Deal" */
  objectType: string;
  objectId: string;
  title: string;
  /** responsible agency user (client owner, deal manager, …) if known */
  managerId: string | null;
}

export interface ControlPointQuery {
  /** the instant the list is computed for (injectable, for tests) */
  now: Date;
  /** the agency's current local date */
  today: string;
  timeZone: string;
  /** inclusive upper bound of dueOn, when given */
  dueBefore: string | null;
  clientId: string | null;
  managerId: string | null;
}

export interface ControlPointSource {
  kinds: ControlPointKind[];
  /** reads through scoped repositories only; may pre-filter by the query, the engine filters again */
  fetch(ctx: AuthedContext, q: ControlPointQuery): Promise<ControlPointItem[]>;
}

const sources: ControlPointSource[] = [];

export function registerControlPointSource(source: ControlPointSource): void {
  sources.push(source);
}

export function controlPointSources(): readonly ControlPointSource[] {
  return sources;
}
