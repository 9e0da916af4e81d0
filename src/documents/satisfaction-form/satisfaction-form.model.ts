/** The printable satisfaction form as the renderer reads it: who it is for, pre-filled. */
import type { AgencyPartyModel } from '../shared/party.data';

export interface SatisfactionFormModel {
  /** the client's name as the agency calls it, and its legal name when it differs */
  clientName: string;
  clientLegalName: string | null;
  agency: AgencyPartyModel;
  /** the client's account manager; null when none is assigned */
  managerName: string | null;
  /** the day the form is printed, in the agency's time zone (ISO) */
  date: string;
  logo: Uint8Array | null;
}
