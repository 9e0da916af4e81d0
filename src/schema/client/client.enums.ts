import { registerEnumType } from 'type-graphql';
import { BrandStrength, CompanyLifeStage, CompanySize, LifecycleStage, RelationshipStage } from '../../entities/enums';

registerEnumType(LifecycleStage, {
  name: 'LifecycleStage',
  description: 'Client lifecycle (CLM) stage.',
  valuesConfig: {
    ATTRACTION: { description: 'Being attracted: first touches.' },
    INTEREST: { description: 'Shows interest: brief, meetings.' },
    EVALUATION: { description: 'Evaluates the offer.' },
    PURCHASE: { description: 'Has bought: a contract is running.' },
    LOYALTY: { description: 'Comes back for repeat purchases.' },
  },
});

registerEnumType(CompanySize, {
  name: 'CompanySize',
  description: 'Size of the client company (segmentation).',
  valuesConfig: {
    MICRO: { description: 'A sole trader or a handful of people.' },
    SMALL: { description: 'A small business, usually with one decision maker.' },
    MEDIUM: { description: 'A mid-sized company with its own marketing person or team.' },
    LARGE: { description: 'A large company: several departments, approvals take more people.' },
    ENTERPRISE: { description: 'A corporation or holding: procurement, tenders, several brands.' },
  },
});

registerEnumType(BrandStrength, {
  name: 'BrandStrength',
  description: 'How known the client brand is (segmentation).',
  valuesConfig: {
    UNKNOWN: { description: 'The market does not know the brand yet.' },
    EMERGING: { description: 'Known locally or in a niche, still being built.' },
    ESTABLISHED: { description: 'Recognised in its market.' },
    LEADING: { description: 'A leading brand of its market: the client buys reach and reputation, not only leads.' },
  },
});

registerEnumType(CompanyLifeStage, {
  name: 'CompanyLifeStage',
  description: "The client company's own life stage (segmentation): infancy, growth, prime, stability, aristocracy.",
  valuesConfig: {
    INFANCY: { description: 'Just started: small budgets, the founder decides, cash matters most.' },
    GROWTH: { description: 'Growing fast: ready to test channels and scale what works.' },
    PRIME: { description: 'At its best: clear goals, processes and budgets.' },
    STABILITY: { description: 'Stable and careful: keeps what works, changes slowly.' },
    ARISTOCRACY: { description: 'Mature and formal: status and procedure weigh more than experiments.' },
  },
});

registerEnumType(RelationshipStage, {
  name: 'RelationshipStage',
  description: 'Relationship stage (F. Buttle).',
  valuesConfig: {
    AWARENESS: { description: 'The client knows the agency exists; no exchange yet.' },
    EXPLORATION: { description: 'Trying each other out: first briefs, meetings, a first small project.' },
    EXPANSION: { description: 'Trust grows: more services and larger budgets.' },
    COMMITMENT: { description: 'A committed partner: long-term work, the agency is the main contractor.' },
    DISSOLUTION: { description: 'The relationship is winding down or over.' },
  },
});

export enum ClientListStatus {
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
  ALL = 'ALL',
}

export enum ClientSortField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(ClientListStatus, {
  name: 'ClientListStatus',
  description: 'Archived, not archived, or both.',
  valuesConfig: {
    ACTIVE: { description: 'Clients that are not archived (the default).' },
    ARCHIVED: { description: 'Archived clients only.' },
    ALL: { description: 'Both archived and not archived clients.' },
  },
});

registerEnumType(ClientSortField, {
  name: 'ClientSortField',
  description: 'What clients can be sorted by.',
  valuesConfig: {
    NAME: { description: 'The client name.' },
    CREATED_AT: { description: 'When the client was added.' },
    UPDATED_AT: { description: 'When the client was last changed.' },
  },
});
