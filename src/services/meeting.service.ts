import type { AuthedContext, } from '../context';
import { getOwnAgency } from './agency.service';
import { Agency, Client, Contact, Deal, Meeting, User } from '../entities';
import type { ActionItem } from '../entities/meeting.entity';
import { UserRole } from '../entities/enums';
import { BadUserInputError, FieldError, NotFoundError } from '../errors';
import type { ConnectionResult } from '../schema/common/connection';
import type {
  CompleteActionItemInput,
  CreateMeetingInput,
  MarkProtocolSentInput,
  MeetingActionItemInput,
  MeetingFields,
  UpdateMeetingInput,
} from '../schema/meeting/meeting.inputs';
import type { MeetingsArgs } from '../schema/meeting/meeting.args';
import { recordClientContact } from './client.service';
import { latestFirst, paginate } from './pagination';
import { MeetingNotHeldError } from '../schema/meeting/meeting.results';
import { scoped, withTransaction } from './scope';
import { addDays, isPastLocalDay, localDate } from './time';
import { trimOrNull } from './text';
import { msg } from '../i18n';

// ---------------------------------------------------------------------------------------------
// Protocol due date

/** The protocol is due `protocolDueDays` after the local (agency time zone) date the meeting started. */
export function protocolDueDate(startsAt: Date, agency: Pick<Agency, 'timeZone' | 'protocolDueDays'>): string {
  return addDays(localDate(startsAt, agency.timeZone), agency.protocolDueDays);
}

async function actorAgency(ctx: AuthedContext): Promise<Agency> {
  return getOwnAgency(ctx);
}

/** Meeting.protocolDueOn: a calendar date in the agency's time zone. */
export async function protocolDueOn(ctx: AuthedContext, meeting: Meeting): Promise<string> {
  return protocolDueDate(meeting.startsAt, await actorAgency(ctx));
}

/** Not sent, and the due day is over in the agency's time zone. */
export async function protocolOverdue(ctx: AuthedContext, meeting: Meeting, now: Date = new Date()): Promise<boolean> {
  if (meeting.protocolSentAt) return false;
  const agency = await actorAgency(ctx);
  return isPastLocalDay(protocolDueDate(meeting.startsAt, agency), agency.timeZone, now);
}

// ---------------------------------------------------------------------------------------------
// Loaders

/** Contacts by id, batched per request (shared by meetings and briefs). */
function present<T>(rows: (T | null | Error)[]): T[] {
  return rows.filter((r): r is T => r != null && !(r instanceof Error));
}

/** The participating agency users, in the recorded order (batched). */
export async function participantUsers(ctx: AuthedContext, meeting: Meeting): Promise<User[]> {
  if (!meeting.participantUserIds?.length) return [];
  return present(await ctx.loaders.userById.loadMany(meeting.participantUserIds));
}

/** The participating contact persons, in the recorded order (batched). */
export async function participantContacts(ctx: AuthedContext, meeting: Meeting): Promise<Contact[]> {
  if (!meeting.participantContactIds?.length) return [];
  return present(await ctx.loaders.contactById.loadMany(meeting.participantContactIds));
}

export interface ActionItemView {
  index: number;
  description: string;
  ownerUserId: string | null;
  ownerContactId: string | null;
  dueDate: string | null;
  done: boolean;
}

export function actionItemViews(meeting: Meeting): ActionItemView[] {
  return (meeting.actionItems ?? []).map((a, index) => ({
    index,
    description: a.description,
    ownerUserId: a.ownerUserId ?? null,
    ownerContactId: a.ownerContactId ?? null,
    dueDate: a.dueDate ?? null,
    done: a.done ?? false,
  }));
}

// ---------------------------------------------------------------------------------------------
// Input → columns, and the rules

function toActionItems(items: MeetingActionItemInput[]): ActionItem[] {
  const errors: FieldError[] = [];
  const out = items.map((a, i) => {
    const description = trimOrNull(a.description);
    if (!description) errors.push({ path: `input.actionItems.${i}.description`, message: msg('validation.notEmpty', { field: 'description' }) });
    if (a.ownerUserId && a.ownerContactId) {
      errors.push({ path: `input.actionItems.${i}.ownerContactId`, message: msg('validation.ownerUserOrContact') });
    }
    return {
      description: description ?? '',
      ownerUserId: a.ownerUserId ?? null,
      ownerContactId: a.ownerContactId ?? null,
      dueDate: a.dueDate ?? null,
      done: a.done ?? false,
    };
  });
  if (errors.length) throw new BadUserInputError(errors);
  return out;
}

/** Turns an input into column values; undefined stays "not given", null clears (lists become empty). */
function toColumns(input: Partial<MeetingFields> & { title?: string | null; startsAt?: Date | null }): Partial<Meeting> {
  const out: Partial<Meeting> = {};
  if (input.title !== undefined) {
    const title = trimOrNull(input.title);
    if (!title) throw new BadUserInputError([{ path: 'input.title', message: msg('validation.notEmpty', { field: 'title' }) }]);
    out.title = title;
  }
  if (input.startsAt !== undefined) {
    if (!input.startsAt) throw new BadUserInputError([{ path: 'input.startsAt', message: msg('validation.cannotBeCleared', { field: 'startsAt' }) }]);
    out.startsAt = input.startsAt;
  }
  if (input.endsAt !== undefined) out.endsAt = input.endsAt ?? null;
  if (input.nextMeetingAt !== undefined) out.nextMeetingAt = input.nextMeetingAt ?? null;
  if (input.location !== undefined) out.location = trimOrNull(input.location);
  if (input.agenda !== undefined) out.agenda = trimOrNull(input.agenda);
  if (input.discussion !== undefined) out.discussion = trimOrNull(input.discussion);
  if (input.dealId !== undefined) out.dealId = input.dealId ?? null;
  if (input.decisions !== undefined) out.decisions = (input.decisions ?? []).map((d) => d.trim()).filter((d) => d !== '');
  if (input.actionItems !== undefined) out.actionItems = toActionItems(input.actionItems ?? []);
  if (input.participantUserIds !== undefined) out.participantUserIds = [...(input.participantUserIds ?? [])];
  if (input.participantContactIds !== undefined) out.participantContactIds = [...(input.participantContactIds ?? [])];
  return out;
}

/** Rules over the merged meeting: the order of its instants. */
function checkTimes(m: Partial<Meeting>): void {
  const errors: FieldError[] = [];
  if (m.startsAt && m.endsAt && m.endsAt.getTime() < m.startsAt.getTime()) {
    errors.push({ path: 'input.endsAt', message: msg('validation.notBefore', { field: 'endsAt', other: 'startsAt' }) });
  }
  if (m.startsAt && m.nextMeetingAt && m.nextMeetingAt.getTime() <= m.startsAt.getTime()) {
    errors.push({ path: 'input.nextMeetingAt', message: msg('validation.mustBeAfter', { field: 'nextMeetingAt', other: 'startsAt' }) });
  }
  if (m.startsAt && m.protocolSentAt && m.startsAt.getTime() > m.protocolSentAt.getTime()) {
    errors.push({ path: 'input.startsAt', message: msg('validation.protocolAlreadySent') });
  }
  if (errors.length) throw new BadUserInputError(errors);
}

/**
 * People named by the meeting must be visible to the actor: staff users of the agency, contacts of
 * the meeting's client. Invisible ones are NOT_FOUND (naming the field); visible but wrong ones are
 * BAD_USER_INPUT. One query for the users and one for the contacts.
 */
async function checkPeople(tx: AuthedContext, clientId: string, patch: Partial<Meeting>): Promise<void> {
  const userRefs: { id: string; path: string }[] = [];
  const contactRefs: { id: string; path: string }[] = [];
  patch.participantUserIds?.forEach((id, i) => userRefs.push({ id, path: `input.participantUserIds.${i}` }));
  patch.participantContactIds?.forEach((id, i) => contactRefs.push({ id, path: `input.participantContactIds.${i}` }));
  patch.actionItems?.forEach((a, i) => {
    if (a.ownerUserId) userRefs.push({ id: a.ownerUserId, path: `input.actionItems.${i}.ownerUserId` });
    if (a.ownerContactId) contactRefs.push({ id: a.ownerContactId, path: `input.actionItems.${i}.ownerContactId` });
  });
  const errors: FieldError[] = [];
  if (userRefs.length) {
    const users = new Map((await scoped(tx, User).findByIds([...new Set(userRefs.map((r) => r.id))])).map((u) => [u.id, u]));
    for (const ref of userRefs) {
      const user = users.get(ref.id);
      if (!user) throw new NotFoundError('User', ref.path);
      if (user.role === UserRole.CLIENT) errors.push({ path: ref.path, message: msg('validation.agencyUserRequired', { field: ref.path.split('.').pop() }) });
    }
  }
  if (contactRefs.length) {
    const contacts = new Map((await scoped(tx, Contact).findByIds([...new Set(contactRefs.map((r) => r.id))])).map((c) => [c.id, c]));
    for (const ref of contactRefs) {
      const contact = contacts.get(ref.id);
      if (!contact) throw new NotFoundError('Contact', ref.path);
      if (contact.clientId !== clientId) errors.push({ path: ref.path, message: msg('validation.contactOfOtherClient') });
    }
  }
  if (errors.length) throw new BadUserInputError(errors);
}

async function checkDeal(tx: AuthedContext, clientId: string, dealId: string | null | undefined): Promise<void> {
  if (!dealId) return;
  const deal = await scoped(tx, Deal).getById(dealId, 'input.dealId');
  if (deal.clientId !== clientId) throw new BadUserInputError([{ path: 'input.dealId', message: msg('validation.dealOfOtherClient') }]);
}

// ---------------------------------------------------------------------------------------------
// Operations

/** null when missing, another agency's, or asked by a portal user (meetings are internal). */
export function getMeeting(ctx: AuthedContext, id: string): Promise<Meeting | null> {
  return scoped(ctx, Meeting).findById(id);
}

/** Meetings of the agency, latest start first; `from` and `to` are both inclusive. */
export function listMeetings(ctx: AuthedContext, args: MeetingsArgs): Promise<ConnectionResult<Meeting>> {
  const f = args.filter;
  if (f?.from && f?.to && f.from.getTime() > f.to.getTime()) {
    throw new BadUserInputError([{ path: 'filter.to', message: msg('validation.notBefore', { field: 'to', other: 'from' }) }]);
  }
  const qb = scoped(ctx, Meeting).query('m');
  if (f?.clientId) qb.andWhere('m."clientId" = :clientId', { clientId: f.clientId });
  if (f?.protocolSent === true) qb.andWhere('m."protocolSentAt" IS NOT NULL');
  if (f?.protocolSent === false) qb.andWhere('m."protocolSentAt" IS NULL');
  if (f?.from) qb.andWhere('m."startsAt" >= :from', { from: f.from });
  if (f?.to) qb.andWhere('m."startsAt" <= :to', { to: f.to });
  return paginate(qb, args, latestFirst('m', 'startsAt'));
}

/**
 * A meeting that has started is a contact with the client at its start (Client.lastContactAt,
 * fulfilling the pending next contact); one ahead is not yet (see recordClientContact).
 */
async function heldMeetingIsContact(tx: AuthedContext, meeting: Meeting, now: Date = new Date()): Promise<void> {
  if (meeting.startsAt.getTime() > now.getTime()) return;
  const client = await scoped(tx, Client).getById(meeting.clientId, 'input.clientId', { lock: true });
  await recordClientContact(tx, client, meeting.startsAt);
}

/** Records a meeting with a client of the agency; one already held counts as a contact. */
export async function createMeeting(ctx: AuthedContext, input: CreateMeetingInput): Promise<Meeting> {
  const values = toColumns(input);
  values.decisions ??= [];
  values.actionItems ??= [];
  values.participantUserIds ??= [];
  values.participantContactIds ??= [];
  checkTimes(values);
  return withTransaction(ctx, async (tx) => {
    const client = await scoped(tx, Client).getById(input.clientId, 'input.clientId');
    await checkDeal(tx, client.id, values.dealId);
    await checkPeople(tx, client.id, values);
    const meeting = await scoped(tx, Meeting).insert({ ...values, clientId: client.id, createdById: tx.actor.userId });
    await heldMeetingIsContact(tx, meeting);
    return meeting;
  });
}

/** Changes a meeting; lists given replace the stored ones. */
export async function updateMeeting(ctx: AuthedContext, input: UpdateMeetingInput): Promise<Meeting> {
  const patch = toColumns(input);
  return withTransaction(ctx, async (tx) => {
    const meeting = await scoped(tx, Meeting).getById(input.id, 'input.id', { lock: true });
    checkTimes({ ...meeting, ...patch });
    if (patch.dealId !== undefined) await checkDeal(tx, meeting.clientId, patch.dealId);
    await checkPeople(tx, meeting.clientId, patch);
    const saved = await scoped(tx, Meeting).update(meeting, patch);
    await heldMeetingIsContact(tx, saved);
    return saved;
  });
}


/**
 * Records that the protocol was sent. Idempotent: once sent, the first date stays and the meeting
 * is returned as it is. A meeting that has not started yet is an error result (MEETING_NOT_HELD).
 */
export async function markProtocolSent(ctx: AuthedContext, input: MarkProtocolSentInput, now: Date = new Date()): Promise<Meeting | MeetingNotHeldError> {
  return withTransaction(ctx, async (tx) => {
    const meeting = await scoped(tx, Meeting).getById(input.id, 'input.id', { lock: true });
    if (meeting.protocolSentAt) return meeting;
    if (meeting.startsAt.getTime() > now.getTime()) {
      return new MeetingNotHeldError(meeting.startsAt);
    }
    const sentAt = input.sentAt ?? now;
    if (sentAt.getTime() > now.getTime()) {
      throw new BadUserInputError([{ path: 'input.sentAt', message: msg('validation.notInFuture', { field: 'sentAt' }) }]);
    }
    if (sentAt.getTime() < meeting.startsAt.getTime()) {
      throw new BadUserInputError([{ path: 'input.sentAt', message: msg('validation.sentBeforeMeeting') }]);
    }
    const saved = await scoped(tx, Meeting).update(meeting, { protocolSentAt: sentAt });
    await heldMeetingIsContact(tx, saved, now);
    return saved;
  });
}

/** Marks one action item done; doing it twice changes nothing. */
export async function completeActionItem(ctx: AuthedContext, input: CompleteActionItemInput): Promise<Meeting> {
  return withTransaction(ctx, async (tx) => {
    const meeting = await scoped(tx, Meeting).getById(input.meetingId, 'input.meetingId', { lock: true });
    const items = meeting.actionItems ?? [];
    if (input.index >= items.length) {
      throw new BadUserInputError([{ path: 'input.index', message: msg('validation.actionItemIndex', { count: items.length }) }]);
    }
    if (items[input.index].done) return meeting;
    const actionItems = items.map((a, i) => (i === input.index ? { ...a, done: true } : a));
    return scoped(tx, Meeting).update(meeting, { actionItems });
  });
}
