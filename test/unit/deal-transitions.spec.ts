/**
 * The deal's sales process as data (DEAL_TRANSITIONS), the approval decisions, the deviation rules
 * per kind, and timeInStages computed from a history.
 */
import { DealDeviationKind, DealStage, DealStatus } from '../../src/entities/enums';
import {
  APPROVAL_TRANSITIONS,
  DEAL_TRANSITIONS,
  DEVIATION_RULES,
  DealPosition,
  dealPosition,
  timeInStages,
} from '../../src/services/deal.service';
import { IllegalTransitionError } from '../../src/schema/common/error-results';
import { canTransition, checkTransition } from '../../src/services/transitions';

const { PRESENTATION, PROPOSAL, CONTRACT, PAYMENT, DELIVERY, CLOSING } = DealStage;
const { WON, LOST } = DealStatus;
const ALL: DealPosition[] = [PRESENTATION, PROPOSAL, CONTRACT, PAYMENT, DELIVERY, CLOSING, WON, LOST];

/** Every allowed pair, written out: the test fails if an edge is added or removed silently. */
const ALLOWED: Array<[DealPosition, DealPosition]> = [
  [PRESENTATION, PROPOSAL],
  [PRESENTATION, CONTRACT], // no proposal needed
  [PRESENTATION, LOST],
  [PROPOSAL, PRESENTATION], // presentation refused: rework
  [PROPOSAL, CONTRACT],
  [PROPOSAL, PAYMENT], // the invoice is the offer, no separate contract
  [PROPOSAL, LOST],
  [CONTRACT, PROPOSAL], // proposal to refine
  [CONTRACT, PAYMENT],
  [CONTRACT, DELIVERY], // post-payment
  [CONTRACT, LOST],
  [PAYMENT, CONTRACT], // contract corrections before paying
  [PAYMENT, DELIVERY],
  [PAYMENT, CLOSING], // post-payment received after delivery
  [PAYMENT, LOST],
  [DELIVERY, PAYMENT], // payment after delivery
  [DELIVERY, CLOSING],
  [DELIVERY, WON],
  [DELIVERY, LOST],
  [CLOSING, WON],
  [CLOSING, LOST],
];

describe('DEAL_TRANSITIONS', () => {
  it.each(ALLOWED)('allows %s → %s', (from, to) => {
    expect(canTransition(DEAL_TRANSITIONS, from, to)).toBe(true);
    expect(checkTransition('Deal', DEAL_TRANSITIONS, from, to)).toBeNull();
  });

  it('allows nothing else (the whole 8 × 8 matrix)', () => {
    const allowed = new Set(ALLOWED.map(([a, b]) => `${a}>${b}`));
    for (const from of ALL) {
      for (const to of ALL) {
        expect([`${from}>${to}`, canTransition(DEAL_TRANSITIONS, from, to)]).toEqual([`${from}>${to}`, allowed.has(`${from}>${to}`)]);
      }
    }
    const edges = Object.values(DEAL_TRANSITIONS).reduce((n, list) => n + list.length, 0);
    expect(edges).toBe(ALLOWED.length);
  });

  it.each<[DealPosition, DealPosition, string]>([
    [PRESENTATION, PAYMENT, 'skipping both documents'],
    [PRESENTATION, DELIVERY, 'delivering without a contract or payment'],
    [PRESENTATION, CLOSING, 'closing straight from the presentation'],
    [CONTRACT, PRESENTATION, 'two steps back'],
    [PAYMENT, PROPOSAL, 'two steps back'],
    [DELIVERY, CONTRACT, 'back to the contract after delivery'],
    [CLOSING, DELIVERY, 'CLOSING is terminal for moves'],
    [CLOSING, PAYMENT, 'CLOSING is terminal for moves'],
    [PROPOSAL, PROPOSAL, 'staying put is not a move'],
    [PRESENTATION, WON, 'won before delivery'],
    [CONTRACT, WON, 'won before delivery'],
    [PAYMENT, WON, 'won before delivery'],
    [WON, LOST, 'a closed deal cannot be closed again'],
    [LOST, LOST, 'a closed deal cannot be closed again'],
    [LOST, PRESENTATION, 'a lost deal is not reopened'],
    [WON, CLOSING, 'a won deal does not move'],
  ])('refuses %s → %s (%s) with an error naming both', (from, to) => {
    const refused = checkTransition('Deal', DEAL_TRANSITIONS, from, to);
    expect(refused).toBeInstanceOf(IllegalTransitionError);
    expect({ ...refused }).toEqual({
      code: 'ILLEGAL_TRANSITION',
      message: `Deal cannot go from ${from} to ${to}`,
      entity: 'Deal',
      from,
      to,
    });
  });

  it('lets every open stage end as LOST, and only DELIVERY and CLOSING as WON', () => {
    for (const stage of Object.values(DealStage)) {
      expect(canTransition(DEAL_TRANSITIONS, stage, LOST)).toBe(true);
      expect(canTransition(DEAL_TRANSITIONS, stage, WON)).toBe(stage === DELIVERY || stage === CLOSING);
    }
  });

  it('has no way out of WON or LOST', () => {
    expect(DEAL_TRANSITIONS[WON]).toEqual([]);
    expect(DEAL_TRANSITIONS[LOST]).toEqual([]);
  });

  it('reaches CLOSING from every open stage (no dead end before closing)', () => {
    for (const start of Object.values(DealStage)) {
      const seen = new Set<DealPosition>([start]);
      const queue: DealPosition[] = [start];
      while (queue.length) for (const next of DEAL_TRANSITIONS[queue.shift()!]) if (!seen.has(next)) seen.add(next) && queue.push(next);
      expect(seen.has(CLOSING)).toBe(true);
    }
  });

  it('places an open deal at its stage and a closed one at its outcome', () => {
    expect(dealPosition({ stage: CONTRACT, status: DealStatus.OPEN })).toBe(CONTRACT);
    expect(dealPosition({ stage: CLOSING, status: WON })).toBe(WON);
    expect(dealPosition({ stage: PROPOSAL, status: LOST })).toBe(LOST);
  });
});

describe('APPROVAL_TRANSITIONS', () => {
  it('lets a pending or returned approver decide, and keeps an approval and a resolved deviation final', () => {
    expect(canTransition(APPROVAL_TRANSITIONS, 'PENDING', 'APPROVED')).toBe(true);
    expect(canTransition(APPROVAL_TRANSITIONS, 'PENDING', 'RETURNED')).toBe(true);
    expect(canTransition(APPROVAL_TRANSITIONS, 'RETURNED', 'APPROVED')).toBe(true);
    expect(canTransition(APPROVAL_TRANSITIONS, 'RETURNED', 'RETURNED')).toBe(true);
    expect(canTransition(APPROVAL_TRANSITIONS, 'APPROVED', 'RETURNED')).toBe(false);
    expect(canTransition(APPROVAL_TRANSITIONS, 'APPROVED', 'APPROVED')).toBe(false);
    expect(canTransition(APPROVAL_TRANSITIONS, 'RESOLVED', 'APPROVED')).toBe(false);
  });
});

describe('DEVIATION_RULES', () => {
  it('requires the seed’s data per kind', () => {
    expect(DEVIATION_RULES[DealDeviationKind.PRESENTATION_REFUSED].requires).toEqual(['dueOn']);
    expect(DEVIATION_RULES[DealDeviationKind.PROPOSAL_TO_REFINE].requires).toEqual(['dueOn']);
    expect(DEVIATION_RULES[DealDeviationKind.APPROVAL_REQUIRED].requires).toEqual(['approvers']);
    expect(DEVIATION_RULES[DealDeviationKind.PARTIAL_PAYMENT].requires).toEqual(['amount']);
    expect(DEVIATION_RULES[DealDeviationKind.REFUND].requires).toEqual(['amount']);
    expect(DEVIATION_RULES[DealDeviationKind.PREPARATION_APPROVAL].requires).toEqual([]);
    expect(DEVIATION_RULES[DealDeviationKind.CLIENT_DISSATISFIED].requires).toEqual(['causes']);
  });

  it('allows every required field', () => {
    for (const rule of Object.values(DEVIATION_RULES)) for (const f of rule.requires) expect(rule.allows).toContain(f);
  });
});

describe('timeInStages', () => {
  const at = (iso: string) => new Date(iso);

  it('sums each stay up to the next change and the last one up to the end, in process order', () => {
    const history = [
      { toStage: PRESENTATION, changedAt: at('2026-03-01T09:00:00Z') },
      { toStage: PROPOSAL, changedAt: at('2026-03-01T10:00:00Z') }, // 1 h in PRESENTATION
      { toStage: PRESENTATION, changedAt: at('2026-03-02T10:00:00Z') }, // 24 h in PROPOSAL
      { toStage: PROPOSAL, changedAt: at('2026-03-02T10:30:00Z') }, // +30 min in PRESENTATION
      { toStage: CONTRACT, changedAt: at('2026-03-02T12:30:00Z') }, // +2 h in PROPOSAL
    ];
    expect(timeInStages(history, at('2026-03-03T12:30:00Z'))).toEqual([
      { stage: PRESENTATION, seconds: 3600 + 1800 },
      { stage: PROPOSAL, seconds: 86400 + 7200 },
      { stage: CONTRACT, seconds: 86400 },
    ]);
  });

  it('does not depend on the order the history is given in', () => {
    const history = [
      { toStage: CONTRACT, changedAt: at('2026-03-01T10:00:00Z') },
      { toStage: PRESENTATION, changedAt: at('2026-03-01T09:00:00Z') },
    ];
    expect(timeInStages(history, at('2026-03-01T10:00:10Z'))).toEqual([
      { stage: PRESENTATION, seconds: 3600 },
      { stage: CONTRACT, seconds: 10 },
    ]);
  });

  it('lists a stage left in the same instant with 0 seconds, floors partial seconds of the total, and never goes negative', () => {
    const history = [
      { toStage: DELIVERY, changedAt: at('2026-03-01T09:00:00.000Z') },
      { toStage: PAYMENT, changedAt: at('2026-03-01T09:00:01.600Z') },
      { toStage: DELIVERY, changedAt: at('2026-03-01T09:00:02.000Z') }, // 0.4 s in PAYMENT
      { toStage: CLOSING, changedAt: at('2026-03-01T09:00:02.500Z') }, // 1.6 + 0.5 s in DELIVERY
    ];
    expect(timeInStages(history, at('2026-03-01T09:00:02.500Z'))).toEqual([
      { stage: PAYMENT, seconds: 0 },
      { stage: DELIVERY, seconds: 2 },
      { stage: CLOSING, seconds: 0 },
    ]);
    expect(timeInStages([{ toStage: PRESENTATION, changedAt: at('2026-03-02T00:00:00Z') }], at('2026-03-01T00:00:00Z'))).toEqual([
      { stage: PRESENTATION, seconds: 0 },
    ]);
  });

  it('is empty without history', () => {
    expect(timeInStages([], new Date())).toEqual([]);
  });
});

describe('deal automation paths', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { forwardPath } = require('../../src/services/deal-automation');
  it('walks forward through the map, skipping where it allows', () => {
    expect(forwardPath('CONTRACT', 'PAYMENT')).toEqual(['PAYMENT']);
    expect(forwardPath('PRESENTATION', 'PAYMENT')).toEqual(['PROPOSAL', 'PAYMENT']);
    expect(forwardPath('PAYMENT', 'DELIVERY')).toEqual(['DELIVERY']);
    expect(forwardPath('PRESENTATION', 'CLOSING')).not.toBeNull();
  });
  it('never goes backwards', () => {
    expect(forwardPath('DELIVERY', 'PAYMENT')).toBeNull();
    expect(forwardPath('CLOSING', 'CLOSING')).toBeNull();
  });
});
