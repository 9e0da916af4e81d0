import { registerEnumType } from 'type-graphql';
import { InteractionKind } from '../../entities/enums';

registerEnumType(InteractionKind, {
  name: 'InteractionKind',
  description: 'Kind of a touch with the client.',
  valuesConfig: {
    CALL: { description: 'A phone or video call.' },
    EMAIL: { description: 'An email.' },
    MEETING: { description: 'A meeting (in person or online).' },
    MESSAGE: { description: 'A messenger or text message.' },
    VISIT: { description: "A visit to the client's office or site." },
    OTHER: { description: 'Any other touch (an event, a greeting, a gift…).' },
  },
});
