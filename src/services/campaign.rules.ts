import { DEFAULT_DIRECTION } from './kpi.rules';
import Decimal from 'decimal.js';
import { CampaignStatus, KpiMetric, KpiTargetDirection, LaunchChecklistItem, ToolCategory } from '../entities/enums';
import { BadUserInputError, type FieldError } from '../errors';
import { msg } from '../i18n';
import type { TransitionMap } from './transitions';

/** The pure rules of campaigns: the status flow, the launch gate, KPI targets. No database. */

const { PLANNED, LAUNCHED, PAUSED, COMPLETED, CANCELLED } = CampaignStatus;

/** PAUSED → LAUNCHED is resuming; launching proper is PLANNED → LAUNCHED, behind the checklist. */
export const CAMPAIGN_TRANSITIONS: TransitionMap<CampaignStatus> = {
  [PLANNED]: [LAUNCHED, CANCELLED],
  [LAUNCHED]: [PAUSED, COMPLETED, CANCELLED],
  [PAUSED]: [LAUNCHED, COMPLETED, CANCELLED],
  [COMPLETED]: [],
  [CANCELLED]: [],
};

/** Goals (strategy, KPI targets) are agreed before the launch; afterwards a new goal is a new campaign. */
export function goalsOpen(status: CampaignStatus): boolean {
  return status === PLANNED;
}

/** A follow-up replaces a campaign that ran; a running one is completed by it. */
export function canBeFollowedUp(status: CampaignStatus): boolean {
  return status === LAUNCHED || status === PAUSED || status === COMPLETED;
}

export const CHECKLIST_ORDER: readonly LaunchChecklistItem[] = Object.values(LaunchChecklistItem);

/** The items not done, in checklist order: KPI is not done while the campaign has no targets. */
export function missingLaunchItems(checked: Iterable<LaunchChecklistItem>, hasKpiTargets: boolean): LaunchChecklistItem[] {
  const done = new Set(checked);
  if (!hasKpiTargets) done.delete(LaunchChecklistItem.KPI);
  return CHECKLIST_ORDER.filter((item) => !done.has(item));
}

/** The direction a target gets when none is given: the KPI maths' default (costs and spend lower). */
export function defaultDirection(metric: KpiMetric): KpiTargetDirection {
  return DEFAULT_DIRECTION[metric] ?? KpiTargetDirection.HIGHER_IS_BETTER;
}

export function checkDates(startDate: string, endDate: string, path = 'input.endDate'): void {
  if (endDate < startDate) throw new BadUserInputError([{ path, message: msg('validation.notBefore', { field: 'endDate', other: 'startDate' }) }]);
}

export interface KpiTargetGiven {
  metric: KpiMetric;
  customName?: string | null;
  plan: string;
  period: string;
  direction?: KpiTargetDirection | null;
  unit?: string | null;
  warnPercent?: string | null;
  actPercent?: string | null;
}

export interface KpiTargetValues {
  position: number;
  metric: KpiMetric;
  customName: string | null;
  plan: string;
  period: string;
  direction: KpiTargetDirection;
  unit: string | null;
  warnPercent: string;
  actPercent: string;
}

/** The stored form of a set of targets, with defaults; BAD_USER_INPUT naming each target at fault. */
export function kpiTargetValues(targets: readonly KpiTargetGiven[], path = 'input.targets'): KpiTargetValues[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const values = targets.map((t, i) => {
    const at = `${path}.${i}`;
    const customName = t.customName?.trim() || null;
    if (t.metric === KpiMetric.CUSTOM && !customName) errors.push({ path: `${at}.customName`, message: msg('validation.kpiCustomNameRequired') });
    if (t.metric !== KpiMetric.CUSTOM && customName) errors.push({ path: `${at}.customName`, message: msg('validation.kpiCustomNameOnlyCustom') });
    const warn = t.warnPercent ?? '10';
    const act = t.actPercent ?? '15';
    if (!new Decimal(act).gt(warn)) errors.push({ path: `${at}.actPercent`, message: msg('validation.kpiActAboveWarn') });
    const key = `${t.metric}|${(customName ?? '').toLowerCase()}|${t.period}`;
    if (seen.has(key)) errors.push({ path: `${at}.metric`, message: msg('validation.kpiDuplicate') });
    seen.add(key);
    return {
      position: i + 1,
      metric: t.metric,
      customName,
      plan: t.plan,
      period: t.period,
      direction: t.direction ?? defaultDirection(t.metric),
      unit: t.unit?.trim() || null,
      warnPercent: warn,
      actPercent: act,
    };
  });
  if (errors.length) throw new BadUserInputError(errors);
  return values;
}

/** The channels an agency starts with, each in its usual place of the 70/20/10 mix. */
export const DEFAULT_CHANNELS: readonly { name: string; toolMixCategory: ToolCategory }[] = [
  { name: 'Яндекс Директ', toolMixCategory: ToolCategory.PROVEN },
  { name: 'VK Реклама', toolMixCategory: ToolCategory.PROVEN },
  { name: 'Google Ads', toolMixCategory: ToolCategory.PROVEN },
  { name: 'Meta', toolMixCategory: ToolCategory.UNCERTAIN },
  { name: 'TikTok Ads', toolMixCategory: ToolCategory.EXPERIMENTAL },
  { name: 'Telegram Ads', toolMixCategory: ToolCategory.UNCERTAIN },
  { name: 'SEO', toolMixCategory: ToolCategory.PROVEN },
  { name: 'SMM', toolMixCategory: ToolCategory.UNCERTAIN },
  { name: 'Email', toolMixCategory: ToolCategory.PROVEN },
  { name: 'Programmatic', toolMixCategory: ToolCategory.EXPERIMENTAL },
];
