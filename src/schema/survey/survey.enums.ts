import { registerEnumType } from 'type-graphql';
import { SurveyStatus, SurveyTrigger } from '../../entities/enums';

registerEnumType(SurveyTrigger, {
  name: 'SurveyTrigger',
  description: 'What a satisfaction survey follows.',
  valuesConfig: {
    ACT_SIGNED: { description: 'An act of completed work the client signed.' },
    DEAL_WON: { description: 'A deal won with the client.' },
    MANUAL: { description: 'Sent by hand, without an act or a deal.' },
  },
});

registerEnumType(SurveyStatus, {
  name: 'SurveyStatus',
  description: 'Where a satisfaction survey stands.',
  valuesConfig: {
    SENT: { description: 'Sent; nobody has answered yet.' },
    ANSWERED: { description: 'At least one contact has answered (the others may still answer until the links expire).' },
  },
});
