import type { AuthedContext } from '../../context';
import type { SelectQueryBuilder } from 'typeorm';
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
  /** true: only items due before today; false: only from today on; null: both */
  overdue: boolean | null;
  /**
   * The page the engine will cut (see ControlPointSource.paged); null when the engine needs every
   * item (counting).
   */
  page: ControlPointPage | null;
}

/** Where a page starts: strictly after this (dueOn, kind, objectId), the list's order. */
export interface ControlPointCursor {
  dueOn: string;
  kind: ControlPointKind;
  objectId: string;
}

export interface ControlPointPage {
  after: ControlPointCursor | null;
  /** how many items, at most, the page needs from any one source */
  limit: number;
}

export interface ControlPointSource {
  kinds: ControlPointKind[];
  /**
   * true when fetch applies every filter of the query in SQL and, given `q.page`, returns only
   * its first `page.limit` items after `page.after` in (dueOn, kind, objectId) order (ORDER BY +
   * LIMIT in SQL); such a source must also count. Any other source returns all its items and the
   * engine filters, sorts and cuts them in memory.
   */
  paged?: boolean;
  /** reads through scoped repositories only; may pre-filter by the query, the engine filters again */
  fetch(ctx: AuthedContext, q: ControlPointQuery): Promise<ControlPointItem[]>;
  /** how many items match the query (paged sources: one COUNT in SQL) */
  count?(ctx: AuthedContext, q: ControlPointQuery): Promise<number>;
}

const sources: ControlPointSource[] = [];

export function registerControlPointSource(source: ControlPointSource): void {
  sources.push(source);
}

export function controlPointSources(): readonly ControlPointSource[] {
  return sources;
}

/** The engine's order of kinds: as they compare inside its "dueOn|kind|objectId" key. */
export function kindBefore(a: ControlPointKind, b: ControlPointKind): boolean {
  return `${a}|` < `${b}|`;
}

/**
 * For a paged source of one kind: the overdue filter, the cursor and the page's ORDER BY + LIMIT,
 * on a builder whose items' due date is the SQL expression `dueOn` (a date) and id `id` (a uuid).
 */
export function pagedByDueDate<B extends SelectQueryBuilder<any>>(qb: B, kind: ControlPointKind, dueOn: string, id: string, q: ControlPointQuery): B {
  if (q.overdue === true) qb.andWhere(`${dueOn} < :__cpToday::date`, { __cpToday: q.today });
  if (q.overdue === false) qb.andWhere(`${dueOn} >= :__cpToday::date`, { __cpToday: q.today });
  if (!q.page) return qb;
  const after = q.page.after;
  if (after) {
    // strictly after (after.dueOn, after.kind, after.objectId) in the engine's order
    if (after.kind === kind) {
      qb.andWhere(`(${dueOn}, ${id}) > (:__cpAfterDue::date, :__cpAfterId::uuid)`, { __cpAfterDue: after.dueOn, __cpAfterId: after.objectId });
    } else {
      qb.andWhere(`${dueOn} ${kindBefore(after.kind, kind) ? '>=' : '>'} :__cpAfterDue::date`, { __cpAfterDue: after.dueOn });
    }
  }
  qb.orderBy(dueOn, 'ASC').addOrderBy(id, 'ASC').limit(q.page.limit);
  return qb;
}
