import { registerEnumType } from 'type-graphql';
import { OptimizationCategory } from '../../entities/enums';

registerEnumType(OptimizationCategory, {
  name: 'OptimizationCategory',
  description: 'What an optimization of a running campaign changed.',
  valuesConfig: {
    STRATEGY: { description: 'The strategy of the campaign.' },
    BIDS: { description: 'Bids: by keywords, targeting, device types.' },
    SEMANTICS: { description: 'Semantics: negative keywords, refinements, disabled queries.' },
    AD_CREATIVES: { description: 'Ad texts and creatives.' },
    TOPICS: { description: 'Topics (placements by theme).' },
    REMARKETING: { description: 'Remarketing: ineffective scenarios switched off, new ones tested.' },
  },
});
