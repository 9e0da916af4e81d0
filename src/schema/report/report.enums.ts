import { registerEnumType } from 'type-graphql';
import { ReportFrequency, ReportKind, ReportStatus, ExperimentOutcome, ReportFigureKey, ReportSeriesKey } from '../../entities/enums';

registerEnumType(ReportKind, {
  name: 'ReportKind',
  description: 'Who a report is written for.',
  valuesConfig: {
    MARKETING: { description: "The client's marketing manager: campaign KPIs against plan, open deviations, what was changed and why." },
    BUDGET: { description: "Whoever allocates the client's budget: channels ranked by profit, and the 70/20/10 shares against the proposal." },
    OWNER: { description: "The client's owner: revenue from the campaigns against everything spent (media and the agency's invoices), ROI month by month." },
  },
});

registerEnumType(ReportFrequency, {
  name: 'ReportFrequency',
  description: 'How often a scheduled report is made, always for the last full period.',
  valuesConfig: {
    WEEKLY: { description: 'Each ISO week, Monday to Sunday, made in the week after.' },
    MONTHLY: { description: 'Each calendar month, made in the month after.' },
  },
});

registerEnumType(ReportStatus, {
  name: 'ReportStatus',
  description: 'Where a report stands.',
  valuesConfig: {
    DRAFT: { description: 'Made, for the manager to review and write the development plan; the client does not see it.' },
    PUBLISHED: { description: "Published to the client's portal; never changed again (a new version is made instead)." },
  },
});

registerEnumType(ReportFigureKey, {
  name: 'ReportFigureKey',
  description: 'A business figure of a report.',
  valuesConfig: {
    IMPRESSIONS: { description: 'Impressions.' },
    CLICKS: { description: 'Clicks.' },
    CONVERSIONS: { description: 'Conversions.' },
    MEDIA_SPEND: { description: 'Advertising spend recorded for the campaigns.' },
    CPA: { description: 'Media spend per conversion.' },
    REVENUE: { description: 'Revenue attributed to the campaigns.' },
    ROMI: { description: 'Return on marketing investment: (revenue − media spend) / media spend × 100.' },
    PROFIT: { description: 'Revenue minus what was spent (media spend; for the owner also the agency invoices).' },
    AGENCY_INVOICES: { description: "What the agency invoiced the client for in the period (invoices issued, drafts and cancelled ones left out, credit notes and prepayments deducted)." },
    TOTAL_SPENT: { description: 'Media spend plus the agency invoices.' },
    ROI: { description: 'Return on everything spent: (revenue − total spent) / total spent × 100.' },
    EXPERIMENTAL_SHARE: { description: 'Share of the media spend that went to experiments (the 10 % category), in percent.' },
  },
});

registerEnumType(ReportSeriesKey, {
  name: 'ReportSeriesKey',
  description: 'What a chart series shows.',
  valuesConfig: {
    CONVERSIONS: { description: 'Conversions per bucket, actual.' },
    CONVERSIONS_PLAN: { description: 'Conversions per bucket, planned (the targets spread over their days).' },
    LEADS: { description: 'Leads per bucket, actual (for campaigns that count leads and no conversions).' },
    LEADS_PLAN: { description: 'Leads per bucket, planned.' },
    MEDIA_SPEND: { description: 'Media spend per bucket.' },
    REVENUE: { description: 'Revenue per bucket.' },
    TOTAL_SPENT: { description: 'Media spend plus agency invoices per bucket.' },
    ROI: { description: 'ROI per bucket, in percent.' },
  },
});

registerEnumType(ExperimentOutcome, {
  name: 'ExperimentOutcome',
  description: 'What came of an experiment in the period.',
  valuesConfig: {
    PAID_OFF: { description: 'Revenue above its spend.' },
    NOT_PAID_OFF: { description: 'Revenue at or below its spend.' },
    NO_DATA: { description: 'Nothing spent in the period yet.' },
  },
});
