import type { AgencyPartyModel, PartyModel } from '../shared/party.data';

/** A person named in the protocol: a participant, an owner of an action item, a signer. */
export interface ProtocolPerson {
  name: string;
  /** the contact's position, or the agency's signatory position for its signatory */
  position: string | null;
  /** an agency user's role, printed as their position when none is known */
  staffRole: 'OWNER' | 'MANAGER' | null;
}

export interface ProtocolActionItem {
  description: string;
  /** the owner's name (an agency user or a contact of the client) */
  owner: string | null;
  /** calendar date YYYY-MM-DD */
  dueDate: string | null;
  done: boolean;
}

/** A local date and wall-clock time in the agency's time zone. */
export interface LocalDateTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, 24-hour */
  time: string;
}

/** Everything the protocol prints, already computed: dates in the agency's time zone. */
export interface MeetingProtocolModel {
  agency: AgencyPartyModel;
  client: PartyModel;
  /** the agency's images (agency-image.service); the stamp and signature only when its signatory signs */
  logo: Uint8Array | null;
  stamp: Uint8Array | null;
  signature: Uint8Array | null;
  title: string;
  starts: LocalDateTime;
  /** null when the meeting has no end; its date differs from `starts.date` only for a meeting past midnight */
  ends: LocalDateTime | null;
  /** the agency's UTC offset at the start, e.g. "UTC+3", "UTC+5:30" */
  utcOffset: string;
  location: string | null;
  agencyParticipants: ProtocolPerson[];
  clientParticipants: ProtocolPerson[];
  agenda: string | null;
  discussion: string | null;
  decisions: string[];
  actionItems: ProtocolActionItem[];
  nextMeeting: LocalDateTime | null;
  /** who signs for each side: its first participant, else the party's signatory */
  agencySigner: ProtocolPerson | null;
  clientSigner: ProtocolPerson | null;
}
