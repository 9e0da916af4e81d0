import { registerEnumType } from 'type-graphql';
import { CampaignStatus, KpiMetric, KpiPeriod, KpiTargetDirection, LaunchChecklistItem } from '../../entities/enums';

registerEnumType(CampaignStatus, {
  name: 'CampaignStatus',
  description: 'Where a campaign stands. Its goals (strategy, KPI targets) can change only while PLANNED.',
  valuesConfig: {
    PLANNED: { description: 'Being prepared: goals, targets and the launch checklist can change.' },
    LAUNCHED: { description: 'Running. Goals are fixed: changing them is a new campaign.' },
    PAUSED: { description: 'Stopped for a while; resumes to LAUNCHED.' },
    COMPLETED: { description: 'Ended as planned, or replaced by a follow-up campaign.' },
    CANCELLED: { description: 'Dropped, with the reason.' },
  },
});

registerEnumType(LaunchChecklistItem, {
  name: 'LaunchChecklistItem',
  description: 'What is verified before a campaign goes live; every item must be checked to launch.',
  valuesConfig: {
    WEBSITE: { description: 'The landing site works and is ready for the traffic.' },
    WEB_ANALYTICS: { description: 'Web analytics and goals are set up and record.' },
    KPI: { description: 'KPI targets are agreed (counts as unchecked while the campaign has none).' },
    CAMPAIGN_STRUCTURE: { description: 'The campaign structure (groups, audiences) is built.' },
    KEYWORD_SELECTION: { description: 'Keywords and negative keywords are selected.' },
    AD_QUALITY: { description: 'Ads are written, checked and approved.' },
    CAMPAIGN_SETTINGS: { description: 'Geography, schedule, bids and budget limits are set.' },
  },
});

registerEnumType(KpiMetric, {
  name: 'KpiMetric',
  description: 'A measured figure of a campaign a plan is set for.',
  valuesConfig: {
    IMPRESSIONS: { description: 'Ad impressions.' },
    CLICKS: { description: 'Clicks.' },
    CTR: { description: 'Click-through rate, %.' },
    CONVERSIONS: { description: 'Conversions (goal completions).' },
    LEADS: { description: 'Leads.' },
    CPC: { description: 'Cost per click (lower is better).' },
    CPA: { description: 'Cost per action (lower is better).' },
    CPL: { description: 'Cost per lead (lower is better).' },
    CR: { description: 'Conversion rate, %.' },
    REVENUE: { description: 'Revenue from the campaign.' },
    ROMI: { description: 'Return on marketing investment, %.' },
    SPEND: { description: 'Money spent.' },
    CUSTOM: { description: 'Another figure, named by customName.' },
  },
});

registerEnumType(KpiPeriod, {
  name: 'KpiPeriod',
  description: 'The period a KPI plan value is for.',
  valuesConfig: {
    DAY: { description: 'Per day.' },
    WEEK: { description: 'Per week.' },
    MONTH: { description: 'Per month.' },
    CAMPAIGN: { description: 'For the whole campaign.' },
  },
});

registerEnumType(KpiTargetDirection, {
  name: 'KpiTargetDirection',
  description: 'Which way of a KPI is good: a deviation the other way calls for attention.',
  valuesConfig: {
    HIGHER_IS_BETTER: { description: 'More than planned is good (clicks, leads, revenue…).' },
    LOWER_IS_BETTER: { description: 'Less than planned is good (CPC, CPA, CPL).' },
  },
});
