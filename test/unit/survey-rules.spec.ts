import { answerProblems, cesOf, cliOf, hasLowScore, npsOf, scoreStats, summarize, summarizeCounts, SATISFACTION_QUESTIONS } from '../../src/services/survey.rules';

const full = (overrides: Record<string, number> = {}) =>
  SATISFACTION_QUESTIONS.map((q) => ({ question: q.key, score: overrides[q.key] ?? q.scale.max }));

describe('NPS', () => {
  it('is 100 when everybody is a promoter', () => {
    expect(npsOf([9, 10, 10, 9]).value).toBe(100);
  });
  it('is -100 when everybody is a detractor (0 counts as one)', () => {
    expect(npsOf([0, 1, 6, 6]).value).toBe(-100);
  });
  it('is null without answers, not 0', () => {
    const s = npsOf([]);
    expect(s.value).toBeNull();
    expect(s.mean).toBeNull();
    expect(s.answers).toBe(0);
  });
  it('is % promoters minus % detractors on a mixed set (hand-computed)', () => {
    // 3 promoters (9, 10, 10), 2 passives (7, 8), 2 detractors (6, 3) of 7: 42.857… − 28.571… = 14.3
    const s = npsOf([9, 10, 10, 7, 8, 6, 3]);
    expect(s).toMatchObject({ promoters: 3, passives: 2, detractors: 2, value: 14.3, answers: 7 });
    expect(s.distribution.find((d) => d.score === 10)?.count).toBe(2);
    expect(s.distribution).toHaveLength(11);
  });
  it('puts passives at 7 and 8 only', () => {
    expect(npsOf([7, 8]).value).toBe(0);
  });
});

describe('CES', () => {
  it('is the share of 9 and 10', () => {
    expect(cesOf([9, 10, 8, 1]).value).toBe(50);
    expect(cesOf([10, 10, 10]).value).toBe(100);
    expect(cesOf([8, 8, 8]).value).toBe(0);
    expect(cesOf([9, 1, 1]).value).toBe(33.3);
  });
  it('is null without answers', () => {
    expect(cesOf([]).value).toBeNull();
  });
});

describe('CSI', () => {
  it('gives the mean (2 decimals) and the count of every score of the scale', () => {
    const s = scoreStats([10, 9, 6], 1, 10);
    expect(s.mean).toBe(8.33);
    expect(s.distribution).toHaveLength(10);
    expect(s.distribution.filter((d) => d.count > 0)).toEqual([
      { score: 6, count: 1 },
      { score: 9, count: 1 },
      { score: 10, count: 1 },
    ]);
  });
});

describe('CLI', () => {
  it('maps 1–6 to 0–100 and averages every answer', () => {
    const all6 = new Map([['cliRecommend', [6]], ['cliBuyAgain', [6]], ['cliOtherServices', [6]]]);
    expect(cliOf(all6).value).toBe(100);
    const all1 = new Map([['cliRecommend', [1]], ['cliBuyAgain', [1]], ['cliOtherServices', [1]]]);
    expect(cliOf(all1).value).toBe(0);
    // (6,4,1) → 100, 60, 0 → mean 53.3
    const mixed = new Map([['cliRecommend', [6]], ['cliBuyAgain', [4]], ['cliOtherServices', [1]]]);
    expect(cliOf(mixed)).toMatchObject({ value: 53.3, answers: 3 });
    expect(cliOf(new Map()).value).toBeNull();
  });
});

describe('summarize', () => {
  it('counts responses and splits the answers per metric', () => {
    const rows = [
      ...full().map((a) => ({ ...a, responseId: 'r1' })),
      ...full({ csiManager: 4, nps: 5, ces: 2 }).map((a) => ({ ...a, responseId: 'r2' })),
    ];
    const s = summarize(rows);
    expect(s.responses).toBe(2);
    expect(s.csi.find((c) => c.question === 'csiManager')?.mean).toBe(7);
    expect(s.nps.value).toBe(0);
    expect(s.ces.value).toBe(50);
    expect(s.cli.value).toBe(100);
  });
  it('gives the same from counts (what SQL groups) as from the answers one by one', () => {
    const rows = [
      ...full({ csiManager: 3, nps: 9 }).map((a) => ({ ...a, responseId: 'r1' })),
      ...full({ csiManager: 3, nps: 6, cliOtherServices: 2 }).map((a) => ({ ...a, responseId: 'r2' })),
      ...full({ ces: 1 }).map((a) => ({ ...a, responseId: 'r3' })),
    ];
    const counts = new Map<string, { question: string; score: number; count: number }>();
    for (const r of rows) {
      const c = counts.get(`${r.question}|${r.score}`) ?? { question: r.question, score: r.score, count: 0 };
      c.count++;
      counts.set(`${r.question}|${r.score}`, c);
    }
    expect(summarizeCounts([...counts.values()], 3)).toEqual(summarize(rows));
    expect(summarize(rows).csi[0]).toMatchObject({ mean: 5.33, distribution: expect.arrayContaining([{ score: 3, count: 2 }]) });
  });
  it('is all nulls for no answers', () => {
    const s = summarize([]);
    expect(s.responses).toBe(0);
    expect([s.nps.value, s.ces.value, s.cli.value, ...s.csi.map((c) => c.mean)]).toEqual(Array(8).fill(null));
  });
});

describe('answers', () => {
  it('takes a complete questionnaire, NPS 0 included', () => {
    expect(answerProblems(full({ nps: 0 }))).toEqual([]);
  });
  it('names the field of a score out of its scale', () => {
    const answers = full({ cliBuyAgain: 7, csiResult: 0, ces: 11 });
    expect(answerProblems(answers).map((p) => p.path).sort()).toEqual(['answers.1.score', 'answers.5.score', 'answers.8.score']);
  });
  it('names a missing, unknown or repeated question', () => {
    expect(answerProblems(full().slice(1))).toEqual([expect.objectContaining({ path: 'answers', problem: 'missingQuestion' })]);
    expect(answerProblems([...full(), { question: 'nps', score: 3 }]).map((p) => p.path)).toEqual(['answers.10.question']);
    expect(answerProblems([{ question: 'mood', score: 3 }, ...full()]).map((p) => p.path)).toEqual(['answers.0.question']);
  });
  it('flags low scores at the documented thresholds', () => {
    expect(hasLowScore(full())).toBe(false);
    expect(hasLowScore(full({ csiTelephony: 6 }))).toBe(true);
    expect(hasLowScore(full({ csiTelephony: 7 }))).toBe(false);
    expect(hasLowScore(full({ nps: 6 }))).toBe(true);
    expect(hasLowScore(full({ ces: 4 }))).toBe(true);
    expect(hasLowScore(full({ ces: 5 }))).toBe(false);
    expect(hasLowScore(full({ cliBuyAgain: 1 }))).toBe(false);
  });
});
