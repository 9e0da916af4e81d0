import Decimal from 'decimal.js';
import { getOwnAgency } from './agency.service';
import type { AuthedContext, } from '../context';
import { Client, Contract, ContractApproval, ContractPaymentItem, Deal, Proposal, ProposalLine } from '../entities';
import { ApprovalDecision, ContractStatus, DealStage, DocumentKind, PaymentTrigger, ProposalStatus } from '../entities/enums';
import { BadUserInputError, ConflictError, FieldError, isUniqueViolation, NotFoundError } from '../errors';
import { groupBy } from '../loaders';
import type { ConnectionResult } from '../schema/common/connection';
import type { ContractsArgs } from '../schema/contract/contract.args';
import {
  isSchedulePercent,
  type ApproveContractInput,
  type CompleteContractInput,
  type CreateContractInput,
  type SignContractInput,
  type SubmitContractForApprovalInput,
  type TerminateContractInput,
  type UpdateContractInput,
} from '../schema/contract/contract.inputs';
import { ContractApprovalDecision } from '../schema/contract/contract.enums';
import { advanceDeal } from './deal-automation';
import { IllegalTransitionError } from '../schema/common/error-results';
import { ContractApprovalAlreadyDecidedError, ContractApprovalsPendingError, ContractNotEditableError, approverLabel } from '../schema/contract/contract.results';
import { DuplicateError, winnerOfRace } from './duplicates';
import { add, cmp, percentOf, round2, sub } from './money/totals';
import { nextDocumentNumber } from './numbering';
import { paginate } from './pagination';
import { getRequisites } from './requisites.service';
import { scoped, withTransaction } from './scope';
import { localDate } from './time';
import { checkTransition, TransitionMap } from './transitions';
import { msg } from '../i18n';

const { DRAFT, ON_APPROVAL, SIGNED, COMPLETED, TERMINATED } = ContractStatus;
const { PENDING, APPROVED, RETURNED } = ApprovalDecision;

/**
 * The contract flow as data. DRAFT → SIGNED is signing without client-side approvals;
 * ON_APPROVAL → DRAFT is an approver returning it for corrections (resubmitting starts a new round).
 */
export const CONTRACT_TRANSITIONS: TransitionMap<ContractStatus> = {
  [DRAFT]: [ON_APPROVAL, SIGNED, TERMINATED],
  [ON_APPROVAL]: [DRAFT, SIGNED, TERMINATED],
  [SIGNED]: [COMPLETED, TERMINATED],
  [COMPLETED]: [],
  [TERMINATED]: [],
};

const ENTITY = 'Contract';

// ---------------------------------------------------------------------------------------------
// the payment schedule (pure)

export interface ScheduleItemInput {
  label: string;
  trigger: PaymentTrigger;
  percent: string;
  dueOn?: string | null;
  isPrepayment?: boolean | null;
}

export interface ScheduleItemValues {
  position: number;
  label: string;
  trigger: PaymentTrigger;
  /** exact, at the stored scale of 4 decimals */
  percent: string;
  /** exact, 2 decimals */
  amount: string;
  dueOn: string | null;
  isPrepayment: boolean;
}

/**
 * Splits a contract amount by a schedule. Every item is percentOf(amount, percent) (half-up to
 * cents) except the last, which takes the remainder, so the items always sum exactly to the
 * amount. The percents must sum to exactly 100; an empty schedule is no schedule. Refusals are
 * BAD_USER_INPUT naming the item at fault under `path`.
 */
export function splitPaymentSchedule(amount: string, items: readonly ScheduleItemInput[], path = 'input.paymentSchedule'): ScheduleItemValues[] {
  if (items.length === 0) return [];
  const errors: FieldError[] = [];
  let percentSum = new Decimal(0);
  items.forEach((item, i) => {
    if (!isSchedulePercent(item.percent)) {
      errors.push({ path: `${path}.${i}.percent`, message: msg('validation.schedulePercent') });
    } else {
      percentSum = percentSum.plus(item.percent);
    }
    if (item.trigger === PaymentTrigger.ON_DATE && !item.dueOn) {
      errors.push({ path: `${path}.${i}.dueOn`, message: msg('validation.scheduleDueOnRequired') });
    }
    if (!item.label?.trim()) errors.push({ path: `${path}.${i}.label`, message: msg('validation.notBlank', { field: 'label' }) });
  });
  if (errors.length === 0 && !percentSum.equals(100)) {
    errors.push({ path, message: msg('validation.scheduleSum', { sum: percentSum.toFixed() }) });
  }
  if (errors.length) throw new BadUserInputError(errors);

  let allocated = '0';
  const out = items.map((item, i): ScheduleItemValues => {
    const last = i === items.length - 1;
    const share = last ? sub(amount, allocated) : percentOf(amount, item.percent);
    allocated = add(allocated, share);
    return {
      position: i + 1,
      label: item.label.trim(),
      trigger: item.trigger,
      percent: new Decimal(item.percent).toFixed(4),
      amount: share,
      dueOn: item.dueOn ?? null,
      isPrepayment: item.isPrepayment ?? false,
    };
  });
  // only possible for amounts of a few cents split in many parts: rounding up left nothing for the last
  if (cmp(out[out.length - 1].amount, 0) < 0) {
    throw new BadUserInputError([{ path, message: msg('validation.scheduleAmountTooSmall') }]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// error results


export interface ApprovalView {
  id: string;
  round: number;
  current: boolean;
  name: string;
  position: string | null;
  decision: ApprovalDecision;
  comment: string | null;
  decidedAt: Date | null;
  decidedById: string | null;
}



export type ContractResult = Contract | IllegalTransitionError | ContractNotEditableError | ContractApprovalsPendingError | ContractApprovalAlreadyDecidedError;





// ---------------------------------------------------------------------------------------------
// helpers

function trimOrNull(v: string | null | undefined): string | null {
  const t = v?.trim();
  return t ? t : null;
}

async function timeZoneOf(ctx: AuthedContext): Promise<string> {
  return (await getOwnAgency(ctx)).timeZone;
}

async function agencyToday(ctx: AuthedContext, now: Date): Promise<string> {
  return localDate(now, await timeZoneOf(ctx));
}

function approvalView(a: ContractApproval, currentRound: number): ApprovalView {
  return {
    id: a.id,
    round: a.round,
    current: a.round === currentRound,
    name: a.approverName,
    position: a.approverPosition,
    decision: a.decision,
    comment: a.comment,
    decidedAt: a.decidedAt,
    decidedById: a.decidedById,
  };
}

function roundOf(approvals: readonly ContractApproval[]): number {
  return approvals.reduce((max, a) => Math.max(max, a.round), 0);
}

/** Approvals of one contract inside a transaction (not through the request-wide loader). */
function loadApprovals(tx: AuthedContext, contractId: string): Promise<ContractApproval[]> {
  return scoped(tx, ContractApproval)
    .query('a')
    .andWhere('a."contractId" = :contractId', { contractId })
    .orderBy('a."round"', 'ASC')
    .addOrderBy('a."position"', 'ASC')
    .addOrderBy('a.id', 'ASC')
    .getMany();
}

function loadItems(tx: AuthedContext, contractId: string): Promise<ContractPaymentItem[]> {
  return scoped(tx, ContractPaymentItem)
    .query('i')
    .andWhere('i."contractId" = :contractId', { contractId })
    .orderBy('i."position"', 'ASC')
    .getMany();
}

async function checkDeal(tx: AuthedContext, dealId: string, clientId: string): Promise<void> {
  const deal = await scoped(tx, Deal).getById(dealId, 'input.dealId');
  if (deal.clientId !== clientId) {
    throw new BadUserInputError([{ path: 'input.dealId', message: msg('validation.dealOfOtherClient') }]);
  }
}

/** The proposal, if it is an ACCEPTED offer to the same client. */
async function acceptedProposal(tx: AuthedContext, proposalId: string, clientId: string): Promise<Proposal> {
  const proposal = await scoped(tx, Proposal).getById(proposalId, 'input.proposalId');
  if (proposal.clientId !== clientId) {
    throw new BadUserInputError([{ path: 'input.proposalId', message: msg('validation.proposalOfOtherClient') }]);
  }
  if (proposal.status !== ProposalStatus.ACCEPTED) {
    throw new BadUserInputError([
      { path: 'input.proposalId', message: msg('validation.proposalNotAccepted', { status: proposal.status }) },
    ]);
  }
  return proposal;
}

const PROPOSAL_CONTRACT_INDEX = 'contracts_proposal_live_unique';

function proposalHasContract(existingId: string | null): DuplicateError {
  return new DuplicateError(
    'PROPOSAL_HAS_CONTRACT',
    'A contract already follows this proposal; terminate it before making another',
    'input.proposalId',
    existingId,
  );
}

/** The proposal's contract that is not TERMINATED (at most one, by a partial unique index). */
async function liveContractOf(ctx: AuthedContext, proposalId: string, exceptId: string | null = null): Promise<Contract | null> {
  const qb = scoped(ctx, Contract).query('c').andWhere('c."proposalId" = :proposalId AND c.status <> :terminated', { proposalId, terminated: TERMINATED });
  if (exceptId) qb.andWhere('c.id <> :exceptId', { exceptId });
  return qb.getOne();
}

/** A double click is refused before writing; a concurrent one is left to the unique index (see withOneContractPerProposal). */
async function checkProposalFree(tx: AuthedContext, proposalId: string, exceptId: string | null = null): Promise<void> {
  const live = await liveContractOf(tx, proposalId, exceptId);
  if (live) throw proposalHasContract(live.id);
}

/** Runs a write that links a contract to a proposal; a lost race on the unique index is the same CONFLICT. */
async function withOneContractPerProposal<R>(ctx: AuthedContext, proposalId: string | null | undefined, write: () => Promise<R>): Promise<R> {
  try {
    return await write();
  } catch (err) {
    if (!proposalId || !isUniqueViolation(err, PROPOSAL_CONTRACT_INDEX)) throw err;
    throw proposalHasContract(await winnerOfRace(ctx, async () => (await liveContractOf(ctx, proposalId))?.id ?? null));
  }
}

/** Media budgets plus every agency fee of the offer: what the client accepted to pay. */
async function proposalGrandTotal(tx: AuthedContext, proposalId: string): Promise<string> {
  const lines = await scoped(tx, ProposalLine).query('l').andWhere('l."proposalId" = :proposalId', { proposalId }).getMany();
  return lines.reduce((sum, l) => add(add(sum, l.budget), l.agencyFee ?? '0'), '0');
}

function checkPeriod(startsOn: string | null, endsOn: string | null): void {
  if (startsOn && endsOn && endsOn < startsOn) {
    throw new BadUserInputError([{ path: 'input.endsOn', message: msg('validation.notBefore', { field: 'endsOn', other: 'startsOn' }) }]);
  }
}

function checkAmount(amount: string): void {
  if (cmp(amount, 0) <= 0) throw new BadUserInputError([{ path: 'input.amount', message: msg('validation.greaterThanZero', { field: 'amount' }) }]);
}

/** Writes the contract's payment schedule (replacing any it had). */
async function replaceItems(tx: AuthedContext, contract: Contract, items: ScheduleItemValues[]): Promise<void> {
  await scoped(tx, ContractPaymentItem).replaceChildren('contractId', contract.id, items.map((item) => ({ ...item, clientId: contract.clientId })));
}

/** Takes the next gapless number of the agency's contract pattern for the contract's year. */
async function assignNumber(tx: AuthedContext, contract: Contract): Promise<string> {
  if (contract.number) return contract.number;
  const requisites = await getRequisites(tx);
  const { number } = await nextDocumentNumber(
    tx,
    DocumentKind.CONTRACT,
    requisites.contractNumberPattern,
    contract.contractDate,
  );
  return number;
}

/** Saves a patch; a number taken twice (the pattern was changed back) is a CONFLICT, not a 500. */
async function save(tx: AuthedContext, contract: Contract, patch: Partial<Contract>, opts: { allowPortal?: boolean } = {}): Promise<Contract> {
  try {
    return await scoped(tx, Contract).update(contract, patch, opts);
  } catch (err) {
    if (isUniqueViolation(err, 'contracts_number_unique')) {
      throw new ConflictError('DUPLICATE_NUMBER', msg('errors.conflict.DUPLICATE_CONTRACT_NUMBER', { number: patch.number }), 'input.id');
    }
    throw err;
  }
}


// ---------------------------------------------------------------------------------------------
// reads

/** null when missing, another agency's, or (for a portal user) a draft or another client's. */
export function getContract(ctx: AuthedContext, id: string): Promise<Contract | null> {
  return scoped(ctx, Contract).findById(id);
}

/** Contracts visible to the actor, newest first. */
export function listContracts(ctx: AuthedContext, args: ContractsArgs): Promise<ConnectionResult<Contract>> {
  const qb = scoped(ctx, Contract).query('c');
  const f = args.filter;
  if (f?.clientId) qb.andWhere('c."clientId" = :clientId', { clientId: f.clientId });
  if (f?.dealId) qb.andWhere('c."dealId" = :dealId', { dealId: f.dealId });
  if (f?.statuses?.length) qb.andWhere('c."status" IN (:...statuses)', { statuses: f.statuses });
  return paginate(qb, args, { column: 'c."createdAt"', value: (c) => c.createdAt, cast: 'timestamptz', direction: 'DESC' });
}

/** The payment schedule in order, batched across contracts. */
export function contractPaymentSchedule(ctx: AuthedContext, c: Contract): Promise<ContractPaymentItem[]> {
  return ctx.loaders.contractPaymentItems.load(c.id);
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

// ---------------------------------------------------------------------------------------------
// writes

/** Creates a DRAFT contract (no number yet) with its payment schedule. */
export async function createContract(ctx: AuthedContext, input: CreateContractInput, now: Date = new Date()): Promise<Contract> {
  const contract = await withOneContractPerProposal(ctx, input.proposalId, () => withTransaction(ctx, async (tx) => {
    const client = await scoped(tx, Client).getById(input.clientId, 'input.clientId');
    const proposal = input.proposalId ? await acceptedProposal(tx, input.proposalId, client.id) : null;
    if (proposal) await checkProposalFree(tx, proposal.id);
    const dealId = input.dealId ?? proposal?.dealId ?? null;
    if (input.dealId) await checkDeal(tx, input.dealId, client.id);

    const subject = trimOrNull(input.subject) ?? proposal?.title ?? null;
    const amount = input.amount ?? (proposal ? await proposalGrandTotal(tx, proposal.id) : null);
    const currency = input.currency ?? proposal?.currency ?? null;
    const missing: FieldError[] = [];
    if (!subject) missing.push({ path: 'input.subject', message: msg('validation.requiredWithoutProposal', { field: 'subject' }) });
    if (amount == null) missing.push({ path: 'input.amount', message: msg('validation.requiredWithoutProposal', { field: 'amount' }) });
    if (!currency) missing.push({ path: 'input.currency', message: msg('validation.requiredWithoutProposal', { field: 'currency' }) });
    if (missing.length) throw new BadUserInputError(missing);
    checkAmount(amount!);
    checkPeriod(input.startsOn ?? null, input.endsOn ?? null);
    const schedule = splitPaymentSchedule(round2(amount!), input.paymentSchedule ?? []);

    const created = await scoped(tx, Contract).insert({
      clientId: client.id,
      dealId,
      proposalId: proposal?.id ?? null,
      number: null,
      contractDate: input.contractDate ?? (await agencyToday(tx, now)),
      subject: subject!,
      amount: round2(amount!),
      currency: currency!,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
      status: DRAFT,
      corrections: [],
      createdById: ctx.actor.userId,
    });
    await replaceItems(tx, created, schedule);
    return created;
  }));
  return contract;
}

/** Changes a DRAFT; anything else is NOT_EDITABLE and nothing is written. */
export async function updateContract(ctx: AuthedContext, input: UpdateContractInput): Promise<ContractResult> {
  for (const key of ['subject', 'amount', 'currency', 'contractDate'] as const) {
    if (input[key] === null) throw new BadUserInputError([{ path: `input.${key}`, message: msg('validation.cannotBeCleared', { field: key }) }]);
  }
  const result = await withOneContractPerProposal(ctx, input.proposalId, () => withTransaction(ctx, async (tx): Promise<ContractResult> => {
    const c = await scoped(tx, Contract).getById(input.id, 'input.id', { lock: true });
    if (c.status !== DRAFT) return new ContractNotEditableError(c.status);

    const patch: Partial<Contract> = {};
    if (input.subject != null) patch.subject = input.subject.trim();
    if (input.amount != null) {
      checkAmount(input.amount);
      patch.amount = round2(input.amount);
    }
    if (input.currency != null) patch.currency = input.currency;
    if (input.contractDate != null) {
      // the number was taken from the sequence of the contract's year
      if (c.number && input.contractDate.slice(0, 4) !== c.contractDate.slice(0, 4)) {
        throw new BadUserInputError([
          { path: 'input.contractDate', message: msg('validation.contractDateYear', { number: c.number, year: c.contractDate.slice(0, 4) }) },
        ]);
      }
      patch.contractDate = input.contractDate;
    }
    if (input.startsOn !== undefined) patch.startsOn = input.startsOn;
    if (input.endsOn !== undefined) patch.endsOn = input.endsOn;
    checkPeriod(patch.startsOn !== undefined ? patch.startsOn : c.startsOn, patch.endsOn !== undefined ? patch.endsOn : c.endsOn);
    if (input.dealId !== undefined) {
      if (input.dealId) await checkDeal(tx, input.dealId, c.clientId);
      patch.dealId = input.dealId;
    }
    if (input.proposalId !== undefined) {
      if (input.proposalId) {
        await acceptedProposal(tx, input.proposalId, c.clientId);
        await checkProposalFree(tx, input.proposalId, c.id);
      }
      patch.proposalId = input.proposalId;
    }

    const amount = patch.amount ?? c.amount;
    const replace = input.paymentSchedule != null;
    const resplit = !replace && patch.amount !== undefined && cmp(patch.amount, c.amount) !== 0;
    const old = replace || resplit ? await loadItems(tx, c.id) : [];
    // a new amount keeps the shares of the schedule it has
    const schedule = replace
      ? splitPaymentSchedule(amount, input.paymentSchedule!)
      : resplit
        ? splitPaymentSchedule(amount, old, 'input.amount')
        : null;

    const saved = await save(tx, c, patch);
    if (schedule) {
      await replaceItems(tx, saved, schedule);
    }
    return saved;
  }));
  return result;
}

/**
 * DRAFT → ON_APPROVAL: numbers the contract at its first submission (gapless, agency pattern,
 * year of contractDate) and opens a new approval round with the given approvers.
 */
export async function submitContractForApproval(
  ctx: AuthedContext,
  input: SubmitContractForApprovalInput,
  now: Date = new Date(),
): Promise<ContractResult> {
  const approvers = input.approvers.map((a, i) => {
    const name = trimOrNull(a.name);
    if (!name) throw new BadUserInputError([{ path: `input.approvers.${i}.name`, message: msg('validation.notBlank', { field: 'name' }) }]);
    return { name, position: trimOrNull(a.position) };
  });
  if (approvers.length === 0) throw new BadUserInputError([{ path: 'input.approvers', message: msg('validation.approversRequired') }]);
  const result = await withTransaction(ctx, async (tx): Promise<ContractResult> => {
    const c = await scoped(tx, Contract).getById(input.id, 'input.id', { lock: true });
    const illegal = checkTransition(ENTITY, CONTRACT_TRANSITIONS, c.status, ON_APPROVAL);
    if (illegal) return illegal;
    const round = roundOf(await loadApprovals(tx, c.id)) + 1;
    const number = await assignNumber(tx, c);
    const repo = scoped(tx, ContractApproval);
    for (const [i, a] of approvers.entries()) {
      await repo.insert({
        contractId: c.id,
        clientId: c.clientId,
        round,
        approverName: a.name,
        approverPosition: a.position,
        decision: PENDING,
        position: i + 1,
      });
    }
    return save(tx, c, { status: ON_APPROVAL, number, submittedAt: now });
  });
  return result;
}

/**
 * One approver's decision, recorded by the client's portal user or by agency staff on their
 * behalf. RETURNED (with a comment) sends the contract back to DRAFT and records the correction.
 */
export async function approveContract(ctx: AuthedContext, input: ApproveContractInput, now: Date = new Date()): Promise<ContractResult> {
  const comment = trimOrNull(input.comment);
  const decision = input.decision === ContractApprovalDecision.RETURNED ? RETURNED : APPROVED;
  if (decision === RETURNED && !comment) {
    throw new BadUserInputError([{ path: 'input.comment', message: msg('validation.returnCommentRequired') }]);
  }
  const result = await withTransaction(ctx, async (tx): Promise<ContractResult> => {
    const c = await scoped(tx, Contract).getById(input.id, 'input.id', { lock: true });
    const approval = await scoped(tx, ContractApproval).findById(input.approvalId, { lock: true });
    if (!approval || approval.contractId !== c.id) throw new NotFoundError('ContractApproval', 'input.approvalId');
    const currentRound = roundOf(await loadApprovals(tx, c.id));
    if (approval.decision !== PENDING || approval.round !== currentRound || c.status !== ON_APPROVAL) {
      return new ContractApprovalAlreadyDecidedError(approval, currentRound, c.status);
    }
    if (decision === RETURNED) {
      const illegal = checkTransition(ENTITY, CONTRACT_TRANSITIONS, c.status, DRAFT);
      if (illegal) return illegal;
    }
    await scoped(tx, ContractApproval).update(
      approval,
      { decision, comment, decidedAt: now, decidedById: ctx.actor.userId },
      { allowPortal: true },
    );
    if (decision === APPROVED) return c;
    const note = `${approverLabel({ name: approval.approverName, position: approval.approverPosition })}: ${comment}`;
    return save(
      tx,
      c,
      { status: DRAFT, corrections: [...(c.corrections ?? []), { correctedAt: now.toISOString(), note }] },
      { allowPortal: true },
    );
  });
  return result;
}

/**
 * → SIGNED: from DRAFT directly (numbered then), or from ON_APPROVAL once every approver of the
 * current round has approved (APPROVALS_PENDING otherwise). Moves the deal on to PAYMENT.
 */
export async function signContract(ctx: AuthedContext, input: SignContractInput, now: Date = new Date()): Promise<ContractResult> {
  const result = await withTransaction(ctx, async (tx): Promise<ContractResult> => {
    const c = await scoped(tx, Contract).getById(input.id, 'input.id', { lock: true });
    const illegal = checkTransition(ENTITY, CONTRACT_TRANSITIONS, c.status, SIGNED);
    if (illegal) return illegal;
    if (c.status === ON_APPROVAL) {
      const approvals = await loadApprovals(tx, c.id);
      const round = roundOf(approvals);
      const pending = approvals.filter((a) => a.round === round && a.decision !== APPROVED).map((a) => approvalView(a, round));
      if (pending.length) return new ContractApprovalsPendingError(round, pending);
    }
    const number = await assignNumber(tx, c);
    const signed = await save(tx, c, {
      status: SIGNED,
      number,
      signedOn: input.signedOn ?? (await agencyToday(tx, now)),
      signedByClient: trimOrNull(input.signedByClient),
    });
    await advanceDeal(tx, signed.dealId, DealStage.PAYMENT, 'contract signed');
    return signed;
  });
  return result;
}

/** SIGNED → COMPLETED. */
export async function completeContract(ctx: AuthedContext, input: CompleteContractInput, now: Date = new Date()): Promise<ContractResult> {
  const result = await withTransaction(ctx, async (tx): Promise<ContractResult> => {
    const c = await scoped(tx, Contract).getById(input.id, 'input.id', { lock: true });
    const illegal = checkTransition(ENTITY, CONTRACT_TRANSITIONS, c.status, COMPLETED);
    if (illegal) return illegal;
    return save(tx, c, { status: COMPLETED, closedAt: now });
  });
  return result;
}

/** DRAFT / ON_APPROVAL / SIGNED → TERMINATED, with the reason. */
export async function terminateContract(ctx: AuthedContext, input: TerminateContractInput, now: Date = new Date()): Promise<ContractResult> {
  const reason = trimOrNull(input.reason);
  if (!reason) throw new BadUserInputError([{ path: 'input.reason', message: msg('validation.notBlank', { field: 'reason' }) }]);
  const result = await withTransaction(ctx, async (tx): Promise<ContractResult> => {
    const c = await scoped(tx, Contract).getById(input.id, 'input.id', { lock: true });
    const illegal = checkTransition(ENTITY, CONTRACT_TRANSITIONS, c.status, TERMINATED);
    if (illegal) return illegal;
    return save(tx, c, { status: TERMINATED, closedAt: now, terminationReason: reason });
  });
  return result;
}

// ---------------------------------------------------------------------------------------------
// control points

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
  const approvals = await scoped(ctx, ContractApproval)
    .query('a')
    .andWhere('a."contractId" IN (:...contractIds)', { contractIds: contracts.map((c) => c.id) })
    .orderBy('a."round"', 'ASC')
    .addOrderBy('a."position"', 'ASC')
    .addOrderBy('a.id', 'ASC')
    .getMany();
  const grouped = groupBy(
    contracts.map((c) => c.id),
    approvals,
    (a) => a.contractId,
  );
  return contracts.flatMap((contract, i) => {
    const round = roundOf(grouped[i]);
    const pending = grouped[i].filter((a) => a.round === round && a.decision === PENDING).map((a) => approvalView(a, round));
    return pending.length ? [{ contract, round, pending }] : [];
  });
}
