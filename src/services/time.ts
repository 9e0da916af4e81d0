/**
 * Calendar arithmetic in the agency's time zone, with Intl only. Due dates are calendar dates
 * ('YYYY-MM-DD'); "overdue" and "expired" mean the agency's local day has passed.
 */

const partsCache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields (year, month, day, hour, minute, second) of `instant` in `timeZone`. */
export function localParts(instant: Date, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** The calendar date it is at `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Offset of the zone from UTC at `instant`, in milliseconds. */
export function offsetMs(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The first day of the calendar month of a YYYY-MM-DD date. */
export const firstOfMonth = (date: string): string => `${date.slice(0, 8)}01`;

/** The first of the next month, from the first of a month. */
export const nextMonth = (month: string): string => {
  const d = new Date(month + 'T00:00:00Z');
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
};

/**
 * Splits [from, to] into the whole months [fullFrom, fullTo) a monthly rollup answers and at most two
 * partial ranges (both days included, each within one month) read from the daily rows.
 */
export function splitAtMonths(from: string, to: string): { fullFrom: string; fullTo: string; partial: [string, string][] } {
  const fullFrom = from === firstOfMonth(from) ? from : nextMonth(firstOfMonth(from));
  const afterTo = addDays(to, 1);
  const fullTo = afterTo === firstOfMonth(afterTo) ? afterTo : firstOfMonth(to);
  if (fullFrom >= fullTo) {
    // no whole month: the days of the first month, then those of the next (if the period reaches it)
    const toMonth = firstOfMonth(to);
    return { fullFrom, fullTo: fullFrom, partial: toMonth === firstOfMonth(from) ? [[from, to]] : [[from, addDays(toMonth, -1)], [toMonth, to]] };
  }
  const partial: [string, string][] = [];
  if (from < fullFrom) partial.push([from, addDays(fullFrom, -1)]);
  if (fullTo <= to) partial.push([fullTo, to]);
  return { fullFrom, fullTo, partial };
}

/** Remembered shifts: charts and period maths move the same few hundred dates over and over. */
const shifted = new Map<string, string>();

export function addDays(date: string, days: number): string {
  const key = `${date}|${days}`;
  const hit = shifted.get(key);
  if (hit !== undefined) return hit;
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  const out = d.toISOString().slice(0, 10);
  if (shifted.size >= 100_000) shifted.clear();
  shifted.set(key, out);
  return out;
}

/** The instant local midnight of `date` begins in `timeZone` (DST-safe). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const naive = new Date(date + 'T00:00:00Z').getTime();
  let guess = naive - offsetMs(new Date(naive), timeZone);
  // a second pass settles days on which the offset changes
  guess = naive - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** The first instant after the whole of `date` in `timeZone`. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  return startOfLocalDay(addDays(date, 1), timeZone);
}

/** True once the agency's local day `date` is over. */
export function isPastLocalDay(date: string, timeZone: string, now: Date = new Date()): boolean {
  return now.getTime() >= endOfLocalDay(date, timeZone).getTime();
}

/** Whole days between two calendar dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((new Date(b + 'T00:00:00Z').getTime() - new Date(a + 'T00:00:00Z').getTime()) / 86_400_000);
}

/** One entry of a stage history: the stage entered and when; a terminating entry stops the clock. */
export interface StageEntry<S extends string> {
  toStage: S;
  changedAt: Date;
  terminated?: boolean;
}

export interface StageDuration<S extends string> {
  stage: S;
  /** whole seconds: the exact stays summed, then floored once */
  seconds: number;
  /** separate stays (a re-entry right after a termination continues the same stay count) */
  stays: number;
}

/**
 * Time spent in each stage from a history (in any order): a stay lasts until the next entry, the
 * last one until `end`; a terminating entry counts for nothing (the clock stops until a later
 * entry restarts it). A stay is never negative. The rounding is the one rule for every stage
 * history: the exact milliseconds of all stays in a stage are summed and the total floored to
 * whole seconds, so a stage never loses a second per stay. Stages come in `order`, only those visited.
 */
export function timeInStages<S extends string>(history: readonly StageEntry<S>[], end: Date, order: readonly S[]): StageDuration<S>[] {
  const sorted = [...history].sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime());
  const totals = new Map<S, { ms: number; stays: number }>();
  sorted.forEach((entry, i) => {
    if (entry.terminated) return;
    const stop = sorted[i + 1]?.changedAt ?? end;
    const t = totals.get(entry.toStage) ?? { ms: 0, stays: 0 };
    t.ms += Math.max(0, stop.getTime() - entry.changedAt.getTime());
    const prev = sorted[i - 1];
    // a reactivation re-entering the same stage continues the count but is a new stay
    if (!prev || prev.toStage !== entry.toStage || prev.terminated) t.stays += 1;
    totals.set(entry.toStage, t);
  });
  return order.filter((s) => totals.has(s)).map((stage) => ({ stage, seconds: Math.floor(totals.get(stage)!.ms / 1000), stays: totals.get(stage)!.stays }));
}
