/**
 * The meeting protocol's view model, from a meeting of the agency: read through the meeting
 * service and the loaders (tenancy applies), times turned into the agency's local dates and
 * wall-clock times. The protocol of a meeting that has not started yet is not available.
 */
import type { AuthedContext } from '../../context';
import type { Contact, Meeting, User } from '../../entities';
import { UserRole, type Locale } from '../../entities/enums';
import { imagesForDocuments } from '../../services/agency-image.service';
import { getMeeting, participantContacts, participantUsers } from '../../services/meeting.service';
import { localParts, offsetMs } from '../../services/time';
import { documentLabels } from '../i18n/labels';
import { formatDate } from '../layout/format';
import { DocumentUnavailable, type BuiltModel } from '../models';
import { agencyParty, clientParty, type AgencyPartyModel, type PartyModel } from '../shared/party.data';
import type { LocalDateTime, MeetingProtocolModel, ProtocolActionItem, ProtocolPerson } from './meeting-protocol.model';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The instant as the agency's wall clock shows it. */
export function localDateTime(instant: Date, timeZone: string): LocalDateTime {
  const p = localParts(instant, timeZone);
  return { date: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** "UTC+3", "UTC+5:30", "UTC−3:30", "UTC" for the zone's offset at the instant. */
export function utcOffset(instant: Date, timeZone: string): string {
  const minutes = Math.round(offsetMs(instant, timeZone) / 60_000);
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? '−' : '+'}${Math.floor(abs / 60)}${abs % 60 ? `:${pad(abs % 60)}` : ''}`;
}

function isAgencySignatory(name: string, agency: AgencyPartyModel): boolean {
  return !!agency.signatoryName && agency.signatoryName.trim().toLowerCase() === name.trim().toLowerCase();
}

function staffPerson(user: User, agency: AgencyPartyModel): ProtocolPerson {
  // the agency's signatory is known by position; other staff by their role
  const isSignatory = isAgencySignatory(user.fullName, agency);
  return {
    name: user.fullName.trim() || user.email,
    position: isSignatory ? agency.signatoryPosition : null,
    staffRole: user.role === UserRole.OWNER ? 'OWNER' : 'MANAGER',
  };
}

function contactPerson(contact: Contact): ProtocolPerson {
  return { name: contact.fullName, position: contact.position ?? null, staffRole: null };
}

function signatoryOf(party: PartyModel): ProtocolPerson | null {
  return party.signatoryName ? { name: party.signatoryName, position: party.signatoryPosition, staffRole: null } : null;
}

async function actionItems(ctx: AuthedContext, meeting: Meeting): Promise<ProtocolActionItem[]> {
  const items = meeting.actionItems ?? [];
  const [users, contacts] = await Promise.all([
    ctx.loaders.userById.loadMany(items.map((a) => a.ownerUserId).filter((id): id is string => !!id)),
    ctx.loaders.contactById.loadMany(items.map((a) => a.ownerContactId).filter((id): id is string => !!id)),
  ]);
  const names = new Map<string, string>();
  for (const u of users) if (u && !(u instanceof Error)) names.set(u.id, u.fullName.trim() || u.email);
  for (const c of contacts) if (c && !(c instanceof Error)) names.set(c.id, c.fullName);
  return items.map((a) => ({
    description: a.description,
    owner: (a.ownerUserId && names.get(a.ownerUserId)) || (a.ownerContactId && names.get(a.ownerContactId)) || null,
    dueDate: a.dueDate ?? null,
    done: a.done ?? false,
  }));
}

export async function buildMeetingProtocol(
  ctx: AuthedContext,
  sourceId: string,
  locale: Locale,
  now: Date = new Date(),
): Promise<BuiltModel<MeetingProtocolModel> | DocumentUnavailable | null> {
  const meeting = await getMeeting(ctx, sourceId);
  if (!meeting) return null;
  if (meeting.startsAt.getTime() > now.getTime()) return new DocumentUnavailable('MEETING_NOT_HELD');
  const client = await ctx.loaders.clientById.load(meeting.clientId);
  if (!client) return null;
  const [agency, clientSide, users, contacts, items, images] = await Promise.all([
    agencyParty(ctx),
    clientParty(ctx, client),
    participantUsers(ctx, meeting),
    participantContacts(ctx, meeting),
    actionItems(ctx, meeting),
    imagesForDocuments(ctx),
  ]);
  const zone = agency.timeZone;
  const agencyParticipants = users.map((u) => staffPerson(u, agency));
  const clientParticipants = contacts.map(contactPerson);
  const starts = localDateTime(meeting.startsAt, zone);
  const agencySigner = agencyParticipants[0] ?? signatoryOf(agency);
  // the stored signature is the signatory's: it goes on the protocol only above their name
  const signatoryPresent = !!agencySigner && isAgencySignatory(agencySigner.name, agency);
  const model: MeetingProtocolModel = {
    agency,
    client: clientSide,
    logo: images.logo ?? null,
    stamp: signatoryPresent ? (images.stamp ?? null) : null,
    signature: signatoryPresent ? (images.signature ?? null) : null,
    title: meeting.title,
    starts,
    ends: meeting.endsAt ? localDateTime(meeting.endsAt, zone) : null,
    utcOffset: utcOffset(meeting.startsAt, zone),
    location: meeting.location,
    agencyParticipants,
    clientParticipants,
    agenda: meeting.agenda,
    discussion: meeting.discussion,
    decisions: meeting.decisions ?? [],
    actionItems: items,
    nextMeeting: meeting.nextMeetingAt ? localDateTime(meeting.nextMeetingAt, zone) : null,
    agencySigner,
    clientSigner: clientParticipants[0] ?? signatoryOf(clientSide),
  };
  // file names carry the numeric date in ru and bg (without the Bulgarian "г.", which would end in a dot)
  const fileDate = formatDate(starts.date, locale === 'en' ? 'en' : 'ru', 'short');
  return {
    model,
    clientId: meeting.clientId,
    number: null,
    fileName: documentLabels(locale)('meetingProtocol.fileName', { date: fileDate }),
    immutable: false,
  };
}
