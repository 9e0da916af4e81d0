import type { AuthedContext } from '../context';
import { Contract, ContractApproval, ContractPaymentItem } from '../entities';
import { ApprovalDecision, ContractStatus } from '../entities/enums';
import { childRowsOf, groupBy } from '../loaders';
import type { ConnectionResult } from '../schema/common/connection';
import type { ContractsArgs } from '../schema/contract/contract.args';
import { approvalView, currentRoundIn, roundOf, scheduleItemDueOn, scheduleItemPosition, type ApprovalView, type ScheduleItemPosition } from './contract.rules';
import { formatPercent } from './money/format';
import { cmp } from './money/totals';
import { latestFirst, matching, paginate } from './pagination';
import { scoped } from './scope';

/** Contracts as read: lookups, the list, the fields resolvers show, and the queries the writes need. */

const { ON_APPROVAL, TERMINATED } = ContractStatus;
const { PENDING } = ApprovalDecision;

/** null when missing, another agency's, or (for a portal user) a draft or another client's. */
export function getContract(ctx: AuthedContext, id: string): Promise<Contract | null> {
  return scoped(ctx, Contract).findById(id);
}

/** Contracts visible to the actor, newest first. */
export function listContracts(ctx: AuthedContext, args: ContractsArgs): Promise<ConnectionResult<Contract>> {
  const f = args.filter;
  const qb = matching(scoped(ctx, Contract).query('c'), 'c', { clientId: f?.clientId, dealId: f?.dealId, status: f?.statuses });
  return paginate(qb, args, latestFirst('c', 'createdAt'));
}

/** The payment schedule in order, batched across contracts. */
export async function contractPaymentSchedule(ctx: AuthedContext, c: Contract): Promise<(ContractPaymentItem & ScheduleItemPosition)[]> {
  const items = await ctx.loaders.contractPaymentItems.load(c.id);
  const invoices = await ctx.loaders.scheduleItemInvoice.loadMany(items.map((i) => i.id));
  return items.map((item, n) => {
    const inv = invoices[n];
    if (inv instanceof Error) throw inv;
    return { ...item, percent: formatPercent(item.percent), ...scheduleItemPosition(item.amount, inv) };
  });
}

/** Every approval of every round, oldest round first, each marked current or not. */
export async function contractApprovals(ctx: AuthedContext, c: Contract): Promise<ApprovalView[]> {
  const rows = await ctx.loaders.contractApprovals.load(c.id);
  const round = roundOf(rows);
  return rows.map((a) => approvalView(a, round));
}

/** The approvers of the current round who have not decided yet; empty unless ON_APPROVAL. */
export async function contractPendingApprovers(ctx: AuthedContext, c: Contract): Promise<ApprovalView[]> {
  if (c.status !== ON_APPROVAL) return [];
  return (await contractApprovals(ctx, c)).filter((a) => a.current && a.decision === PENDING);
}

/** The current approval round; 0 before the first submission. */
export async function contractApprovalRound(ctx: AuthedContext, c: Contract): Promise<number> {
  return roundOf(await ctx.loaders.contractApprovals.load(c.id));
}

/** The corrections after returns, oldest first. */
export function contractCorrections(c: Contract): { correctedAt: Date; note: string | null }[] {
  return (c.corrections ?? []).map((k) => ({ correctedAt: new Date(k.correctedAt), note: k.note ?? null }));
}

export interface WaitingContract {
  contract: Contract;
  round: number;
  pending: ApprovalView[];
}

/**
 * Contracts ON_APPROVAL with approvers of the current round still to decide (two queries for
 * any number of contracts). Optionally narrowed to one client.
 */
export async function contractsWaitingForApproval(ctx: AuthedContext, clientId: string | null): Promise<WaitingContract[]> {
  const qb = scoped(ctx, Contract).query('c').andWhere('c."status" = :onApproval', { onApproval: ON_APPROVAL });
  if (clientId) qb.andWhere('c."clientId" = :clientId', { clientId });
  const contracts = await qb.getMany();
  if (contracts.length === 0) return [];
  const ids = contracts.map((c) => c.id);
  const grouped = groupBy(ids, await approvalsOf(ctx, ids), (a) => a.contractId);
  return contracts.flatMap((contract, i) => {
    const { round, views: pending } = currentRoundIn(grouped[i], [PENDING]);
    return pending.length ? [{ contract, round, pending }] : [];
  });
}

/** A payment-schedule item of a signed contract with something still due, and the date it falls due. */
export interface ScheduleItemDue {
  contract: Contract;
  item: ContractPaymentItem;
  dueOn: string;
  position: ScheduleItemPosition;
}

/**
 * The dated items of the signed contracts still to collect: an item's own due date, or the
 * signing date for an ON_SIGNING item without one. Items due after delivery or at a milestone
 * without a date raise nothing until a date is set.
 */
export async function scheduleItemsDue(ctx: AuthedContext, clientId: string | null, dueBefore: string | null): Promise<ScheduleItemDue[]> {
  const qb = scoped(ctx, Contract).query('c').andWhere('c."status" = :signed', { signed: ContractStatus.SIGNED });
  if (clientId) qb.andWhere('c."clientId" = :clientId', { clientId });
  const contracts = await qb.getMany();
  if (contracts.length === 0) return [];
  const schedules = await ctx.loaders.contractPaymentItems.loadMany(contracts.map((c) => c.id));
  const dated = contracts.flatMap((contract, i) => {
    const items = schedules[i];
    if (items instanceof Error) throw items;
    return items.flatMap((item) => {
      const dueOn = scheduleItemDueOn(item, contract);
      return dueOn && (!dueBefore || dueOn <= dueBefore) ? [{ contract, item, dueOn }] : [];
    });
  });
  const invoices = await ctx.loaders.scheduleItemInvoice.loadMany(dated.map((d) => d.item.id));
  return dated.flatMap((d, i) => {
    const inv = invoices[i];
    if (inv instanceof Error) throw inv;
    const position = scheduleItemPosition(d.item.amount, inv);
    return cmp(position.due, 0) > 0 ? [{ ...d, position }] : [];
  });
}

// ---------------------------------------------------------------------------------------------
// queries for the writes (inside their transaction, not through the request-wide loaders)

/** The approvals of the contracts, oldest round first, in approver order. */
export function approvalsOf(ctx: AuthedContext, contractIds: readonly string[]): Promise<ContractApproval[]> {
  return childRowsOf(ctx, ContractApproval, 'contractId', contractIds, ['round', 'position']);
}

/** The payment schedule of one contract, in order. */
export function scheduleItemsOf(ctx: AuthedContext, contractId: string): Promise<ContractPaymentItem[]> {
  return childRowsOf(ctx, ContractPaymentItem, 'contractId', [contractId], ['position']);
}

/** The proposal's contract that is not TERMINATED (at most one, by a partial unique index). */
export async function liveContractOf(ctx: AuthedContext, proposalId: string, exceptId: string | null = null): Promise<Contract | null> {
  const qb = scoped(ctx, Contract).query('c').andWhere('c."proposalId" = :proposalId AND c.status <> :terminated', { proposalId, terminated: TERMINATED });
  if (exceptId) qb.andWhere('c.id <> :exceptId', { exceptId });
  return qb.getOne();
}
