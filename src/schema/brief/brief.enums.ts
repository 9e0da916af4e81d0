import { registerEnumType } from 'type-graphql';
import { BriefBlock, KpiDirection, MarketingKnowledge } from '../../entities/enums';

registerEnumType(MarketingKnowledge, {
  name: 'MarketingKnowledge',
  description: "The client's level of marketing knowledge (to speak their language).",
  valuesConfig: {
    NONE: { description: 'New to marketing: explain in business terms (sales, profit), avoid jargon.' },
    BASIC: { description: 'Knows the basics: explain channels and metrics briefly.' },
    INTERMEDIATE: { description: 'Runs marketing day to day: talk metrics and channels directly.' },
    EXPERT: { description: 'A marketing professional: talk strategy, attribution and tests in depth.' },
  },
});

registerEnumType(KpiDirection, {
  name: 'KpiDirection',
  description: 'Whether a KPI should go up, down or hold.',
  valuesConfig: {
    INCREASE: { description: 'Higher is better (e.g. leads, conversion rate, revenue).' },
    DECREASE: { description: 'Lower is better (e.g. cost per lead, bounce rate).' },
    MAINTAIN: { description: 'Keep the current level (e.g. hold the cost per lead while the budget grows).' },
  },
});

registerEnumType(BriefBlock, {
  name: 'BriefBlock',
  description: 'The eight blocks of a brief, in the order of the questionnaire.',
  valuesConfig: {
    CONTACT_INFO: { description: '1. Contact information.' },
    BUSINESS: { description: "2. Key points of the client's business." },
    EXPECTATIONS: { description: '3. Expectations from advertising.' },
    ACCESSES_AND_AUDIT: { description: '4. Accesses; audit of current activity.' },
    KPIS: { description: '5. Effectiveness evaluation: the KPIs.' },
    PROPOSAL_CRITERIA: { description: '6. Criteria by which the client will evaluate the proposal.' },
    CONSTRAINTS: { description: '7. Constraints: budget, legal, brand, timing.' },
    ADDITIONAL_INFO: { description: '8. Additional information.' },
  },
});
