import { registerEnumType } from 'type-graphql';

/** What the rows of the agency-wide KPI report are split by, besides the month. */
export enum KpiReportGrouping {
  NONE = 'NONE',
  CLIENT = 'CLIENT',
  CHANNEL = 'CHANNEL',
  CAMPAIGN = 'CAMPAIGN',
  MANAGER = 'MANAGER',
}

registerEnumType(KpiReportGrouping, {
  name: 'KpiReportGrouping',
  description: 'What the rows of the KPI report are split by, besides the month.',
  valuesConfig: {
    NONE: { description: 'One row per month for the whole agency.' },
    CLIENT: { description: 'One row per month and client.' },
    CHANNEL: { description: 'One row per month and advertising channel of the campaigns.' },
    CAMPAIGN: { description: 'One row per month and campaign.' },
    MANAGER: { description: "One row per month and the campaigns' responsible manager (campaigns without one in a row of their own, group null)." },
  },
});
