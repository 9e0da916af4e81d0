import { Field, ObjectType } from 'type-graphql';
import { ErrorResult } from '../common/error-result';
import { resultUnion } from '../common/result-union';
import { MeetingType } from './meeting.type';

@ObjectType('MeetingNotHeldError', {
  implements: ErrorResult,
  description: 'The meeting has not started yet, so its protocol cannot have been sent (code MEETING_NOT_HELD). Nothing was changed.',
})
export class MeetingNotHeldError extends ErrorResult {
  @Field({ description: 'When the meeting starts.' })
  startsAt: Date;

  constructor(startsAt: Date) {
    super('MEETING_NOT_HELD', 'The meeting has not started yet; its protocol cannot be sent before it is held');
    this.startsAt = startsAt;
  }
}

export const MarkProtocolSentResult = resultUnion(
  'MarkProtocolSentResult',
  'The meeting with its protocol marked as sent, or why that is not possible.',
  MeetingType,
  [MeetingNotHeldError],
);
