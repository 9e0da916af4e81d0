import { registerEnumType } from 'type-graphql';

/** The length of one churn period. */
export enum ChurnGranularity {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
}

registerEnumType(ChurnGranularity, {
  name: 'ChurnGranularity',
  description: 'The length of one period of the churn series: calendar months or calendar quarters.',
  valuesConfig: {
    MONTH: { description: 'Calendar months.' },
    QUARTER: { description: 'Calendar quarters (January–March, …).' },
  },
});
