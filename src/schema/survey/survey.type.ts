import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Locale, SurveyStatus, SurveyTrigger } from '../../entities/enums';
import { Connection } from '../common/connection';
import { DateScalar, DateTimeScalar } from '../common/scalars';
import { PortalHidden, PortalVisible } from '../common/visibility';
import '../common/enums';
import './survey.enums';

@ObjectType('SurveyQuestion', { description: 'One question of the satisfaction questionnaire (the same as on the printable form), in the reader’s language.' })
export class SurveyQuestionType {
  @PortalVisible()
  @Field({ description: 'Stable key of the question; answers name it.' })
  key: string;

  @PortalVisible()
  @Field({ description: 'The index it feeds: CSI, CES, NPS or CLI.' })
  metric: string;

  @PortalVisible()
  @Field({ description: 'The question as asked.' })
  text: string;

  @PortalVisible()
  @Field(() => Int, { description: 'Lowest score accepted (NPS also takes 0).' })
  min: number;

  @PortalVisible()
  @Field(() => Int, { description: 'Highest score.' })
  max: number;

  @PortalVisible()
  @Field({ description: 'What the low end of the scale means.' })
  lowLabel: string;

  @PortalVisible()
  @Field({ description: 'What the high end of the scale means.' })
  highLabel: string;

  @PortalVisible()
  @Field({ description: 'Whether the question takes a comment ("why this score?").' })
  takesComment: boolean;
}

@ObjectType('PublicSurvey', { description: 'What a one-time survey link shows, without a login.' })
export class PublicSurveyType {
  @PortalVisible()
  @Field({ description: 'The agency asking.' })
  agencyName: string;

  @PortalVisible()
  @Field({ description: 'The client the survey is about.' })
  clientName: string;

  @PortalVisible()
  @Field(() => Locale, { description: 'The language of the texts.' })
  locale: Locale;

  @PortalVisible()
  @Field(() => DateTimeScalar, { description: 'Until when the link works.' })
  expiresAt: Date;

  @PortalVisible()
  @Field(() => [SurveyQuestionType], { description: 'The questions, in order.' })
  questions: SurveyQuestionType[];
}

@ObjectType('SurveyAnswerReceipt', { description: 'The answers were recorded. Thank you!' })
export class SurveyAnswerReceiptType {
  @PortalVisible()
  @Field(() => ID, { description: 'The survey answered.' })
  surveyId: string;

  @PortalVisible()
  @Field(() => DateTimeScalar, { description: 'When the answers were recorded.' })
  answeredAt: Date;

  @PortalVisible()
  @Field(() => Int, { description: 'How many questions were answered.' })
  answers: number;
}

@ObjectType('SurveyAnswer', { description: 'The score (and comment) given to one question.' })
export class SurveyAnswerType {
  @PortalVisible()
  @Field({ description: 'The key of the question.' })
  questionKey: string;

  @PortalVisible()
  @Field(() => Int, { description: 'The score.' })
  score: number;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'The comment, if any.' })
  comment: string | null;
}

@ObjectType('SurveyResponse', { description: 'One filled-in questionnaire of a survey.' })
export class SurveyResponseType {
  @Field(() => ID, { description: 'Id of the response.' })
  id: string;

  @Field(() => ID, { nullable: true, description: 'The one-time link it came through (null when answered in the portal).' })
  invitationId: string | null;

  @Field(() => ID, { nullable: true, description: 'The portal user who answered (null when answered through a link).' })
  userId: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was answered.' })
  answeredAt: Date;

  @Field({ description: 'Whether some score is at or below its follow-up threshold (CSI ≤ 6, NPS ≤ 6, CES ≤ 4).' })
  lowScore: boolean;
}

@ObjectType('SurveyInvitation', { description: 'A one-time link of a survey, sent to one contact (the token itself is never shown again).' })
export class SurveyInvitationType {
  @Field(() => ID, { description: 'Id of the link.' })
  id: string;

  @Field(() => ID, { nullable: true, description: 'The contact asked.' })
  contactId: string | null;

  @Field({ description: 'Where the link was sent.' })
  email: string;

  @Field(() => DateTimeScalar, { description: 'Until when the link works.' })
  expiresAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was answered; null while not.' })
  answeredAt: Date | null;
}

@ObjectType('Survey', { description: 'A satisfaction survey of a client: sent to its contacts after an act was signed or a deal won, answered through one-time links or in the portal.' })
export class SurveyType {
  @PortalVisible()
  @Field(() => ID, { description: 'Id of the survey.' })
  id: string;

  @PortalVisible()
  @Field(() => ID, { description: 'The client asked.' })
  clientId: string;

  @PortalVisible()
  @Field(() => SurveyTrigger, { description: 'What the survey follows.' })
  trigger: SurveyTrigger;

  @PortalVisible()
  @Field(() => ID, { nullable: true, description: 'The signed act it follows.' })
  actId: string | null;

  @PortalVisible()
  @Field(() => ID, { nullable: true, description: 'The won deal it follows.' })
  dealId: string | null;

  @PortalHidden()
  @Field(() => ID, { nullable: true, description: 'The agency manager evaluated (the deal’s manager, else the client’s owner).' })
  managerId: string | null;

  @PortalVisible()
  @Field(() => SurveyStatus, { description: 'Where it stands.' })
  status: SurveyStatus;

  @PortalVisible()
  @Field(() => DateTimeScalar, { description: 'When it was sent.' })
  sentAt: Date;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'The last day it can be answered (agency calendar).' })
  dueOn: string;

  @PortalHidden()
  @Field(() => DateTimeScalar, { nullable: true, description: 'When a low score opened the owner’s follow-up; null if none.' })
  followUpOpenedAt: Date | null;

  @PortalHidden()
  @Field(() => DateTimeScalar, { nullable: true, description: 'When an owner recorded the follow-up.' })
  followUpResolvedAt: Date | null;

  @PortalHidden()
  @Field(() => String, { nullable: true, description: 'What the owner recorded.' })
  followUpComment: string | null;
}

@ObjectType('SurveyConnection', { description: 'A page of surveys, newest first.' })
export class SurveyConnection extends Connection(SurveyType, 'Survey') {}

@ObjectType('ScoreCount', { description: 'How many answers gave one score.' })
export class ScoreCountType {
  @Field(() => Int, { description: 'The score.' })
  score: number;

  @Field(() => Int, { description: 'How many answers gave it.' })
  count: number;
}

@ObjectType('ScoreStats', { description: 'The answers to one question: how many, their mean and the count per score.' })
export class ScoreStatsType {
  @Field({ description: 'The key of the question (for CSI: the area, e.g. csiAccounting).' })
  question: string;

  @Field(() => Int, { description: 'How many answers.' })
  answers: number;

  @Field(() => Float, { nullable: true, description: 'Mean score, 2 decimals; null without answers.' })
  mean: number | null;

  @Field(() => [ScoreCountType], { description: 'Every score of the scale, in order, with its count (zeros included).' })
  distribution: ScoreCountType[];
}

@ObjectType('NpsStats', { description: 'Net promoter score: % promoters (9–10) − % detractors (0–6).' })
export class NpsStatsType {
  @Field(() => Float, { nullable: true, description: 'NPS from −100 to 100, 1 decimal; null without answers.' })
  value: number | null;

  @Field(() => Int, { description: 'How many answers.' })
  answers: number;

  @Field(() => Int, { description: 'Answers 9–10.' })
  promoters: number;

  @Field(() => Int, { description: 'Answers 7–8.' })
  passives: number;

  @Field(() => Int, { description: 'Answers 0–6.' })
  detractors: number;

  @Field(() => [ScoreCountType], { description: 'Count per score 0–10.' })
  distribution: ScoreCountType[];
}

@ObjectType('CesStats', { description: 'Customer effort score: the share of answers 9–10 ("very easy").' })
export class CesStatsType {
  @Field(() => Float, { nullable: true, description: 'Share of 9–10 in percent, 1 decimal; null without answers.' })
  value: number | null;

  @Field(() => Int, { description: 'How many answers.' })
  answers: number;

  @Field(() => Float, { nullable: true, description: 'Mean score, 2 decimals.' })
  mean: number | null;

  @Field(() => [ScoreCountType], { description: 'Count per score 1–10.' })
  distribution: ScoreCountType[];
}

@ObjectType('CliStats', {
  description:
    'Customer loyalty index: every answer to the three questions (recommend, buy again, try other services; 1–6) mapped to 0–100 as (score − 1) / 5 × 100, then averaged.',
})
export class CliStatsType {
  @Field(() => Float, { nullable: true, description: 'The index 0–100, 1 decimal; null without answers.' })
  value: number | null;

  @Field(() => Int, { description: 'How many answers (three per response).' })
  answers: number;

  @Field(() => [ScoreStatsType], { description: 'Each of the three questions: mean and distribution 1–6.' })
  questions: ScoreStatsType[];
}

@ObjectType('SatisfactionSummary', { description: 'Every satisfaction metric of a set of responses.' })
export class SatisfactionSummaryType {
  @Field(() => Int, { description: 'How many questionnaires were filled in.' })
  responses: number;

  @Field(() => [ScoreStatsType], { description: 'CSI per area (manager, result, accounting, documents, telephony), 1–10.' })
  csi: ScoreStatsType[];

  @Field(() => CesStatsType, { description: 'CES.' })
  ces: CesStatsType;

  @Field(() => NpsStatsType, { description: 'NPS.' })
  nps: NpsStatsType;

  @Field(() => CliStatsType, { description: 'CLI.' })
  cli: CliStatsType;
}

@ObjectType('ManagerSatisfaction', { description: 'The metrics of the surveys evaluating one manager.' })
export class ManagerSatisfactionType extends SatisfactionSummaryType {
  @Field(() => ID, { nullable: true, description: 'The manager (null: surveys of clients without an owner).' })
  managerId: string | null;
}

@ObjectType('SatisfactionMetrics', { description: 'Satisfaction metrics of the answers received in a period, overall and per manager.' })
export class SatisfactionMetricsType extends SatisfactionSummaryType {
  @Field(() => DateScalar, { description: 'First day.' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day.' })
  to: string;

  @Field(() => [ManagerSatisfactionType], { description: 'The same metrics per evaluated manager, most responses first.' })
  byManager: ManagerSatisfactionType[];
}
