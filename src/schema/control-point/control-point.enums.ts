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
    KPI_DEVIATION_OPEN: {
      description:
        "An open KPI deviation of a running campaign, for the campaign's manager: an ACT deviation (optimise the campaign) is due the day it opened, a WARN one (watch the KPI) 3 days after.",
    },
    BUDGET_OVERSPEND: {
      description:
        'A launched campaign spending its budget too fast: spend to date beyond the expected spend, the forecast over the budget by more than the tolerance (10 %). Due today while it lasts.',
    },
    CAMPAIGN_END_OVERDUE: { description: 'A launched or paused campaign past its end date and not completed: due on its end date.' },
    MEASUREMENTS_STALE: {
      description:
        'A launched campaign with KPI targets and no figures for the last 3 days (today included): KPI deviations cannot be found without them. Due today.',
    },
    SATISFACTION_EVALUATION_DUE: {
      description:
        'The satisfaction evaluation date: an act signed or a deal won (in the last 90 days) and no satisfaction survey sent to the client since. Due 7 days after; for the deal manager, else the client owner.',
    },
    SATISFACTION_FOLLOW_UP: {
      description:
        'A satisfaction survey answered with a low score (any CSI ≤ 6, NPS ≤ 6 or CES ≤ 4): for the agency owners, due the day it came, until an owner records the follow-up (resolveSurveyFollowUp).',
    },
  },
});
