import { registerEnumType } from 'type-graphql';
import { ActStatus } from '../../entities/enums';

registerEnumType(ActStatus, {
  name: 'ActStatus',
  description: 'Status of an act of completed work.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; no number.' },
    ISSUED: { description: 'Numbered and sent to the client for signature.' },
    SIGNED: { description: 'Signed by the client.' },
    DISPUTED: { description: 'The client objects to the work (not fully satisfied); the objection is kept.' },
  },
});
