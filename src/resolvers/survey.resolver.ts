import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext, RequestContext } from '../context';
import type { Survey, SurveyResponse } from '../entities';
import { Locale, UserRole } from '../entities/enums';
import { PortalHidden, PortalVisible } from '../schema/common/visibility';
import { SurveysArgs } from '../schema/survey/survey.args';
import {
  AnswerSurveyInPortalInput,
  AnswerSurveyInput,
  ResolveSurveyFollowUpInput,
  SatisfactionMetricsInput,
  SendSatisfactionSurveyInput,
} from '../schema/survey/survey.inputs';
import {
  AnswerSurveyInPortalResult,
  AnswerSurveyResult,
  ResolveSurveyFollowUpResult,
  SendSatisfactionSurveyResult,
  SurveyByTokenResult,
} from '../schema/survey/survey.results';
import {
  SatisfactionMetricsType,
  SurveyAnswerType,
  SurveyConnection,
  SurveyInvitationType,
  SurveyQuestionType,
  SurveyResponseType,
  SurveyType,
} from '../schema/survey/survey.type';
import * as surveys from '../services/survey.service';

@Resolver(() => SurveyType)
export class SurveyResolver {
  @Authorized(STAFF)
  @Mutation(() => SendSatisfactionSurveyResult, {
    description:
      'Sends a satisfaction survey to contacts of a client (after a signed act, a won deal, or by hand): each gets a one-time link by email, valid for the agency’s survey link lifetime (14 days by default).',
  })
  sendSatisfactionSurvey(@Ctx() ctx: AuthedContext, @Arg('input', () => SendSatisfactionSurveyInput, { description: 'The operation input.' }) input: SendSatisfactionSurveyInput) {
    return surveys.sendSatisfactionSurvey(ctx, input);
  }

  @PortalVisible()
  @Query(() => SurveyByTokenResult, { description: 'The questionnaire a one-time survey link opens, in the agency’s language unless another is asked for. No login needed.' })
  surveyByToken(
    @Ctx() ctx: RequestContext,
    @Arg('token', () => String, { description: 'The token of the link.' }) token: string,
    @Arg('locale', () => Locale, { nullable: true, description: 'The language of the texts; the agency’s by default.' }) locale?: Locale | null,
  ) {
    return surveys.surveyByToken(ctx, token, locale);
  }

  @PortalVisible()
  @Mutation(() => AnswerSurveyResult, { description: 'Answers a survey through its one-time link. No login needed; each link answers once.' })
  answerSurvey(@Ctx() ctx: RequestContext, @Arg('input', () => AnswerSurveyInput, { description: 'The operation input.' }) input: AnswerSurveyInput) {
    return surveys.answerSurvey(ctx, input);
  }

  @PortalVisible()
  @Authorized(UserRole.CLIENT)
  @Mutation(() => AnswerSurveyInPortalResult, { description: 'A portal user answers an open survey of their client (once per survey).' })
  answerSurveyInPortal(@Ctx() ctx: AuthedContext, @Arg('input', () => AnswerSurveyInPortalInput, { description: 'The operation input.' }) input: AnswerSurveyInPortalInput) {
    return surveys.answerSurveyInPortal(ctx, input);
  }

  @Authorized(UserRole.OWNER)
  @Mutation(() => ResolveSurveyFollowUpResult, { description: 'An owner records how a low satisfaction score was followed up; its control point closes.' })
  resolveSurveyFollowUp(@Ctx() ctx: AuthedContext, @Arg('input', () => ResolveSurveyFollowUpInput, { description: 'The operation input.' }) input: ResolveSurveyFollowUpInput) {
    return surveys.resolveSurveyFollowUp(ctx, input);
  }

  @PortalVisible()
  @Authorized()
  @Query(() => SurveyType, { description: 'One satisfaction survey (a portal user: of their client).' })
  survey(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'Id of the survey.' }) id: string) {
    return surveys.getSurvey(ctx, id);
  }

  @PortalVisible()
  @Authorized()
  @Query(() => SurveyConnection, { description: 'Satisfaction surveys, newest first (a portal user: of their client).' })
  surveys(@Ctx() ctx: AuthedContext, @Args(() => SurveysArgs) args: SurveysArgs) {
    return surveys.listSurveys(ctx, args);
  }

  @Authorized(STAFF)
  @Query(() => SatisfactionMetricsType, {
    description: 'CSI per area, CES, NPS and CLI of the answers received in a period, overall and per evaluated manager, optionally for one manager or client.',
  })
  satisfactionMetrics(@Ctx() ctx: AuthedContext, @Arg('input', () => SatisfactionMetricsInput, { description: 'The period and slice.' }) input: SatisfactionMetricsInput) {
    return surveys.satisfactionMetrics(ctx, input);
  }

  @PortalVisible()
  @FieldResolver(() => [SurveyQuestionType], { description: 'The questionnaire, in the reader’s language.' })
  questions(@Ctx() ctx: RequestContext) {
    return surveys.surveyQuestions(ctx.locale);
  }

  @PortalVisible()
  @FieldResolver(() => Boolean, { description: 'Whether the calling portal user has answered it (always false for agency staff).' })
  answeredByMe(@Root() s: Survey, @Ctx() ctx: AuthedContext) {
    return surveys.answeredByMe(ctx, s);
  }

  @PortalHidden()
  @FieldResolver(() => [SurveyResponseType], { nullable: true, description: 'The filled-in questionnaires, oldest first.' })
  responses(@Root() s: Survey, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.surveyResponses.load(s.id);
  }

  @PortalHidden()
  @FieldResolver(() => [SurveyInvitationType], { nullable: true, description: 'The one-time links sent, one per contact.' })
  invitations(@Root() s: Survey, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.surveyInvitations.load(s.id);
  }
}

@Resolver(() => SurveyResponseType)
export class SurveyResponseResolver {
  @FieldResolver(() => [SurveyAnswerType], { description: 'The answers, by question key.' })
  answers(@Root() r: SurveyResponse, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.responseAnswers.load(r.id);
  }
}
