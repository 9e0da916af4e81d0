import type { AuthedContext } from '../../context';
import { getOwnAgency } from '../agency.service';
import { BadUserInputError } from '../../errors';
import type { ControlPointFilter } from '../../schema/control-point/control-point.inputs';
import type { ControlPointsArgs } from '../../schema/control-point/control-point.args';
import { DEFAULT_PAGE_SIZE } from '../../schema/common/connection';
import { localDate } from '../time';
import { ControlPointItem, ControlPointQuery, controlPointSources } from './registry';
import './sources';
import { msg } from '../../i18n';

export interface ControlPointView extends ControlPointItem {
  overdue: boolean;
}

function key(item: ControlPointItem): string {
  return `${item.dueOn}|${item.kind}|${item.objectId}`;
}

/**
 * One list over every registered source: what is due (by `dueBefore`), what is overdue (its day is
 * over in the agency's time zone), for one client or one manager. Sorted by due date.
 */
export async function listControlPoints(ctx: AuthedContext, args: ControlPointsArgs, now: Date = new Date()) {
  const filter: ControlPointFilter = args.filter ?? {};
  const { timeZone } = await getOwnAgency(ctx);
  const today = localDate(now, timeZone);
  const q: ControlPointQuery = {
    now,
    today,
    timeZone,
    dueBefore: filter.dueBefore ?? null,
    clientId: filter.clientId ?? null,
    managerId: filter.managerId ?? null,
  };
  const kinds = filter.kinds?.length ? new Set(filter.kinds) : null;
  const wanted = controlPointSources().filter((s) => !kinds || s.kinds.some((k) => kinds.has(k)));
  const batches = await Promise.all(wanted.map((s) => s.fetch(ctx, q)));
  let items: ControlPointView[] = batches.flat().map((i) => ({ ...i, overdue: i.dueOn < today }));
  items = items.filter(
    (i) =>
      (!kinds || kinds.has(i.kind)) &&
      (!q.dueBefore || i.dueOn <= q.dueBefore) &&
      (!q.clientId || i.clientId === q.clientId) &&
      (!q.managerId || i.managerId === q.managerId) &&
      (filter.overdue == null || i.overdue === filter.overdue),
  );
  items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

  let start = 0;
  if (args.after) {
    let after: string;
    try {
      after = Buffer.from(args.after, 'base64url').toString('utf8');
    } catch {
      after = '';
    }
    if (!/^\d{4}-\d{2}-\d{2}\|/.test(after)) {
      throw new BadUserInputError([{ path: 'after', message: msg('validation.cursorNotFromList') }]);
    }
    start = items.findIndex((i) => key(i) > after);
    if (start === -1) start = items.length;
  }
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  const page = items.slice(start, start + first);
  const edges = page.map((node) => ({ node, cursor: Buffer.from(key(node), 'utf8').toString('base64url') }));
  return {
    edges,
    pageInfo: {
      hasNextPage: start + first < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: items.length,
  };
}
