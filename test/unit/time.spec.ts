import { addDays, daysBetween, endOfLocalDay, isPastLocalDay, localDate, startOfLocalDay } from '../../src/services/time';
import { nextBirthday } from '../../src/services/control-points/sources/client.source';

describe('agency-time-zone calendar', () => {
  it('ends a day at local midnight (Moscow, UTC+3)', () => {
    expect(endOfLocalDay('2026-03-10', 'Europe/Moscow').toISOString()).toBe('2026-03-10T21:00:00.000Z');
    expect(isPastLocalDay('2026-03-10', 'Europe/Moscow', new Date('2026-03-10T20:59:59.999Z'))).toBe(false);
    expect(isPastLocalDay('2026-03-10', 'Europe/Moscow', new Date('2026-03-10T21:00:00.000Z'))).toBe(true);
  });

  it('handles daylight-saving days (Sofia: 23- and 25-hour days)', () => {
    expect(startOfLocalDay('2026-03-29', 'Europe/Sofia').toISOString()).toBe('2026-03-28T22:00:00.000Z');
    expect(endOfLocalDay('2026-03-29', 'Europe/Sofia').toISOString()).toBe('2026-03-29T21:00:00.000Z');
    expect(endOfLocalDay('2026-10-25', 'Europe/Sofia').toISOString()).toBe('2026-10-25T22:00:00.000Z');
  });

  it('reads the local date of an instant', () => {
    expect(localDate(new Date('2026-03-10T21:30:00Z'), 'Europe/Moscow')).toBe('2026-03-11');
    expect(localDate(new Date('2026-03-10T21:30:00Z'), 'America/New_York')).toBe('2026-03-10');
    expect(localDate(new Date('2026-03-10T21:30:00Z'), 'UTC')).toBe('2026-03-10');
  });

  it('adds and counts calendar days', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
  });

  it('finds the next birthday, today included, 29 February on 28 February in common years', () => {
    expect(nextBirthday('1986-03-14', '2026-03-14')).toBe('2026-03-14');
    expect(nextBirthday('1986-03-14', '2026-03-15')).toBe('2027-03-14');
    expect(nextBirthday('1992-02-29', '2026-01-10')).toBe('2026-02-28');
    expect(nextBirthday('1992-02-29', '2027-03-01')).toBe('2028-02-29');
  });
});
