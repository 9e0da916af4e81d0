import { ArrayMaxSize, IsInt, IsOptional, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../common/scalars';

@InputType({ description: 'Sends a satisfaction survey to contacts of a client, each with a one-time link by email.' })
export class SendSatisfactionSurveyInput {
  @Field(() => ID, { description: 'The client asked.' })
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId: string;

  @Field(() => ID, { nullable: true, description: 'The signed act the survey follows (not together with dealId).' })
  @IsOptional()
  @IsUUID('all', { message: 'actId must be a valid id' })
  actId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The won deal the survey follows (not together with actId).' })
  @IsOptional()
  @IsUUID('all', { message: 'dealId must be a valid id' })
  dealId?: string | null;

  @Field(() => [ID], { nullable: true, description: "Contacts of the client to ask; by default every active contact with an email." })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'contactIds must be valid ids' })
  contactIds?: string[] | null;
}

@InputType({ description: 'The answer to one question of the questionnaire.' })
export class SurveyAnswerInput {
  @Field(() => String, { description: 'The key of the question (SurveyQuestion.key).' })
  @MaxLength(40)
  question: string;

  @Field(() => Int, { description: "The score on the question's scale: CSI and CES 1–10, NPS 0–10, CLI 1–6." })
  @IsInt()
  score: number;

  @Field(() => String, { nullable: true, description: 'Why this score (only for questions that take a comment).' })
  @IsOptional()
  comment?: string | null;
}

@InputType({ description: 'Answers given through a one-time link, without a login.' })
export class AnswerSurveyInput {
  @Field(() => String, { description: 'The token of the link (the `token` parameter of the emailed address).' })
  @MaxLength(200)
  token: string;

  @Field(() => [SurveyAnswerInput], { description: 'One answer to every question of the questionnaire.' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  answers: SurveyAnswerInput[];
}

@InputType({ description: "Answers of a portal user to their client's open survey." })
export class AnswerSurveyInPortalInput {
  @Field(() => ID, { description: 'The survey (one of the client’s, not yet expired).' })
  @IsUUID('all', { message: 'surveyId must be a valid id' })
  surveyId: string;

  @Field(() => [SurveyAnswerInput], { description: 'One answer to every question of the questionnaire.' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  answers: SurveyAnswerInput[];
}

@InputType({ description: 'The owner records how a low satisfaction score was followed up.' })
export class ResolveSurveyFollowUpInput {
  @Field(() => ID, { description: 'The survey with an open follow-up.' })
  @IsUUID('all', { message: 'surveyId must be a valid id' })
  surveyId: string;

  @Field(() => String, { description: 'What was done (the call, what was agreed).' })
  @MaxLength(4000)
  comment: string;
}

@InputType({ description: 'The period and slice of satisfaction metrics: answers received from `from` to `to` (agency calendar days, inclusive).' })
export class SatisfactionMetricsInput {
  @Field(() => DateScalar, { description: 'First day.' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day (inclusive).' })
  to: string;

  @Field(() => ID, { nullable: true, description: 'Only surveys evaluating this manager.' })
  @IsOptional()
  @IsUUID('all', { message: 'managerId must be a valid id' })
  managerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only surveys of this client.' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId?: string | null;
}

@InputType({ description: 'Which surveys to list.' })
export class SurveyFilter {
  @Field(() => ID, { nullable: true, description: 'Only surveys of this client.' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only surveys whose links still work (not past dueOn).' })
  @IsOptional()
  open?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only surveys with an open follow-up of a low score.' })
  @IsOptional()
  followUpOpen?: boolean | null;
}

