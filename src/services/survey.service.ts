import { isUUID } from 'class-validator';
import type { AuthedContext, RequestContext } from '../context';
import { Act, Client, Contact, Deal, Survey, SurveyAnswer, SurveyInvitation, SurveyResponse } from '../entities';
import { ActStatus, DealStatus, Locale, SurveyStatus, SurveyTrigger, UserRole } from '../entities/enums';
import { BadUserInputError, ForbiddenError, NotFoundError, isUniqueViolation } from '../errors';
import { hashOneTimeToken, newOneTimeToken } from '../auth/one-time-token';
import { queueSurveyEmail } from '../email/survey.email';
import { emitEvent, WebhookEventType } from '../events';
import { msg, type MessageKey } from '../i18n';
import { documentLabels } from '../documents/i18n/labels';
import { questionLabelKey, scaleLabelKeys } from '../documents/satisfaction-form/questions';
import type { ConnectionResult } from '../schema/common/connection';
import type {
  AnswerSurveyInPortalInput,
  AnswerSurveyInput,
  ResolveSurveyFollowUpInput,
  SatisfactionMetricsInput,
  SendSatisfactionSurveyInput,
  SurveyAnswerInput,
} from '../schema/survey/survey.inputs';
import type { SurveysArgs } from '../schema/survey/survey.args';
import {
  SurveyAlreadyAnsweredError,
  SurveyFollowUpNotOpenError,
  SurveyLinkExpiredError,
  SurveyLinkInvalidError,
  SurveyNotOpenError,
  SurveyRecipientsMissingError,
  SurveyTriggerNotReadyError,
} from '../schema/survey/survey.results';
import { getOwnAgency } from './agency.service';
import { paginate } from './pagination';
import { beforeAgency, enterAgency, linkHolderContext, scoped, withTransaction } from './scope';
import { surveyLink } from './before-agency';
import { answerProblems, hasLowScore, isLowScore, minScore, SATISFACTION_QUESTIONS, summarizeCounts, type CountedAnswers, type FieldProblem, type SatisfactionSummary } from './survey.rules';
import { endOfLocalDay, localDate, startOfLocalDay } from './time';

const PROBLEM_MESSAGES: Record<FieldProblem['problem'], MessageKey> = {
  unknownQuestion: 'validation.surveyUnknownQuestion',
  duplicateQuestion: 'validation.surveyDuplicateQuestion',
  scoreRange: 'validation.surveyScoreRange',
  commentTooLong: 'validation.surveyCommentTooLong',
  missingQuestion: 'validation.surveyMissingQuestion',
  noComment: 'validation.surveyNoComment',
};

/** BAD_USER_INPUT naming every answer at fault (`input.answers.3.score`), before anything is read. */
function assertAnswers(answers: readonly SurveyAnswerInput[]): void {
  const problems = answerProblems(answers, 'input.answers');
  if (problems.length) throw new BadUserInputError(problems.map((p) => ({ path: p.path, message: msg(PROBLEM_MESSAGES[p.problem], p.params) })));
}

// ---------------------------------------------------------------------------------------------
// Sending

/**
 * Sends a satisfaction survey to contacts of a client: one survey, one one-time link per contact
 * (only its hash kept), each emailed through the outbox, all in one transaction.
 */
export async function sendSatisfactionSurvey(
  ctx: AuthedContext,
  input: SendSatisfactionSurveyInput,
): Promise<Survey | SurveyRecipientsMissingError | SurveyTriggerNotReadyError> {
  if (input.actId && input.dealId) throw new BadUserInputError([{ path: 'input.dealId', message: msg('validation.surveyOneTrigger') }]);
  if (input.contactIds && input.contactIds.length === 0) throw new BadUserInputError([{ path: 'input.contactIds', message: msg('validation.surveyContactsEmpty') }]);
  const client = await scoped(ctx, Client).getById(input.clientId, 'input.clientId');

  let trigger = SurveyTrigger.MANUAL;
  let managerId = client.ownerId;
  if (input.actId) {
    const act = await scoped(ctx, Act).findById(input.actId);
    if (!act || act.clientId !== client.id) throw new NotFoundError('Act', 'input.actId');
    if (act.status !== ActStatus.SIGNED) return new SurveyTriggerNotReadyError('Act', act.status);
    trigger = SurveyTrigger.ACT_SIGNED;
  } else if (input.dealId) {
    const deal = await scoped(ctx, Deal).findById(input.dealId);
    if (!deal || deal.clientId !== client.id) throw new NotFoundError('Deal', 'input.dealId');
    if (deal.status !== DealStatus.WON) return new SurveyTriggerNotReadyError('Deal', deal.status);
    trigger = SurveyTrigger.DEAL_WON;
    managerId = deal.managerId ?? client.ownerId;
  }

  let contacts: Contact[];
  if (input.contactIds) {
    const ids = [...new Set(input.contactIds)];
    contacts = await scoped(ctx, Contact).findByIds(ids);
    const found = new Map(contacts.map((c) => [c.id, c]));
    const bad = input.contactIds.findIndex((id) => !found.has(id));
    if (bad >= 0) throw new NotFoundError('Contact', `input.contactIds.${bad}`);
    const other = input.contactIds.findIndex((id) => found.get(id)!.clientId !== client.id);
    if (other >= 0) throw new BadUserInputError([{ path: `input.contactIds.${other}`, message: msg('validation.contactOfOtherClient') }]);
    const unreachable = contacts.filter((c) => !c.email || c.archivedAt).map((c) => c.id);
    if (unreachable.length) return new SurveyRecipientsMissingError(unreachable);
  } else {
    contacts = (await scoped(ctx, Contact).query('c').andWhere('c."clientId" = :clientId AND c."archivedAt" IS NULL AND c.email IS NOT NULL', { clientId: client.id }).orderBy('c."createdAt"').getMany());
    if (contacts.length === 0) return new SurveyRecipientsMissingError([]);
  }

  const agency = await getOwnAgency(ctx);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ctx.app.config.surveyLinkTtlDays * 24 * 3600 * 1000);
  return withTransaction(ctx, async (tx) => {
    const survey = await scoped(tx, Survey).insert({
      clientId: client.id,
      trigger,
      actId: input.actId ?? null,
      dealId: input.dealId ?? null,
      managerId,
      status: SurveyStatus.SENT,
      sentAt: now,
      dueOn: localDate(expiresAt, agency.timeZone),
      sentById: ctx.actor.userId,
    });
    for (const contact of contacts) {
      const { token, hash } = newOneTimeToken();
      const invitation = await scoped(tx, SurveyInvitation).insert({
        surveyId: survey.id,
        clientId: client.id,
        contactId: contact.id,
        email: contact.email!,
        tokenHash: hash,
        expiresAt,
        answeredAt: null,
      });
      await queueSurveyEmail(tx, {
        invitationId: invitation.id,
        to: contact.email!,
        name: contact.salutation || contact.fullName,
        agencyName: agency.name,
        token,
        expiresAt,
        locale: agency.locale,
      });
    }
    return survey;
  });
}

// ---------------------------------------------------------------------------------------------
// Answering through a one-time link (no login: the token is the authority)

type LinkState = { invitation: SurveyInvitation } | { error: SurveyLinkInvalidError | SurveyLinkExpiredError | SurveyAlreadyAnsweredError };

/**
 * The link of a token, or why it does not open the survey. Looked up by the token's hash alone,
 * like an email at login: anonymous, and an unknown token answers exactly like a malformed one.
 */
async function linkOf(ctx: RequestContext, token: string, opts: { lock?: boolean } = {}, now = new Date()): Promise<LinkState> {
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) return { error: new SurveyLinkInvalidError() };
  const found = await surveyLink(ctx.manager, hashOneTimeToken(token), opts);
  // the columns a link's holder needs (its agency, client, survey), not the whole row
  const invitation = found as SurveyInvitation | null;
  if (!invitation) return { error: new SurveyLinkInvalidError() };
  if (invitation.answeredAt) return { error: new SurveyAlreadyAnsweredError() };
  if (invitation.expiresAt.getTime() <= now.getTime()) return { error: new SurveyLinkExpiredError(invitation.expiresAt) };
  return { invitation };
}

function holderOf(ctx: RequestContext, invitation: SurveyInvitation): AuthedContext {
  return linkHolderContext(ctx, invitation, invitation.contactId ?? invitation.id);
}

export interface SurveyQuestionView {
  key: string;
  metric: string;
  text: string;
  min: number;
  max: number;
  lowLabel: string;
  highLabel: string;
  takesComment: boolean;
}

/** The questionnaire (the printable form's questions) in a language. */
export function surveyQuestions(locale: Locale): SurveyQuestionView[] {
  const l = documentLabels(locale);
  return SATISFACTION_QUESTIONS.map((q) => {
    const scale = scaleLabelKeys(q.metric);
    return {
      key: q.key,
      metric: q.metric,
      text: l(questionLabelKey(q)),
      min: minScore(q.key),
      max: q.scale.max,
      lowLabel: l(scale.low),
      highLabel: l(scale.high),
      takesComment: q.comment,
    };
  });
}

/** What a one-time link shows without a login: who asks and the questions, in the agency's language unless another is asked for. */
export async function surveyByToken(ctx: RequestContext, token: string, locale?: Locale | null) {
  const anonymous = await beforeAgency(ctx);
  const state = await linkOf(anonymous, token);
  if ('error' in state) return state.error;
  const holder = holderOf(anonymous, state.invitation);
  const [agency, client] = await Promise.all([getOwnAgency(holder), scoped(holder, Client).findById(state.invitation.clientId)]);
  if (!client) return new SurveyLinkInvalidError();
  const lang = locale ?? agency.locale;
  return { agencyName: agency.name, clientName: client.name, locale: lang, expiresAt: state.invitation.expiresAt, questions: surveyQuestions(lang) };
}

/** Records the answers of a one-time link, once: the link's row is locked, so a second, concurrent use finds it answered. */
export async function answerSurvey(ctx: RequestContext, input: AnswerSurveyInput) {
  assertAnswers(input.answers);
  return withTransaction(await beforeAgency(ctx), async (tx) => {
    const state = await linkOf(tx, input.token, { lock: true });
    if ('error' in state) return state.error;
    await enterAgency(tx, state.invitation.agencyId);
    const holder = holderOf(tx, state.invitation);
    const survey = await scoped(holder, Survey).findById(state.invitation.surveyId, { lock: true });
    if (!survey) return new SurveyLinkInvalidError();
    const response = await recordResponse(holder, survey, { invitationId: state.invitation.id, userId: null }, input.answers);
    await scoped(holder, SurveyInvitation).update(state.invitation, { answeredAt: response.answeredAt }, { allowPortal: true });
    return { surveyId: survey.id, answeredAt: response.answeredAt, answers: input.answers.length };
  });
}

/** A portal user answers an open survey of their client, once per survey. */
export async function answerSurveyInPortal(ctx: AuthedContext, input: AnswerSurveyInPortalInput) {
  if (ctx.actor.role !== UserRole.CLIENT) throw new ForbiddenError();
  assertAnswers(input.answers);
  const agency = await getOwnAgency(ctx);
  try {
    return await withTransaction(ctx, async (tx) => {
      const survey = await scoped(tx, Survey).getById(input.surveyId, 'input.surveyId', { lock: true });
      if (survey.dueOn < localDate(new Date(), agency.timeZone)) return new SurveyNotOpenError(survey.dueOn);
      const mine = await scoped(tx, SurveyResponse)
        .query('r')
        .andWhere('r."surveyId" = :surveyId AND r."userId" = :userId', { surveyId: survey.id, userId: ctx.actor.userId })
        .getExists();
      if (mine) return new SurveyAlreadyAnsweredError();
      const response = await recordResponse(tx, survey, { invitationId: null, userId: ctx.actor.userId }, input.answers);
      return { surveyId: survey.id, answeredAt: response.answeredAt, answers: input.answers.length };
    });
  } catch (err) {
    // the same user answering twice at once: the unique index lets one through
    if (isUniqueViolation(err, 'survey_responses_one_per_user')) return new SurveyAlreadyAnsweredError();
    throw err;
  }
}

/**
 * Writes one response and its answers, marks the survey ANSWERED and, for a low score, opens the
 * owner's follow-up (again, if an earlier one was resolved) and emits the low-score event.
 */
async function recordResponse(
  tx: AuthedContext,
  survey: Survey,
  source: { invitationId: string | null; userId: string | null },
  answers: readonly SurveyAnswerInput[],
): Promise<SurveyResponse> {
  const answeredAt = new Date();
  const low = hasLowScore(answers);
  const response = await scoped(tx, SurveyResponse).insert(
    { surveyId: survey.id, clientId: survey.clientId, invitationId: source.invitationId, userId: source.userId, answeredAt, lowScore: low },
    { allowPortal: true },
  );
  await scoped(tx, SurveyAnswer).replaceChildren(
    'responseId',
    response.id,
    answers.map((a) => ({
      surveyId: survey.id,
      clientId: survey.clientId,
      answeredAt,
      managerId: survey.managerId,
      questionKey: a.question,
      score: a.score,
      comment: a.comment?.trim() ? a.comment.trim() : null,
    })),
    { allowPortal: true },
  );
  const patch: Partial<Survey> = { status: SurveyStatus.ANSWERED };
  const followUpOpen = survey.followUpOpenedAt && !survey.followUpResolvedAt;
  if (low && !followUpOpen) Object.assign(patch, { followUpOpenedAt: answeredAt, followUpResolvedAt: null, followUpResolvedById: null, followUpComment: null });
  await scoped(tx, Survey).update(survey, patch, { allowPortal: true });
  if (low) await onSurveyAnsweredWithLowScore(tx, survey, response, answers);
  return response;
}

/**
 * THE event "a survey was answered with a low score" (any CSI ≤ 6, NPS ≤ 6 or CES ≤ 4), inside the
 * answer's transaction: one SURVEY_LOW_SCORE webhook event per low answer of the response.
 */
export async function onSurveyAnsweredWithLowScore(tx: AuthedContext, survey: Survey, response: SurveyResponse, answers: readonly SurveyAnswerInput[]): Promise<void> {
  tx.logger.info({ surveyId: survey.id, responseId: response.id, clientId: survey.clientId }, 'survey answered with a low score');
  const invitation = response.invitationId ? await scoped(tx, SurveyInvitation).findById(response.invitationId) : null;
  for (const a of answers.filter((x) => isLowScore(x.question, x.score))) {
    await emitEvent(tx, WebhookEventType.SURVEY_LOW_SCORE, {
      surveyId: survey.id,
      responseId: response.id,
      clientId: survey.clientId,
      contactId: invitation?.contactId ?? null,
      question: a.question,
      score: a.score,
      comment: a.comment?.trim() || null,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Follow-up and reads

/** An owner records how a low score was followed up; the follow-up control point closes. */
export async function resolveSurveyFollowUp(ctx: AuthedContext, input: ResolveSurveyFollowUpInput): Promise<Survey | SurveyFollowUpNotOpenError> {
  const comment = input.comment.trim();
  if (!comment) throw new BadUserInputError([{ path: 'input.comment', message: msg('validation.notBlank', { field: 'comment' }) }]);
  return withTransaction(ctx, async (tx) => {
    const survey = await scoped(tx, Survey).getById(input.surveyId, 'input.surveyId', { lock: true });
    if (!survey.followUpOpenedAt || survey.followUpResolvedAt) return new SurveyFollowUpNotOpenError();
    return scoped(tx, Survey).update(survey, { followUpResolvedAt: new Date(), followUpResolvedById: ctx.actor.userId, followUpComment: comment });
  });
}

/** One survey the actor may see (a portal user: of their client only). */
export async function getSurvey(ctx: AuthedContext, id: string): Promise<Survey> {
  return scoped(ctx, Survey).getById(id);
}

/** Surveys the actor may see, newest first. */
export async function listSurveys(ctx: AuthedContext, args: SurveysArgs): Promise<ConnectionResult<Survey>> {
  const f = args.filter ?? {};
  const qb = scoped(ctx, Survey).query('s');
  if (f.clientId) qb.andWhere('s."clientId" = :clientId', { clientId: f.clientId });
  if (f.open != null) {
    const { timeZone } = await getOwnAgency(ctx);
    qb.andWhere(f.open ? 's."dueOn" >= :today' : 's."dueOn" < :today', { today: localDate(new Date(), timeZone) });
  }
  if (f.followUpOpen != null) {
    qb.andWhere(f.followUpOpen ? 's."followUpOpenedAt" IS NOT NULL AND s."followUpResolvedAt" IS NULL' : 'NOT (s."followUpOpenedAt" IS NOT NULL AND s."followUpResolvedAt" IS NULL)');
  }
  return paginate(qb, args, { column: 's."sentAt"', value: (s) => s.sentAt, cast: 'timestamptz', direction: 'DESC' });
}

/** Whether the portal user has answered this survey already. */
export async function answeredByMe(ctx: AuthedContext, survey: Survey): Promise<boolean> {
  const responses = await ctx.loaders.surveyResponses.load(survey.id);
  return responses.some((r) => r.userId === ctx.actor.userId);
}

// ---------------------------------------------------------------------------------------------
// Metrics

export interface SatisfactionMetricsView extends SatisfactionSummary {
  from: string;
  to: string;
  byManager: (SatisfactionSummary & { managerId: string | null })[];
}

/**
 * CSI per area, CES, NPS and CLI (formulas in survey.rules.ts) of the answers received from `from`
 * to `to` (agency calendar days), overall and per evaluated manager. One query, counted in SQL.
 */
export async function satisfactionMetrics(ctx: AuthedContext, input: SatisfactionMetricsInput): Promise<SatisfactionMetricsView> {
  if (input.to < input.from) throw new BadUserInputError([{ path: 'input.to', message: msg('validation.notBefore', { field: 'to', other: 'from' }) }]);
  if (input.managerId && !isUUID(input.managerId)) throw new NotFoundError('User', 'input.managerId');
  const { timeZone } = await getOwnAgency(ctx);
  const qb = scoped(ctx, SurveyAnswer)
    .query('a')
    .andWhere('a."answeredAt" >= :start AND a."answeredAt" < :end', { start: startOfLocalDay(input.from, timeZone), end: endOfLocalDay(input.to, timeZone) });
  if (input.managerId) qb.andWhere('a."managerId" = :managerId', { managerId: input.managerId });
  if (input.clientId) qb.andWhere('a."clientId" = :clientId', { clientId: input.clientId });
  // counted in SQL: one row per manager, question and score, whatever the number of answers
  const rows: { managerId: string | null; question: string; score: number; count: string }[] = await qb
    .select('a."managerId"', 'managerId')
    .addSelect('a."questionKey"', 'question')
    .addSelect('a.score', 'score')
    .addSelect('count(*)', 'count')
    .groupBy('a."managerId"')
    .addGroupBy('a."questionKey"')
    .addGroupBy('a.score')
    .getRawMany();
  // every response answers every question once, so a question's answers are its responses
  const firstKey = SATISFACTION_QUESTIONS[0].key;
  const byManager = new Map<string | null, { rows: CountedAnswers[]; responses: number }>();
  for (const r of rows) {
    let m = byManager.get(r.managerId);
    if (!m) byManager.set(r.managerId, (m = { rows: [], responses: 0 }));
    m.rows.push({ question: r.question, score: Number(r.score), count: Number(r.count) });
    if (r.question === firstKey) m.responses += Number(r.count);
  }
  const managers = [...byManager.entries()]
    .map(([managerId, m]) => ({ managerId, ...summarizeCounts(m.rows, m.responses) }))
    .sort((a, b) => b.responses - a.responses || String(a.managerId).localeCompare(String(b.managerId)));
  const all = [...byManager.values()];
  const overall = summarizeCounts(all.flatMap((m) => m.rows), all.reduce((n, m) => n + m.responses, 0));
  return { from: input.from, to: input.to, ...overall, byManager: managers };
}

