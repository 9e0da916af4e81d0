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

/** How many answers gave each score. */
export type ScoreCounts = ReadonlyMap<number, number>;

/** The counts of a list of scores. */
export function countScores(scores: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const s of scores) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
}

function total(counts: ScoreCounts, where: (score: number) => boolean = () => true): number {
  let n = 0;
  for (const [score, count] of counts) if (where(score)) n += count;
  return n;
}

/** Mean (2 decimals) and distribution over [min, max] of counted scores. */
export function statsOfCounts(counts: ScoreCounts, min: number, max: number): ScoreStats {
  const distribution: ScoreCount[] = [];
  for (let s = min; s <= max; s++) distribution.push({ score: s, count: counts.get(s) ?? 0 });
  let sum = 0;
  for (const [score, count] of counts) sum += score * count;
  const n = total(counts);
  return { answers: n, mean: n ? round(sum / n, 2) : null, distribution };
}

/** Mean (2 decimals) and distribution over [min, max] of some scores. */
export function scoreStats(scores: readonly number[], min: number, max: number): ScoreStats {
  return statsOfCounts(countScores(scores), min, max);
}

/** NPS of counted 0–10 scores: % promoters (9–10) − % detractors (≤ 6), 1 decimal; null when empty. */
export function npsOfCounts(counts: ScoreCounts): NpsStats {
  const n = total(counts);
  const promoters = total(counts, (s) => s >= 9);
  const detractors = total(counts, (s) => s <= 6);
  return {
    ...statsOfCounts(counts, NPS_MIN_SCORE, 10),
    promoters,
    detractors,
    passives: n - promoters - detractors,
    value: n ? round(pct(promoters, n) - pct(detractors, n), 1) : null,
  };
}

/** NPS of some 0–10 scores. */
export function npsOf(scores: readonly number[]): NpsStats {
  return npsOfCounts(countScores(scores));
}

/** CES of counted 1–10 scores: % of 9–10, 1 decimal; null when empty. */
export function cesOfCounts(counts: ScoreCounts): CesStats {
  const n = total(counts);
  return { ...statsOfCounts(counts, 1, 10), value: n ? round(pct(total(counts, (s) => s >= 9), n), 1) : null };
}

/** CES of some 1–10 scores. */
export function cesOf(scores: readonly number[]): CesStats {
  return cesOfCounts(countScores(scores));
}

/** CLI of the counted answers to the three 1–6 questions: mean of (score − 1) / 5 × 100, 1 decimal; null when empty. */
export function cliOfCounts(byQuestion: ReadonlyMap<string, ScoreCounts>): CliStats {
  const keys = SATISFACTION_QUESTIONS.filter((q) => q.metric === 'CLI');
  let n = 0;
  let sum = 0;
  for (const q of keys) {
    for (const [score, count] of byQuestion.get(q.key) ?? new Map<number, number>()) {
      n += count;
      sum += ((score - 1) / 5) * 100 * count;
    }
  }
  return {
    value: n ? round(sum / n, 1) : null,
    answers: n,
    questions: keys.map((q) => ({ question: q.key, ...statsOfCounts(byQuestion.get(q.key) ?? new Map(), q.scale.min, q.scale.max) })),
  };
}

/** CLI of the answers (lists of scores per question). */
export function cliOf(byQuestion: ReadonlyMap<string, readonly number[]>): CliStats {
  return cliOfCounts(new Map([...byQuestion].map(([k, v]) => [k, countScores(v)])));
}

export interface CountedAnswers {
  question: string;
  score: number;
  count: number;
}

/** Every metric of counted answers (question, score, how many) of `responses` responses: what SQL hands over after GROUP BY. */
export function summarizeCounts(rows: readonly CountedAnswers[], responses: number): SatisfactionSummary {
  const byQuestion = new Map<string, Map<number, number>>();
  for (const r of rows) {
    let counts = byQuestion.get(r.question);
    if (!counts) byQuestion.set(r.question, (counts = new Map()));
    counts.set(r.score, (counts.get(r.score) ?? 0) + r.count);
  }
  const of = (key: string): ScoreCounts => byQuestion.get(key) ?? new Map();
  return {
    responses,
    csi: SATISFACTION_QUESTIONS.filter((q) => q.metric === 'CSI').map((q) => ({ question: q.key, ...statsOfCounts(of(q.key), q.scale.min, q.scale.max) })),
    ces: cesOfCounts(of('ces')),
    nps: npsOfCounts(of('nps')),
    cli: cliOfCounts(byQuestion),
  };
}

/** Every metric of a set of answers (of any number of responses). */
export function summarize(answers: readonly ScoredAnswer[]): SatisfactionSummary {
  const counted = new Map<string, CountedAnswers>();
  for (const a of answers) {
    const key = `${a.question}|${a.score}`;
    const row = counted.get(key);
    if (row) row.count++;
    else counted.set(key, { question: a.question, score: a.score, count: 1 });
  }
  return summarizeCounts([...counted.values()], new Set(answers.map((a) => a.responseId)).size);
}
