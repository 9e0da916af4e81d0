import { registerEnumType } from 'type-graphql';
import { KpiGranularity } from '../../entities/enums';

registerEnumType(KpiGranularity, {
  name: 'KpiGranularity',
  description: 'The buckets of a chart series; the first and last are cut to the period asked for.',
  valuesConfig: {
    DAY: { description: 'One point per day.' },
    WEEK: { description: 'One point per ISO week, Monday to Sunday (a week may span two months or two years).' },
    MONTH: { description: 'One point per calendar month.' },
  },
});
