import { registerEnumType } from 'type-graphql';
import { ProposalStatus, ToolCategory } from '../../entities/enums';

registerEnumType(ToolCategory, {
  name: 'ToolCategory',
  description: '70/20/10 category of a media-plan tool.',
  valuesConfig: {
    PROVEN: { description: 'Delivers the client result (target 70% of the budget).' },
    UNCERTAIN: { description: 'The agency is not sure about it (target 20%).' },
    EXPERIMENTAL: { description: 'An experiment (target 10%).' },
  },
});

registerEnumType(ProposalStatus, {
  name: 'ProposalStatus',
  description: 'Status of a commercial offer.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; invisible to the client.' },
    SENT: { description: 'Sent to the client, within validity.' },
    ACCEPTED: { description: 'Accepted by the client.' },
    REJECTED: { description: 'Rejected, with a reason.' },
    EXPIRED: { description: 'Sent, but its validity date has passed (end of that day, agency time zone).' },
  },
});

export enum ProposalSortField {
  CREATED_AT = 'CREATED_AT',
  VALID_UNTIL = 'VALID_UNTIL',
}

registerEnumType(ProposalSortField, {
  name: 'ProposalSortField',
  description: 'What proposals can be sorted by.',
  valuesConfig: {
    CREATED_AT: { description: 'Creation time (newest first by default).' },
    VALID_UNTIL: { description: 'Validity date (soonest first by default).' },
  },
});
