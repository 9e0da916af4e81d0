import fc from 'fast-check';
import { ProposalStatus } from '../../src/entities/enums';
import { effectiveProposalStatus, PROPOSAL_TRANSITIONS } from '../../src/services/proposal.rules';
import { IllegalTransitionError } from '../../src/schema/common/error-results';
import { canTransition, checkTransition } from '../../src/services/transitions';

const { DRAFT, SENT, ACCEPTED, REJECTED, EXPIRED } = ProposalStatus;
const ALL = [DRAFT, SENT, ACCEPTED, REJECTED, EXPIRED];

describe('proposal transitions (data)', () => {
  const allowed = new Set([
    `${DRAFT}>${SENT}`,
    `${SENT}>${ACCEPTED}`,
    `${SENT}>${REJECTED}`,
    `${SENT}>${EXPIRED}`,
    `${SENT}>${DRAFT}`,
    `${REJECTED}>${DRAFT}`,
    `${EXPIRED}>${DRAFT}`,
  ]);

  for (const from of ALL) {
    for (const to of ALL) {
      const ok = allowed.has(`${from}>${to}`);
      it(`${ok ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
        expect(canTransition(PROPOSAL_TRANSITIONS, from, to)).toBe(ok);
        const result = checkTransition('Proposal', PROPOSAL_TRANSITIONS, from, to);
        if (ok) expect(result).toBeNull();
        else expect({ ...result, isError: result instanceof IllegalTransitionError }).toEqual({ isError: true, code: 'ILLEGAL_TRANSITION', entity: 'Proposal', from, to, message: expect.any(String) });
      });
    }
  }

  it('ACCEPTED is final', () => {
    expect(PROPOSAL_TRANSITIONS[ACCEPTED]).toEqual([]);
  });
});

describe('effectiveProposalStatus (expiry at the end of the validity day, agency time zone)', () => {
  const sent = (validUntil: string) => ({ status: SENT, validUntil });

  it('Europe/Moscow (UTC+3): still SENT at 20:59:59Z of the last day, EXPIRED from 21:00:00Z', () => {
    const p = sent('2026-03-10');
    expect(effectiveProposalStatus(p, 'Europe/Moscow', new Date('2026-03-10T20:59:59Z'))).toBe(SENT);
    expect(effectiveProposalStatus(p, 'Europe/Moscow', new Date('2026-03-10T20:59:59.999Z'))).toBe(SENT);
    expect(effectiveProposalStatus(p, 'Europe/Moscow', new Date('2026-03-10T21:00:00Z'))).toBe(EXPIRED);
    expect(effectiveProposalStatus(p, 'Europe/Moscow', new Date('2026-03-11T12:00:00Z'))).toBe(EXPIRED);
  });

  it('is SENT during the whole last day, including its first local instant', () => {
    const p = sent('2026-03-10');
    expect(effectiveProposalStatus(p, 'Europe/Moscow', new Date('2026-03-09T21:00:00Z'))).toBe(SENT);
    expect(effectiveProposalStatus(p, 'Europe/Moscow', new Date('2026-03-01T00:00:00Z'))).toBe(SENT);
  });

  it('UTC: expires at midnight UTC', () => {
    const p = sent('2026-03-10');
    expect(effectiveProposalStatus(p, 'UTC', new Date('2026-03-10T23:59:59.999Z'))).toBe(SENT);
    expect(effectiveProposalStatus(p, 'UTC', new Date('2026-03-11T00:00:00Z'))).toBe(EXPIRED);
  });

  it('a zone west of UTC (America/New_York) expires after UTC midnight, across the DST change', () => {
    // 8 March 2026: clocks go forward in New York; the next local midnight is 04:00Z (EDT, UTC−4)
    const p = sent('2026-03-08');
    expect(effectiveProposalStatus(p, 'America/New_York', new Date('2026-03-09T03:59:59Z'))).toBe(SENT);
    expect(effectiveProposalStatus(p, 'America/New_York', new Date('2026-03-09T04:00:00Z'))).toBe(EXPIRED);
  });

  it('Europe/Sofia on the day summer time starts (the day ends at 21:00Z, not 22:00Z)', () => {
    const p = sent('2026-03-29');
    expect(effectiveProposalStatus(p, 'Europe/Sofia', new Date('2026-03-29T20:59:59Z'))).toBe(SENT);
    expect(effectiveProposalStatus(p, 'Europe/Sofia', new Date('2026-03-29T21:00:00Z'))).toBe(EXPIRED);
  });

  it('only a SENT proposal expires: drafts, accepted and rejected ones keep their status', () => {
    const late = new Date('2030-01-01T00:00:00Z');
    for (const status of [DRAFT, ACCEPTED, REJECTED]) {
      expect(effectiveProposalStatus({ status, validUntil: '2026-03-10' }, 'Europe/Moscow', late)).toBe(status);
    }
  });

  it('once expired, stays expired (monotone in time)', () => {
    const day = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true });
    const zone = fc.constantFrom('Europe/Moscow', 'Europe/Sofia', 'UTC', 'America/New_York', 'Asia/Kamchatka', 'Pacific/Honolulu');
    fc.assert(
      fc.property(day, zone, fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }), fc.nat(5 * 86_400_000), (d, tz, offset, delta) => {
        const validUntil = d.toISOString().slice(0, 10);
        const t1 = new Date(d.getTime() + offset);
        const t2 = new Date(t1.getTime() + delta);
        const s1 = effectiveProposalStatus(sent(validUntil), tz, t1);
        const s2 = effectiveProposalStatus(sent(validUntil), tz, t2);
        return s1 === SENT || s2 === EXPIRED;
      }),
    );
  });
});
