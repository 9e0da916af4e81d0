import { registerEnumType } from 'type-graphql';
import { DeviationCloseReason, DeviationSeverity, KpiStatus, PacingStatus } from '../../entities/enums';

registerEnumType(DeviationSeverity, {
  name: 'DeviationSeverity',
  description: 'How far a KPI is worse than plan, by the bands of its target.',
  valuesConfig: {
    NONE: { description: 'On plan, better, or worse by less than the warn band.' },
    WARN: { description: 'Worse by the warn band or more (10 % by default): to watch.' },
    ACT: { description: 'Worse by the act band or more (15 % by default): to optimize.' },
  },
});

registerEnumType(DeviationCloseReason, {
  name: 'DeviationCloseReason',
  description: 'Why a KPI deviation was closed.',
  valuesConfig: {
    BACK_WITHIN_BAND: { description: 'The KPI came back within its band while the period ran; the figures are those it was last seen with.' },
    PERIOD_ENDED: { description: 'Its period ended (in the agency time zone) while it was open; the figures are the final ones of the whole period.' },
    CAMPAIGN_ENDED: { description: 'The campaign was completed or cancelled while it was open.' },
  },
});

registerEnumType(PacingStatus, {
  name: 'PacingStatus',
  description: 'Whether the spend is heading for the budget (forecast at the flat daily spend so far).',
  valuesConfig: {
    ON_TRACK: { description: 'The forecast is within the tolerance of the budget (or nothing is expected yet).' },
    UNDERSPENDING: { description: 'The forecast falls short of the budget by more than the tolerance.' },
    OVERSPENDING: { description: 'The forecast beats the budget by more than the tolerance.' },
  },
});

registerEnumType(KpiStatus, {
  name: 'KpiStatus',
  description: 'Where a KPI stands against plan, for a traffic light.',
  valuesConfig: {
    NO_DATA: { description: 'Nothing to judge yet: no figure recorded for it in the period so far, or its denominator is 0 (e.g. CPC without clicks).' },
    ON_PLAN: { description: 'On plan, better than plan, or worse by less than the warn band.' },
    WARN: { description: 'Worse by the warn band or more: to watch.' },
    ACT: { description: 'Worse by the act band or more: to optimize.' },
  },
});
