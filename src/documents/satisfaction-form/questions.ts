/**
 * The questions of the client satisfaction survey, in the order they are asked, with their
 * metric and scale. The printed form reads them from here, and so will the online survey: a
 * question's text is the label `satisfactionForm.questions.<key>`, its scale's end labels
 * `satisfactionForm.scales.<metric>.low` / `.high`, in ru, bg and en.
 *
 * CSI: satisfaction per service channel, 1 (not at all satisfied) to 10 (fully satisfied);
 * CES: how easy it was to work with the agency, 1 (very hard) to 10 (very easy);
 * NPS: how likely the client is to recommend the agency, asked 1 to 10 as the practice does
 * (promoters 9–10, detractors up to 6: the same result as on a 0–10 scale);
 * CLI: three questions on 1 to 6 (recommend, buy again, try other services).
 */
export type SatisfactionMetric = 'CSI' | 'CES' | 'NPS' | 'CLI';

export interface SatisfactionScale {
  min: number;
  max: number;
}

export interface SatisfactionQuestion {
  /** stable: the key of the answer and of the question's label */
  key: string;
  metric: SatisfactionMetric;
  scale: SatisfactionScale;
  /** whether the answer comes with a comment ("why this score?") */
  comment: boolean;
}

const TEN: SatisfactionScale = { min: 1, max: 10 };
const SIX: SatisfactionScale = { min: 1, max: 6 };

export const SATISFACTION_QUESTIONS = [
  { key: 'csiManager', metric: 'CSI', scale: TEN, comment: true },
  { key: 'csiResult', metric: 'CSI', scale: TEN, comment: true },
  { key: 'csiAccounting', metric: 'CSI', scale: TEN, comment: true },
  { key: 'csiDocuments', metric: 'CSI', scale: TEN, comment: true },
  { key: 'csiTelephony', metric: 'CSI', scale: TEN, comment: true },
  { key: 'ces', metric: 'CES', scale: TEN, comment: true },
  { key: 'nps', metric: 'NPS', scale: TEN, comment: true },
  { key: 'cliRecommend', metric: 'CLI', scale: SIX, comment: false },
  { key: 'cliBuyAgain', metric: 'CLI', scale: SIX, comment: false },
  { key: 'cliOtherServices', metric: 'CLI', scale: SIX, comment: false },
] as const satisfies readonly SatisfactionQuestion[];

export type SatisfactionQuestionKey = (typeof SATISFACTION_QUESTIONS)[number]['key'];

/** The metrics in the order the form asks them. */
export const SATISFACTION_METRICS: readonly SatisfactionMetric[] = ['CSI', 'CES', 'NPS', 'CLI'];

/** The label of a question's text. */
export function questionLabelKey(question: Pick<SatisfactionQuestion, 'key'>): string {
  return `satisfactionForm.questions.${question.key}`;
}

/** The labels of a metric's scale ends ("1 — совсем не удовлетворён", "10 — полностью удовлетворён"). */
export function scaleLabelKeys(metric: SatisfactionMetric): { low: string; high: string } {
  return { low: `satisfactionForm.scales.${metric}.low`, high: `satisfactionForm.scales.${metric}.high` };
}
