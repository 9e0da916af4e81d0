/**
 * The lifecycle of a period's deviation as a pure decision: what fresh figures do to the
 * period's latest deviation row while the period runs, once it has ended, and once the campaign
 * has ended.
 */
import { CampaignStatus, DeviationCloseReason, DeviationSeverity } from '../../src/entities/enums';
import { deviationAction, periodEndedReason } from '../../src/services/kpi-measurement.rules';

const { NONE, WARN, ACT } = DeviationSeverity;
const { BACK_WITHIN_BAND, PERIOD_ENDED, CAMPAIGN_ENDED } = DeviationCloseReason;
const open = { open: true };
const closed = { open: false };

describe('while the period runs', () => {
  it('worse than the band opens a deviation, also after one that closed back within band', () => {
    expect(deviationAction(null, WARN, true, null)).toEqual({ kind: 'OPEN' });
    expect(deviationAction(null, ACT, true, null)).toEqual({ kind: 'OPEN' });
    expect(deviationAction(closed, ACT, true, null)).toEqual({ kind: 'OPEN' });
  });

  it('updates the open one while it lasts', () => {
    expect(deviationAction(open, WARN, true, null)).toEqual({ kind: 'UPDATE' });
    expect(deviationAction(open, ACT, true, null)).toEqual({ kind: 'UPDATE' });
  });

  it('closes it back within band keeping the figures it was last seen with; no actual counts as within band', () => {
    expect(deviationAction(open, NONE, true, null)).toEqual({ kind: 'CLOSE', reason: BACK_WITHIN_BAND, withFigures: false });
    expect(deviationAction(open, NONE, false, null)).toEqual({ kind: 'CLOSE', reason: BACK_WITHIN_BAND, withFigures: false });
  });

  it('within band with nothing open writes nothing', () => {
    expect(deviationAction(null, NONE, true, null)).toEqual({ kind: 'NONE' });
    expect(deviationAction(closed, NONE, true, null)).toEqual({ kind: 'NONE' });
  });
});

describe('once the period or the campaign has ended', () => {
  it.each([PERIOD_ENDED, CAMPAIGN_ENDED])('%s: an open deviation closes with the final figures, whatever they say', (reason) => {
    expect(deviationAction(open, ACT, true, reason)).toEqual({ kind: 'CLOSE', reason, withFigures: true });
    expect(deviationAction(open, NONE, true, reason)).toEqual({ kind: 'CLOSE', reason, withFigures: true });
    expect(deviationAction(open, NONE, false, reason)).toEqual({ kind: 'CLOSE', reason, withFigures: false });
  });

  it.each([PERIOD_ENDED, CAMPAIGN_ENDED])('%s: a closed one takes late figures and is never reopened', (reason) => {
    expect(deviationAction(closed, ACT, true, reason)).toEqual({ kind: 'UPDATE' });
    expect(deviationAction(closed, NONE, true, reason)).toEqual({ kind: 'UPDATE' });
    expect(deviationAction(closed, ACT, false, reason)).toEqual({ kind: 'NONE' });
  });

  it.each([PERIOD_ENDED, CAMPAIGN_ENDED])('%s: a period that never deviated while it ran never gets a deviation', (reason) => {
    expect(deviationAction(null, ACT, true, reason)).toEqual({ kind: 'NONE' });
    expect(deviationAction(null, WARN, true, reason)).toEqual({ kind: 'NONE' });
  });
});

describe('when a period has ended', () => {
  it('three days after its last day in the agency time zone (late figures still count until then)', () => {
    expect(periodEndedReason(CampaignStatus.LAUNCHED, '2026-03-08', '2026-03-08')).toBeNull();
    // a day's figures arrive the next day: yesterday's DAY period can still open a deviation
    expect(periodEndedReason(CampaignStatus.LAUNCHED, '2026-03-08', '2026-03-09')).toBeNull();
    expect(periodEndedReason(CampaignStatus.LAUNCHED, '2026-03-08', '2026-03-11')).toBeNull();
    expect(periodEndedReason(CampaignStatus.LAUNCHED, '2026-03-08', '2026-03-12')).toBe(PERIOD_ENDED);
    expect(periodEndedReason(CampaignStatus.PAUSED, '2026-03-08', '2026-03-12')).toBe(PERIOD_ENDED);
  });

  it('a completed or cancelled campaign has ended every period of it', () => {
    expect(periodEndedReason(CampaignStatus.COMPLETED, '2026-03-08', '2026-03-01')).toBe(CAMPAIGN_ENDED);
    expect(periodEndedReason(CampaignStatus.CANCELLED, '2026-03-08', '2026-03-09')).toBe(CAMPAIGN_ENDED);
  });
});
