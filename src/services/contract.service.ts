import type { AuthedContext } from '../context';
import { ContractApprovalDecision } from '../schema/contract/contract.enums';
import { Client, Contract, ContractApproval, ContractPaymentItem, Deal, Proposal, ProposalLine } from '../entities';
import { ApprovalDecision, ContractStatus, DealStage, DocumentKind, PriceBasis, ProposalStatus } from '../entities/enums';
import { BadUserInputError, FieldError, isUniqueViolation, NotFoundError } from '../errors';
import { msg } from '../i18n';
import { IllegalTransitionError } from '../schema/common/error-results';
import {
  type ApproveContractInput,
  type CompleteContractInput,
  type CreateContractInput,
  type SignContractInput,
  type SubmitContractForApprovalInput,
  type TerminateContractInput,
  type UpdateContractInput,
} from '../schema/contract/contract.inputs';
import { ContractApprovalAlreadyDecidedError, ContractApprovalsPendingError, ContractNotEditableError, approverLabel } from '../schema/contract/contract.results';
import { agencyToday, getOwnAgency } from './agency.service';
import { approvalsOf, liveContractOf, scheduleItemsOf } from './contract.reads';
import { checkAmount, checkPeriod, CONTRACT_TRANSITIONS, currentRoundIn, roundOf, splitPaymentSchedule, type ScheduleItemValues } from './contract.rules';
import { advanceDeal } from './deal-automation';
import { DuplicateError, winnerOfRace } from './duplicates';
import { linkedOfClient } from './links';
import { cmp, round2 } from './money/totals';
import { BG_EURO_CHANGEOVER, contractCurrencyAllowed } from './money/vat';
import { nextDocumentNumber, withUniqueNumber } from './numbering';
import { proposalLineTotals } from './proposal.rules';
import { getRequisites } from './requisites.service';
import { scoped, withTransaction } from './scope';
import { requireText, trimOrNull } from './text';
import { localDate } from './time';
import { checkTransition, transitionRow } from './transitions';

/**
 * Contract mutations, each one transaction. The pure rules (status flow, schedule split) are in
 * contract.rules.ts, the reads in contract.reads.ts.
 */

const { DRAFT, ON_APPROVAL, SIGNED, COMPLETED, TERMINATED } = ContractStatus;
const { PENDING, APPROVED, RETURNED } = ApprovalDecision;

export type ContractResult = Contract | IllegalTransitionError | ContractNotEditableError | ContractApprovalsPendingError | ContractApprovalAlreadyDecidedError;

// ---------------------------------------------------------------------------------------------
// helpers of the writes

/** The deal, when given, must be the same client's. */
async function checkDeal(tx: AuthedContext, dealId: string, clientId: string): Promise<void> {
  await linkedOfClient(tx, Deal, dealId, clientId, 'input.dealId', 'validation.dealOfOtherClient');
}

/** The proposal, if it is an ACCEPTED offer to the same client. */
async function acceptedProposal(tx: AuthedContext, proposalId: string, clientId: string): Promise<Proposal> {
  const proposal = await linkedOfClient(tx, Proposal, proposalId, clientId, 'input.proposalId', 'validation.proposalOfOtherClient');
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
    msg('errors.conflict.PROPOSAL_HAS_CONTRACT'),
    'input.proposalId',
    existingId,
  );
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

/**
 * What the client accepted to pay: media budgets and the fees the client saw. Fees marked internal
 * were never shown (the portal's grand total leaves them out), so they are never billed; to bill
 * one the manager gives the amount on the contract, which the client sees.
 */
async function proposalGrandTotal(tx: AuthedContext, proposalId: string): Promise<string> {
  const lines = await scoped(tx, ProposalLine).query('l').andWhere('l."proposalId" = :proposalId', { proposalId }).getMany();
  return proposalLineTotals(lines, false).grandTotal;
}

/** A contract made from a proposal keeps the proposal's price basis: the client accepted those prices as they were. */
function checkProposalBasis(proposal: Proposal, given: PriceBasis | null | undefined): void {
  if (given && given !== proposal.priceBasis) {
    throw new BadUserInputError([{ path: 'input.priceBasis', message: msg('validation.proposalPriceBasis', { basis: proposal.priceBasis }) }]);
  }
}

/**
 * A BGN contract dated from the euro changeover is refused, on the inputs that were given (a BGN
 * contract signed before stays valid and is invoiced in EUR from 2026).
 */
function checkContractCurrency(country: string, currency: string, contractDate: string, given: { currency: boolean; contractDate: boolean }): void {
  if (contractCurrencyAllowed(country, currency, contractDate)) return;
  const message = msg('validation.bgnContractAfterEuro', { date: BG_EURO_CHANGEOVER });
  const errors: FieldError[] = [];
  if (given.currency) errors.push({ path: 'input.currency', message });
  if (given.contractDate) errors.push({ path: 'input.contractDate', message });
  throw new BadUserInputError(errors.length ? errors : [{ path: 'input.currency', message }]);
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
function save(tx: AuthedContext, contract: Contract, patch: Partial<Contract>, opts: { allowPortal?: boolean } = {}): Promise<Contract> {
  const message = msg('errors.conflict.DUPLICATE_CONTRACT_NUMBER', { number: patch.number });
  return withUniqueNumber('contracts_number_unique', message, () => scoped(tx, Contract).update(contract, patch, opts));
}

// ---------------------------------------------------------------------------------------------
// writes

/** Creates a DRAFT contract (no number yet) with its payment schedule. */
export async function createContract(ctx: AuthedContext, input: CreateContractInput, now: Date = new Date()): Promise<Contract> {
  const contract = await withOneContractPerProposal(ctx, input.proposalId, () => withTransaction(ctx, async (tx) => {
    const client = await scoped(tx, Client).getById(input.clientId, 'input.clientId');
    const proposal = input.proposalId ? await acceptedProposal(tx, input.proposalId, client.id) : null;
    if (proposal) {
      checkProposalBasis(proposal, input.priceBasis);
      await checkProposalFree(tx, proposal.id);
    }
    const priceBasis = proposal?.priceBasis ?? input.priceBasis ?? (await getOwnAgency(tx)).priceBasis;
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
    const agency = await getOwnAgency(tx);
    const contractDate = input.contractDate ?? localDate(now, agency.timeZone);
    checkContractCurrency(agency.country, currency!, contractDate, { currency: input.currency != null, contractDate: input.contractDate != null });
    const schedule = splitPaymentSchedule(round2(amount!), input.paymentSchedule ?? []);

    const created = await scoped(tx, Contract).insert({
      clientId: client.id,
      dealId,
      proposalId: proposal?.id ?? null,
      number: null,
      contractDate,
      subject: subject!,
      amount: round2(amount!),
      currency: currency!,
      priceBasis,
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
  for (const key of ['subject', 'amount', 'currency', 'contractDate', 'priceBasis'] as const) {
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
    if (patch.currency !== undefined || patch.contractDate !== undefined) {
      const agency = await getOwnAgency(tx);
      checkContractCurrency(agency.country, patch.currency ?? c.currency, patch.contractDate ?? c.contractDate, {
        currency: patch.currency !== undefined,
        contractDate: patch.contractDate !== undefined,
      });
    }
    if (input.startsOn !== undefined) patch.startsOn = input.startsOn;
    if (input.endsOn !== undefined) patch.endsOn = input.endsOn;
    checkPeriod(patch.startsOn !== undefined ? patch.startsOn : c.startsOn, patch.endsOn !== undefined ? patch.endsOn : c.endsOn);
    if (input.dealId !== undefined) {
      if (input.dealId) await checkDeal(tx, input.dealId, c.clientId);
      patch.dealId = input.dealId;
    }
    if (input.priceBasis != null) patch.priceBasis = input.priceBasis;
    if (input.proposalId !== undefined) {
      if (input.proposalId) {
        const proposal = await acceptedProposal(tx, input.proposalId, c.clientId);
        checkProposalBasis(proposal, input.priceBasis);
        await checkProposalFree(tx, input.proposalId, c.id);
        patch.priceBasis = proposal.priceBasis;
      }
      patch.proposalId = input.proposalId;
    } else if (input.priceBasis != null && c.proposalId) {
      const proposal = await scoped(tx, Proposal).findById(c.proposalId);
      if (proposal) checkProposalBasis(proposal, input.priceBasis);
    }

    const amount = patch.amount ?? c.amount;
    const replace = input.paymentSchedule != null;
    const resplit = !replace && patch.amount !== undefined && cmp(patch.amount, c.amount) !== 0;
    const old = replace || resplit ? await scheduleItemsOf(tx, c.id) : [];
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
  const approvers = input.approvers.map((a, i) => ({ name: requireText(a.name, `input.approvers.${i}.name`), position: trimOrNull(a.position) }));
  if (approvers.length === 0) throw new BadUserInputError([{ path: 'input.approvers', message: msg('validation.approversRequired') }]);
  return withTransaction(ctx, (tx) => transitionRow(tx, Contract, input.id, CONTRACT_TRANSITIONS, ON_APPROVAL, async (c) => {
    const round = roundOf(await approvalsOf(tx, [c.id])) + 1;
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
  }));
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
    const currentRound = roundOf(await approvalsOf(tx, [c.id]));
    if (approval.decision !== PENDING || approval.round !== currentRound || c.status !== ON_APPROVAL) {
      return new ContractApprovalAlreadyDecidedError(approval, currentRound, c.status);
    }
    if (decision === RETURNED) {
      const illegal = checkTransition(Contract.name, CONTRACT_TRANSITIONS, c.status, DRAFT);
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
  return withTransaction(ctx, (tx) => transitionRow(tx, Contract, input.id, CONTRACT_TRANSITIONS, SIGNED, async (c): Promise<ContractResult> => {
    if (c.status === ON_APPROVAL) {
      const { round, views: pending } = currentRoundIn(await approvalsOf(tx, [c.id]), [PENDING, RETURNED]);
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
  }));
}

/** SIGNED → COMPLETED. */
export async function completeContract(ctx: AuthedContext, input: CompleteContractInput, now: Date = new Date()): Promise<ContractResult> {
  return withTransaction(ctx, (tx) =>
    transitionRow(tx, Contract, input.id, CONTRACT_TRANSITIONS, COMPLETED, (c) => save(tx, c, { status: COMPLETED, closedAt: now })),
  );
}

/** DRAFT / ON_APPROVAL / SIGNED → TERMINATED, with the reason. */
export async function terminateContract(ctx: AuthedContext, input: TerminateContractInput, now: Date = new Date()): Promise<ContractResult> {
  const reason = requireText(input.reason, 'input.reason');
  return withTransaction(ctx, (tx) =>
    transitionRow(tx, Contract, input.id, CONTRACT_TRANSITIONS, TERMINATED, (c) =>
      save(tx, c, { status: TERMINATED, closedAt: now, terminationReason: reason }),
    ),
  );
}
