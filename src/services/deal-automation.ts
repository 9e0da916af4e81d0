import type { AuthedContext } from '../context';
import { Deal } from '../entities';
import { DealStage, DealStatus, RejectionReason } from '../entities/enums';
import { advanceDealIfAllowed, DEAL_TRANSITIONS, dealPosition, DealPosition, loseDealIfAllowed } from './deal.service';
import { asAgency, scoped } from './scope';

const ORDER = Object.values(DealStage);

/** The shortest forward path through the deal transition map, or null when there is none. */
export function forwardPath(from: DealStage, to: DealStage): DealStage[] | null {
  const start = ORDER.indexOf(from);
  const goal = ORDER.indexOf(to);
  if (goal <= start) return null;
  const queue: DealStage[][] = [[from]];
  const seen = new Set<DealStage>([from]);
  while (queue.length) {
    const path = queue.shift()!;
    const last = path[path.length - 1];
    for (const next of DEAL_TRANSITIONS[last as DealPosition] ?? []) {
      if (next === DealStatus.WON || next === DealStatus.LOST) continue;
      const stage = next as DealStage;
      const idx = ORDER.indexOf(stage);
      if (idx <= ORDER.indexOf(last) || idx > goal || seen.has(stage)) continue;
      if (stage === to) return [...path.slice(1), stage];
      seen.add(stage);
      queue.push([...path, stage]);
    }
  }
  return null;
}

/**
 * Money events move the deal forward: a signed contract → PAYMENT, the first payment → DELIVERY,
 * a signed act → CLOSING. The deal walks the shortest forward path the transition map allows
 * (each step recorded in its history); a deal already there or beyond, or closed, is left as it is.
 */
export async function advanceDeal(actorTx: AuthedContext, dealId: string | null, to: DealStage, note: string): Promise<void> {
  if (!dealId) return;
  // deals are invisible to portal users: a portal write (e.g. signing an act) moves the deal agency-side
  const tx = asAgency(actorTx);
  const deal = await scoped(tx, Deal).findById(dealId, { lock: true });
  if (!deal || deal.status !== DealStatus.OPEN || dealPosition(deal) === to) return;
  const path = forwardPath(deal.stage, to);
  if (!path) return;
  for (const step of path) {
    if (!(await advanceDealIfAllowed(tx, dealId, step, note))) return;
  }
}

/**
 * A refusal that ends the deal (a rejected proposal): the deal walks forward to `at` when it is
 * still before it (each step in its history) and is closed LOST there with the reason, so the
 * refusal reaches the funnel at the stage it happened. A deal already past `at`, or closed, is
 * left as it is (the manager moved it on, e.g. with another offer).
 */
export async function loseDealAt(actorTx: AuthedContext, dealId: string | null, at: DealStage, reason: RejectionReason, note: string | null, stepNote: string): Promise<void> {
  if (!dealId) return;
  const tx = asAgency(actorTx);
  const deal = await scoped(tx, Deal).findById(dealId, { lock: true });
  if (!deal || deal.status !== DealStatus.OPEN) return;
  if (deal.stage !== at) {
    const path = forwardPath(deal.stage, at);
    if (!path) return;
    for (const step of path) {
      if (!(await advanceDealIfAllowed(tx, dealId, step, stepNote))) return;
    }
  }
  await loseDealIfAllowed(tx, dealId, reason, note);
}
