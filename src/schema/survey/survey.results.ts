import { Field, ID, ObjectType } from 'type-graphql';
import { ErrorResult } from '../common/error-result';
import { resultUnion } from '../common/result-union';
import { DateScalar, DateTimeScalar } from '../common/scalars';
import { PortalVisible } from '../common/visibility';
import { PublicSurveyType, SurveyAnswerReceiptType, SurveyType } from './survey.type';

@ObjectType('SurveyLinkInvalidError', {
  implements: ErrorResult,
  description: 'The survey link is not valid (mistyped, cut short or never issued). Nothing was recorded.',
})
export class SurveyLinkInvalidError extends ErrorResult {
  constructor() {
    super('SURVEY_LINK_INVALID', 'This survey link is not valid; ask the agency for a new one');
  }
}

@ObjectType('SurveyLinkExpiredError', {
  implements: ErrorResult,
  description: 'The survey link has expired. Nothing was recorded.',
})
export class SurveyLinkExpiredError extends ErrorResult {
  @PortalVisible()
  @Field(() => DateTimeScalar, { description: 'When it expired.' })
  expiredAt: Date;

  constructor(expiredAt: Date) {
    super('SURVEY_LINK_EXPIRED', `This survey link expired on ${expiredAt.toISOString()}; ask the agency for a new one`);
    this.expiredAt = expiredAt;
  }
}

@ObjectType('SurveyAlreadyAnsweredError', {
  implements: ErrorResult,
  description: 'The survey was already answered with this link (or by this portal user): each answers once. Nothing was changed.',
})
export class SurveyAlreadyAnsweredError extends ErrorResult {
  constructor() {
    super('SURVEY_ALREADY_ANSWERED', 'This survey has already been answered with this link. Thank you!');
  }
}

@ObjectType('SurveyNotOpenError', {
  implements: ErrorResult,
  description: 'The survey no longer takes answers: its last day has passed. Nothing was recorded.',
})
export class SurveyNotOpenError extends ErrorResult {
  @PortalVisible()
  @Field(() => DateScalar, { description: 'Its last day.' })
  dueOn: string;

  constructor(dueOn: string) {
    super('SURVEY_NOT_OPEN', `This survey is closed for answers (its links expired on ${dueOn})`);
    this.dueOn = dueOn;
  }
}

@ObjectType('SurveyRecipientsMissingError', {
  implements: ErrorResult,
  description: 'Nobody to send the survey to: none of the chosen contacts (or of the client’s, by default) is active with an email. Nothing was sent.',
})
export class SurveyRecipientsMissingError extends ErrorResult {
  @Field(() => [ID], { description: 'The chosen contacts that have no email or are archived.' })
  contactIds: string[];

  constructor(contactIds: string[]) {
    super('SURVEY_RECIPIENTS_MISSING', 'Nobody to send the survey to: the client has no active contacts with an email among those chosen');
    this.contactIds = contactIds;
  }
}

@ObjectType('SurveyTriggerNotReadyError', {
  implements: ErrorResult,
  description: 'A survey follows a SIGNED act or a WON deal; this one is not (yet). Nothing was sent.',
})
export class SurveyTriggerNotReadyError extends ErrorResult {
  @Field({ description: 'Act or Deal.' })
  entity: string;

  @Field({ description: 'Its current status.' })
  status: string;

  constructor(entity: string, status: string) {
    super('SURVEY_TRIGGER_NOT_READY', `A survey follows a signed act or a won deal; this ${entity} is ${status}`);
    this.entity = entity;
    this.status = status;
  }
}

@ObjectType('SurveyFollowUpNotOpenError', {
  implements: ErrorResult,
  description: 'The survey has no open follow-up: no low score came, or an owner already recorded it. Nothing was changed.',
})
export class SurveyFollowUpNotOpenError extends ErrorResult {
  constructor() {
    super('SURVEY_FOLLOW_UP_NOT_OPEN', 'This survey has no open follow-up: no low score, or it is already recorded');
  }
}

export const SurveyByTokenResult = resultUnion('SurveyByTokenResult', 'The questionnaire of a one-time link, or why the link does not open it.', PublicSurveyType, [
  SurveyLinkInvalidError,
  SurveyLinkExpiredError,
  SurveyAlreadyAnsweredError,
]);

export const AnswerSurveyResult = resultUnion('AnswerSurveyResult', 'The receipt of the answers, or why they were not recorded.', SurveyAnswerReceiptType, [
  SurveyLinkInvalidError,
  SurveyLinkExpiredError,
  SurveyAlreadyAnsweredError,
]);

export const AnswerSurveyInPortalResult = resultUnion(
  'AnswerSurveyInPortalResult',
  'The receipt of the answers, or why they were not recorded.',
  SurveyAnswerReceiptType,
  [SurveyNotOpenError, SurveyAlreadyAnsweredError],
);

export const SendSatisfactionSurveyResult = resultUnion('SendSatisfactionSurveyResult', 'The survey sent, or why it was not.', SurveyType, [
  SurveyRecipientsMissingError,
  SurveyTriggerNotReadyError,
]);

export const ResolveSurveyFollowUpResult = resultUnion('ResolveSurveyFollowUpResult', 'The survey with its follow-up recorded, or why it could not be.', SurveyType, [
  SurveyFollowUpNotOpenError,
]);
