import { registerEnumType } from 'type-graphql';
import { ControlPointKind } from '../../entities/enums';

registerEnumType(ControlPointKind, {
  name: 'ControlPointKind',
  description: 'What kind of dated obligation a control point is.',
  valuesConfig: {
    MEETING_PROTOCOL_NOT_SENT: { description: 'A meeting protocol not yet sent to the client (due some days after the meeting).' },
    ACTION_ITEM_DUE: { description: 'An open action item of a meeting protocol.' },
    PROPOSAL_VALIDITY_ENDING: { description: 'A sent proposal whose validity date is coming (or has passed).' },
    PROPOSAL_CORRECTION: { description: 'The planned date of a proposal correction.' },
    PRESENTATION_RETRY: { description: 'Retry date after the client refused a presentation.' },
    DEAL_DEVIATION_DUE: { description: 'Another dated deviation of a deal (correction, approval, payment part…).' },
    NEXT_CONTACT: { description: "The client's planned next contact (development state between deals)." },
    CONTACT_INTERVAL_EXCEEDED: { description: 'The client has not been contacted within the agency maximum interval.' },
    CONTACT_BIRTHDAY: { description: "A contact person's birthday (congratulations)." },
    INVOICE_DUE: { description: 'An issued invoice not fully paid: its payment due / expiry date.' },
    SCHEDULE_ITEM_DUE: {
      description:
        'A payment-schedule item of a signed contract not yet paid in full: due on its date (an ON_SIGNING item without one: the signing date), a calendar date of the agency.',
    },
    CONTRACT_APPROVAL_WAITING: { description: "A contract waiting for the client's approvals longer than the agency allows." },
    ACT_UNSIGNED: { description: 'An issued act of completed work not signed by the client after the allowed days.' },
  },
});
