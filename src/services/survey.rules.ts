/**
 * The pure rules of satisfaction surveys: which answers a questionnaire takes, which scores call
 * for the owner's follow-up, and the metrics of a set of answers. No database, no clock.
 *
 * Metrics (DOMAIN.md §4):
 * - CSI per area (manager, result, accounting, documents, telephony): mean score 1–10 (2 decimals)
 *   and the count of answers per score.
 * - CES: share of answers 9 or 10 among all CES answers, in percent (1 decimal).
 * - NPS: % promoters (9–10) − % detractors (0–6), in points from −100 to 100 (1 decimal). The
 *   practice asks it 1–10; 0 is accepted too and counts as a detractor, so both scales agree.
 * - CLI: each of the three answers (recommend, buy again, try other services; 1–6) is mapped to
 *   0–100 as (score − 1) / 5 × 100 and the index is the mean of all of them (1 decimal). Chosen
 *   because the source gives no formula: the mean of the three is the usual choice, and putting it
 *   on 0–100 makes it read like the other indices (0 = nobody would, 100 = everybody surely would);
 *   the per-question means and distributions come with it.
 * Every metric of no answers is null, not 0.
 */
import { SATISFACTION_QUESTIONS, type SatisfactionMetric, type SatisfactionQuestionKey } from '../documents/satisfaction-form/questions';

export { SATISFACTION_QUESTIONS };
export type { SatisfactionQuestionKey };

/** NPS is asked 1–10 as the practice does, but 0 (the usual scale) is accepted too. */
export const NPS_MIN_SCORE = 0;
/** Longest comment kept per answer. */
export const SURVEY_COMMENT_MAX = 2000;

/**
 * A response is "low" (the owner follows it up) when any CSI ≤ 6 or the NPS ≤ 6 (a detractor, the
 * same line as the NPS formula) or the CES ≤ 4 (hard to work with: the lower 40 % of the scale).
 * CLI answers alone never open one: they are about the future, not a complaint.
 */
export const LOW_SCORE_THRESHOLDS: Readonly<Partial<Record<SatisfactionMetric, number>>> = { CSI: 6, NPS: 6, CES: 4 };

export interface AnswerInput {
  question: string;
  score: number;
  comment?: string | null;
}

export interface FieldProblem {
  path: string;
  problem: 'unknownQuestion' | 'duplicateQuestion' | 'scoreRange' | 'commentTooLong' | 'missingQuestion' | 'noComment';
  params?: Record<string, unknown>;
}

const BY_KEY = new Map<string, (typeof SATISFACTION_QUESTIONS)[number]>(SATISFACTION_QUESTIONS.map((q) => [q.key, q]));

/** The lowest score a question accepts (NPS also takes 0). */
export function minScore(key: string): number {
  const q = BY_KEY.get(key);
  if (!q) return 1;
  return q.metric === 'NPS' ? NPS_MIN_SCORE : q.scale.min;
}

/**
 * What is wrong with a questionnaire's answers, each naming its field (`answers.<i>.score`): every
 * question answered once, scores whole and within the question's scale, comments only where the
 * question takes one.
 */
export function answerProblems(answers: readonly AnswerInput[], base = 'answers'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    const q = BY_KEY.get(a.question);
    if (!q) {
      problems.push({ path: `${base}.${i}.question`, problem: 'unknownQuestion', params: { value: a.question } });
      return;
    }
    if (seen.has(q.key)) problems.push({ path: `${base}.${i}.question`, problem: 'duplicateQuestion', params: { value: q.key } });
    seen.add(q.key);
    const min = minScore(q.key);
    if (!Number.isInteger(a.score) || a.score < min || a.score > q.scale.max) {
      problems.push({ path: `${base}.${i}.score`, problem: 'scoreRange', params: { question: q.key, min, max: q.scale.max } });
    }
    if (a.comment != null && a.comment.trim() !== '') {
      if (!q.comment) problems.push({ path: `${base}.${i}.comment`, problem: 'noComment', params: { question: q.key } });
      else if (a.comment.length > SURVEY_COMMENT_MAX) problems.push({ path: `${base}.${i}.comment`, problem: 'commentTooLong', params: { max: SURVEY_COMMENT_MAX } });
    }
  });
  const missing = SATISFACTION_QUESTIONS.filter((q) => !seen.has(q.key)).map((q) => q.key);
  if (missing.length && !problems.some((p) => p.problem === 'unknownQuestion')) {
    problems.push({ path: base, problem: 'missingQuestion', params: { questions: missing.join(', ') } });
  }
  return problems;
}

/** Whether a score of a question is at or below its follow-up threshold. */
export function isLowScore(key: string, score: number): boolean {
  const q = BY_KEY.get(key);
  if (!q) return false;
  const threshold = LOW_SCORE_THRESHOLDS[q.metric];
  return threshold !== undefined && score <= threshold;
}

/** Whether a response calls for the owner's follow-up. */
export function hasLowScore(answers: readonly { question: string; score: number }[]): boolean {
  return answers.some((a) => isLowScore(a.question, a.score));
}

// ---------------------------------------------------------------------------------------------
// Metrics

export interface ScoreCount {
  score: number;
  count: number;
}

export interface ScoreStats {
  answers: number;
  /** null without answers */
  mean: number | null;
  /** every score of the scale, in order, with its count (zeros included) */
  distribution: ScoreCount[];
}

export interface CsiArea extends ScoreStats {
  question: string;
}

export interface NpsStats extends ScoreStats {
  promoters: number;
  passives: number;
  detractors: number;
  /** % promoters − % detractors; null without answers */
  value: number | null;
}

export interface CesStats extends ScoreStats {
  /** % of answers 9–10; null without answers */
  value: number | null;
}

export interface CliStats {
  /** mean of every CLI answer mapped to 0–100; null without answers */
  value: number | null;
  answers: number;
  questions: CsiArea[];
}

export interface SatisfactionSummary {
  responses: number;
  csi: CsiArea[];
  ces: CesStats;
  nps: NpsStats;
  cli: CliStats;
}

export interface ScoredAnswer {
  responseId: string;
  question: string;
  score: number;
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f + Number.EPSILON * f) / f;
}

function pct(part: number, whole: number): number {
  return (part / whole) * 100;
}

/** Mean (2 decimals) and distribution over [min, max] of some scores. */
export function scoreStats(scores: readonly number[], min: number, max: number): ScoreStats {
  const distribution: ScoreCount[] = [];
  for (let s = min; s <= max; s++) distribution.push({ score: s, count: 0 });
  let sum = 0;
  for (const s of scores) {
    sum += s;
    const slot = distribution[s - min];
    if (slot) slot.count++;
  }
  return { answers: scores.length, mean: scores.length ? round(sum / scores.length, 2) : null, distribution };
}

/** NPS of some 0–10 scores: % promoters (9–10) − % detractors (≤ 6), 1 decimal; null when empty. */
export function npsOf(scores: readonly number[]): NpsStats {
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  const n = scores.length;
  return {
    ...scoreStats(scores, NPS_MIN_SCORE, 10),
    promoters,
    detractors,
    passives: n - promoters - detractors,
    value: n ? round(pct(promoters, n) - pct(detractors, n), 1) : null,
  };
}

/** CES of some 1–10 scores: % of 9–10, 1 decimal; null when empty. */
export function cesOf(scores: readonly number[]): CesStats {
  const easy = scores.filter((s) => s >= 9).length;
  return { ...scoreStats(scores, 1, 10), value: scores.length ? round(pct(easy, scores.length), 1) : null };
}

/** CLI of the answers to the three 1–6 questions: mean of (score − 1) / 5 × 100, 1 decimal; null when empty. */
export function cliOf(byQuestion: ReadonlyMap<string, readonly number[]>): CliStats {
  const keys = SATISFACTION_QUESTIONS.filter((q) => q.metric === 'CLI');
  const all = keys.flatMap((q) => byQuestion.get(q.key) ?? []);
  const value = all.length ? round(all.reduce((s, x) => s + ((x - 1) / 5) * 100, 0) / all.length, 1) : null;
  return {
    value,
    answers: all.length,
    questions: keys.map((q) => ({ question: q.key, ...scoreStats(byQuestion.get(q.key) ?? [], q.scale.min, q.scale.max) })),
  };
}

/** Every metric of a set of answers (of any number of responses). */
export function summarize(answers: readonly ScoredAnswer[]): SatisfactionSummary {
  const byQuestion = new Map<string, number[]>();
  const responses = new Set<string>();
  for (const a of answers) {
    responses.add(a.responseId);
    let list = byQuestion.get(a.question);
    if (!list) byQuestion.set(a.question, (list = []));
    list.push(a.score);
  }
  const of = (key: string) => byQuestion.get(key) ?? [];
  return {
    responses: responses.size,
    csi: SATISFACTION_QUESTIONS.filter((q) => q.metric === 'CSI').map((q) => ({ question: q.key, ...scoreStats(of(q.key), q.scale.min, q.scale.max) })),
    ces: cesOf(of('ces')),
    nps: npsOf(of('nps')),
    cli: cliOf(byQuestion),
  };
}
