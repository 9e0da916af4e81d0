import type { AuthedContext } from '../../context';
import { getOwnAgency } from '../agency.service';
import { BadUserInputError } from '../../errors';
import type { ControlPointFilter } from '../../schema/control-point/control-point.inputs';
import type { ControlPointsArgs } from '../../schema/control-point/control-point.args';
import { DEFAULT_PAGE_SIZE } from '../../schema/common/connection';
import { localDate } from '../time';
import { ControlPointCursor, ControlPointItem, ControlPointQuery, controlPointSources } from './registry';
import { ControlPointKind } from '../../entities/enums';
import { isUUID } from 'class-validator';
import './sources';
import { msg } from '../../i18n';

export interface ControlPointView extends ControlPointItem {
  overdue: boolean;
}

function key(item: ControlPointItem): string {
  return `${item.dueOn}|${item.kind}|${item.objectId}`;
}

/** The cursor of an item: its place in the list's order. */
function encodeCursor(item: ControlPointItem): string {
  return Buffer.from(key(item), 'utf8').toString('base64url');
}

function decodeCursor(after: string): ControlPointCursor {
  let raw: string;
  try {
    raw = Buffer.from(after, 'base64url').toString('utf8');
  } catch {
    raw = '';
  }
  const [dueOn, kind, objectId, ...rest] = raw.split('|');
  if (rest.length || !/^\d{4}-\d{2}-\d{2}$/.test(dueOn ?? '') || !KINDS.has(kind) || !isUUID(objectId ?? '')) {
    throw new BadUserInputError([{ path: 'after', message: msg('validation.cursorNotFromList') }]);
  }
  return { dueOn, kind: kind as ControlPointKind, objectId };
}

const KINDS = new Set<string>(Object.values(ControlPointKind));

/**
 * One list over every registered source: what is due (by `dueBefore`), what is overdue (its day is
 * over in the agency's time zone), for one client or one manager. Sorted by due date.
 *
 * Paged in SQL: each paged source reads only the page's `first + 1` items after the cursor in the
 * list's order (ORDER BY + LIMIT over its own table), the engine merges those few and cuts the
 * page, like the branches of a UNION ALL under one LIMIT; the rest (sources computed in code)
 * are still read whole. totalCount counts with one COUNT per paged source, only when selected.
 */
export async function listControlPoints(ctx: AuthedContext, args: ControlPointsArgs, now: Date = new Date()) {
  const filter: ControlPointFilter = args.filter ?? {};
  const after = args.after ? decodeCursor(args.after) : null;
  const { timeZone } = await getOwnAgency(ctx);
  const today = localDate(now, timeZone);
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  const q: ControlPointQuery = {
    now,
    today,
    timeZone,
    dueBefore: filter.dueBefore ?? null,
    clientId: filter.clientId ?? null,
    managerId: filter.managerId ?? null,
    overdue: filter.overdue ?? null,
    page: { after, limit: first + 1 },
  };
  const kinds = filter.kinds?.length ? new Set(filter.kinds) : null;
  const wanted = controlPointSources().filter((s) => !kinds || s.kinds.some((k) => kinds.has(k)));
  const matches = (i: ControlPointView) =>
    (!kinds || kinds.has(i.kind)) &&
    (!q.dueBefore || i.dueOn <= q.dueBefore) &&
    (!q.clientId || i.clientId === q.clientId) &&
    (!q.managerId || i.managerId === q.managerId) &&
    (filter.overdue == null || i.overdue === filter.overdue);
  const batches = await Promise.all(wanted.map((s) => s.fetch(ctx, q)));
  const view = (batch: ControlPointItem[]) => batch.map((i) => ({ ...i, overdue: i.dueOn < today })).filter(matches);
  // what the sources computed in code returned is all of theirs: counted here, not read again
  let unpagedCount = 0;
  wanted.forEach((s, n) => {
    if (!s.paged) unpagedCount += view(batches[n]).length;
  });
  const afterKey = after ? `${after.dueOn}|${after.kind}|${after.objectId}` : null;
  const items = batches
    .flatMap(view)
    .filter((i) => !afterKey || key(i) > afterKey)
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

  const page = items.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(node) }));
  let counted: Promise<number> | null = null;
  const countQuery: ControlPointQuery = { ...q, page: null };
  return {
    edges,
    pageInfo: {
      hasNextPage: items.length > first,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    // a getter: the COUNTs run only when a client selects totalCount
    get totalCount() {
      return (counted ??= Promise.all(wanted.filter((s) => s.paged).map((s) => s.count!(ctx, countQuery))).then(
        (counts) => counts.reduce((sum, n) => sum + n, unpagedCount),
      ));
    },
  };
}
