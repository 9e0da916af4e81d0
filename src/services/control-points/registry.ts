import type { AuthedContext } from '../../context';
import { ControlPointKind } from '../../entities/enums';

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
