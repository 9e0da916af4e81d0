import Decimal from 'decimal.js';
import { formatMoneyOrNull, formatPercent } from './money/format';
import type { AuthedContext, } from '../context';
import { Brief, BriefVersion, Client, Contact, Deal } from '../entities';
import type { BriefContent } from '../entities/brief.entity';
import { BriefBlock, type KpiDirection } from '../entities/enums';
import { BadUserInputError, FieldError, NotFoundError } from '../errors';
import { byId} from '../loaders';
import type { ConnectionResult } from '../schema/common/connection';
import type { BriefBlocksInput, CreateBriefInput, UpdateBriefInput } from '../schema/brief/brief.inputs';
import type { BriefsArgs } from '../schema/brief/brief.args';
import { latestFirst, matching, paginate } from './pagination';
import { scoped, withTransaction } from './scope';
import { trimOrNull } from './text';
import { msg } from '../i18n';

// ---------------------------------------------------------------------------------------------
// Pure rules: normalisation, completeness, criterion shares (unit-tested without a database)

export const BRIEF_BLOCKS: readonly BriefBlock[] = Object.values(BriefBlock);

/** The content key each block is stored under. */
export const BLOCK_KEY: Record<BriefBlock, keyof BriefContent> = {
  [BriefBlock.CONTACT_INFO]: 'contactInfo',
  [BriefBlock.BUSINESS]: 'business',
  [BriefBlock.EXPECTATIONS]: 'expectations',
  [BriefBlock.ACCESSES_AND_AUDIT]: 'accessesAndAudit',
  [BriefBlock.KPIS]: 'kpis',
  [BriefBlock.PROPOSAL_CRITERIA]: 'proposalCriteria',
  [BriefBlock.CONSTRAINTS]: 'constraints',
  [BriefBlock.ADDITIONAL_INFO]: 'additionalInfo',
};


function hasText(v: unknown): boolean {
  return typeof v === 'string' && v.trim() !== '';
}

function hasItems(v: unknown): boolean {
  return Array.isArray(v) && v.length > 0;
}

function anyText(obj: Record<string, unknown>, keys: string[]): boolean {
  return keys.some((k) => hasText(obj[k]));
}

/** Whether a block carries meaningful content: non-blank text, a non-empty list, a number or a date. */
export function isBlockFilled(content: BriefContent | null | undefined, block: BriefBlock): boolean {
  const c = content ?? {};
  switch (block) {
    case BriefBlock.CONTACT_INFO: {
      const b = c.contactInfo;
      return !!b && (hasItems(b.contactIds) || anyText(b, ['decisionMakers', 'notes']));
    }
    case BriefBlock.BUSINESS: {
      const b = c.business;
      return (
        !!b &&
        ((b.competitors ?? []).some(hasText) ||
          anyText(b, ['description', 'products', 'geography', 'targetAudience', 'seasonality', 'uniqueSellingPoints']))
      );
    }
    case BriefBlock.EXPECTATIONS: {
      const b = c.expectations;
      return !!b && anyText(b, ['goals', 'expectedResults', 'previousExperience']);
    }
    case BriefBlock.ACCESSES_AND_AUDIT: {
      const b = c.accessesAndAudit;
      return (
        !!b &&
        ((b.accesses ?? []).some((a) => hasText(a?.system)) ||
          (b.analyticsInstalled ?? []).some(hasText) ||
          hasText(b.currentActivity))
      );
    }
    case BriefBlock.KPIS:
      return (c.kpis ?? []).some((k) => hasText(k?.metric));
    case BriefBlock.PROPOSAL_CRITERIA:
      return (c.proposalCriteria ?? []).some((p) => hasText(p?.criterion));
    case BriefBlock.CONSTRAINTS: {
      const b = c.constraints;
      // a currency alone says nothing about the constraints: it only qualifies a budget
      return (
        !!b &&
        (b.budgetMin != null || b.budgetMax != null || b.startDate != null || b.endDate != null || anyText(b, ['legal', 'brand', 'other']))
      );
    }
    case BriefBlock.ADDITIONAL_INFO:
      return hasText(c.additionalInfo);
  }
}

export interface BriefCompleteness {
  /** filled / 8 as an exact percentage ("0", "12.5", …, "100") */
  score: string;
  filledBlocks: number;
  totalBlocks: number;
  presentBlocks: BriefBlock[];
  missingBlocks: BriefBlock[];
}

/** How much of the eight-block brief is filled: k/8 is always exact to one decimal, so never rounded. */
export function briefCompleteness(content: BriefContent | null | undefined): BriefCompleteness {
  const presentBlocks = BRIEF_BLOCKS.filter((b) => isBlockFilled(content, b));
  const missingBlocks = BRIEF_BLOCKS.filter((b) => !presentBlocks.includes(b));
  return {
    score: formatPercent(new Decimal(presentBlocks.length).mul(100).div(BRIEF_BLOCKS.length)),
    filledBlocks: presentBlocks.length,
    totalBlocks: BRIEF_BLOCKS.length,
    presentBlocks,
    missingBlocks,
  };
}

export interface CriterionView {
  criterion: string;
  weight: number;
  /** weight / Σ weights, rounded half-up to 4 decimals */
  share: string;
  /** the same in percent, rounded half-up to 2 decimals */
  sharePercent: string;
}

/** Each criterion's normalised share of the total weight (the shares sum to 1 up to rounding). */
export function criterionShares(criteria: { criterion: string; weight: number }[] | null | undefined): CriterionView[] {
  const list = criteria ?? [];
  const total = list.reduce((s, c) => s + c.weight, 0);
  return list.map((c) => {
    const fraction = total > 0 ? new Decimal(c.weight).div(total) : new Decimal(0);
    return {
      criterion: c.criterion,
      weight: c.weight,
      share: fraction.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(),
      sharePercent: formatPercent(fraction.mul(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)),
    };
  });
}

function texts(v: string[] | null | undefined): string[] {
  return (v ?? []).map((s) => s.trim()).filter((s) => s !== '');
}

function decimal(v: string | null | undefined): string | null {
  return v == null ? null : new Decimal(v).toFixed();
}

type Blocks = Required<Pick<BriefContent, 'contactInfo' | 'business' | 'expectations' | 'accessesAndAudit' | 'kpis' | 'proposalCriteria' | 'constraints' | 'additionalInfo'>>;

/**
 * Turns the given blocks of an input into stored content: text trimmed, blanks dropped, and a
 * block without any meaningful content stored as null (so "filled" has one meaning everywhere).
 * Only the keys present in the input are returned: absent = keep, null = clear.
 */
export function normalizeBlocks(input: BriefBlocksInput): Partial<Blocks> {
  const out: Partial<Blocks> = {};
  const keep = <K extends keyof Blocks>(key: K, block: BriefBlock, value: Blocks[K]) => {
    out[key] = isBlockFilled({ [key]: value } as BriefContent, block) ? value : null;
  };
  if (input.contactInfo !== undefined) {
    const b = input.contactInfo;
    keep('contactInfo', BriefBlock.CONTACT_INFO, b && { contactIds: [...(b.contactIds ?? [])], decisionMakers: trimOrNull(b.decisionMakers), notes: trimOrNull(b.notes) });
  }
  if (input.business !== undefined) {
    const b = input.business;
    keep(
      'business',
      BriefBlock.BUSINESS,
      b && {
        description: trimOrNull(b.description),
        products: trimOrNull(b.products),
        geography: trimOrNull(b.geography),
        targetAudience: trimOrNull(b.targetAudience),
        competitors: texts(b.competitors),
        seasonality: trimOrNull(b.seasonality),
        uniqueSellingPoints: trimOrNull(b.uniqueSellingPoints),
      },
    );
  }
  if (input.expectations !== undefined) {
    const b = input.expectations;
    keep('expectations', BriefBlock.EXPECTATIONS, b && { goals: trimOrNull(b.goals), expectedResults: trimOrNull(b.expectedResults), previousExperience: trimOrNull(b.previousExperience) });
  }
  if (input.accessesAndAudit !== undefined) {
    const b = input.accessesAndAudit;
    keep(
      'accessesAndAudit',
      BriefBlock.ACCESSES_AND_AUDIT,
      b && {
        accesses: (b.accesses ?? []).map((a) => ({ system: a.system.trim(), granted: a.granted, notes: trimOrNull(a.notes) })),
        currentActivity: trimOrNull(b.currentActivity),
        analyticsInstalled: texts(b.analyticsInstalled),
      },
    );
  }
  if (input.kpis !== undefined) {
    keep(
      'kpis',
      BriefBlock.KPIS,
      input.kpis &&
        input.kpis.map((k) => ({ metric: k.metric.trim(), target: decimal(k.target)!, unit: trimOrNull(k.unit), direction: k.direction as KpiDirection })),
    );
  }
  if (input.proposalCriteria !== undefined) {
    keep('proposalCriteria', BriefBlock.PROPOSAL_CRITERIA, input.proposalCriteria && input.proposalCriteria.map((p) => ({ criterion: p.criterion.trim(), weight: p.weight })));
  }
  if (input.constraints !== undefined) {
    const b = input.constraints;
    keep(
      'constraints',
      BriefBlock.CONSTRAINTS,
      b && {
        budgetMin: formatMoneyOrNull(b.budgetMin, b.currency),
        budgetMax: formatMoneyOrNull(b.budgetMax, b.currency),
        currency: b.currency ?? null,
        startDate: b.startDate ?? null,
        endDate: b.endDate ?? null,
        legal: trimOrNull(b.legal),
        brand: trimOrNull(b.brand),
        other: trimOrNull(b.other),
      },
    );
  }
  if (input.additionalInfo !== undefined) out.additionalInfo = trimOrNull(input.additionalInfo);
  return out;
}

/** Rules across fields of the blocks; paths name the input field at fault. */
export function checkBlockRules(blocks: Partial<Blocks>): FieldError[] {
  const errors: FieldError[] = [];
  const c = blocks.constraints;
  if (c) {
    if (c.budgetMin != null && c.budgetMax != null && new Decimal(c.budgetMin).gt(c.budgetMax)) {
      errors.push({ path: 'input.constraints.budgetMax', message: msg('validation.budgetMaxBelowMin') });
    }
    if ((c.budgetMin != null || c.budgetMax != null) && !c.currency) {
      errors.push({ path: 'input.constraints.currency', message: msg('validation.budgetCurrencyRequired') });
    }
    if (c.startDate && c.endDate && c.startDate > c.endDate) {
      errors.push({ path: 'input.constraints.endDate', message: msg('validation.notBefore', { field: 'endDate', other: 'startDate' }) });
    }
  }
  const seen = new Map<string, number>();
  (blocks.proposalCriteria ?? []).forEach((p, i) => {
    const k = p.criterion.toLocaleLowerCase();
    if (seen.has(k)) errors.push({ path: `input.proposalCriteria.${i}.criterion`, message: msg('validation.criterionRepeated', { criterion: p.criterion }) });
    else seen.set(k, i);
  });
  return errors;
}

/** JSON with sorted keys: jsonb does not keep key order, so this is how contents are compared. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']';
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return '{' + entries.map(([k, x]) => JSON.stringify(k) + ':' + canonical(x)).join(',') + '}';
  }
  return JSON.stringify(v ?? null);
}

/** Stored content without the cleared (null) blocks. */
function compact(content: BriefContent): BriefContent {
  const out: BriefContent = {};
  for (const [k, v] of Object.entries(content)) if (v != null) (out as Record<string, unknown>)[k] = v;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Operations

async function checkContacts(tx: AuthedContext, clientId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = byId(ids, await scoped(tx, Contact).findByIds(ids));
  const errors: FieldError[] = [];
  for (let i = 0; i < ids.length; i++) {
    const contact = found[i];
    // invisible (missing, another agency's) is NOT_FOUND; a visible contact of another client is bad input
    if (!contact) throw new NotFoundError('Contact', `input.contactInfo.contactIds.${i}`);
    if (contact.clientId !== clientId) {
      errors.push({ path: `input.contactInfo.contactIds.${i}`, message: msg('validation.contactOfOtherClient') });
    }
  }
  if (errors.length) throw new BadUserInputError(errors);
}

async function checkDeal(tx: AuthedContext, clientId: string, dealId: string | null | undefined): Promise<void> {
  if (!dealId) return;
  const deal = await scoped(tx, Deal).getById(dealId, 'input.dealId');
  if (deal.clientId !== clientId) {
    throw new BadUserInputError([{ path: 'input.dealId', message: msg('validation.dealOfOtherClient') }]);
  }
}

function requireTitle(title: string | null | undefined): string {
  const t = trimOrNull(title);
  if (!t) throw new BadUserInputError([{ path: 'input.title', message: msg('validation.notEmpty', { field: 'title' }) }]);
  return t;
}

function rejectIfInvalid(blocks: Partial<Blocks>): void {
  const errors = checkBlockRules(blocks);
  if (errors.length) throw new BadUserInputError(errors);
}

/** null when missing, another agency's, or asked by a portal user (briefs are internal). */
export function getBrief(ctx: AuthedContext, id: string): Promise<Brief | null> {
  return scoped(ctx, Brief).findById(id);
}

/** Briefs of the agency, newest first. */
export function listBriefs(ctx: AuthedContext, args: BriefsArgs): Promise<ConnectionResult<Brief>> {
  const f = args.filter;
  const qb = matching(scoped(ctx, Brief).query('b'), 'b', { clientId: f?.clientId, dealId: f?.dealId });
  return paginate(qb, args, latestFirst('b', 'createdAt'));
}

/** Creates version 1 of a brief for a client of the agency. */
export async function createBrief(ctx: AuthedContext, input: CreateBriefInput): Promise<Brief> {
  const title = requireTitle(input.title);
  const blocks = normalizeBlocks(input);
  rejectIfInvalid(blocks);
  return withTransaction(ctx, async (tx) => {
    const client = await scoped(tx, Client).getById(input.clientId, 'input.clientId');
    await checkDeal(tx, client.id, input.dealId);
    await checkContacts(tx, client.id, blocks.contactInfo?.contactIds ?? []);
    return scoped(tx, Brief).insert({
      clientId: client.id,
      dealId: input.dealId ?? null,
      title,
      marketingKnowledge: input.marketingKnowledge ?? null,
      version: 1,
      content: compact(blocks),
      createdById: tx.actor.userId,
      updatedById: tx.actor.userId,
    });
  });
}

/**
 * Applies the given blocks (absent = keep, null = clear). When the title, the marketing knowledge
 * or the content changes, the previous version is kept whole and the version goes up by one.
 */
export async function updateBrief(ctx: AuthedContext, input: UpdateBriefInput): Promise<Brief> {
  const title = input.title === undefined ? undefined : requireTitle(input.title);
  const blocks = normalizeBlocks(input);
  rejectIfInvalid(blocks);
  return withTransaction(ctx, async (tx) => {
    const brief = await scoped(tx, Brief).getById(input.id, 'input.id', { lock: true });
    if (input.dealId !== undefined) await checkDeal(tx, brief.clientId, input.dealId);
    if (blocks.contactInfo) await checkContacts(tx, brief.clientId, blocks.contactInfo.contactIds ?? []);

    const content = compact({ ...brief.content, ...blocks });
    const next = {
      title: title ?? brief.title,
      marketingKnowledge: input.marketingKnowledge === undefined ? brief.marketingKnowledge : input.marketingKnowledge ?? null,
      content,
    };
    const versioned =
      next.title !== brief.title ||
      next.marketingKnowledge !== brief.marketingKnowledge ||
      canonical(next.content) !== canonical(brief.content);
    const dealId = input.dealId === undefined ? brief.dealId : input.dealId ?? null;
    if (!versioned && dealId === brief.dealId) return brief;

    const patch: Partial<Brief> = { dealId, updatedById: tx.actor.userId };
    if (versioned) {
      await scoped(tx, BriefVersion).insert({
        briefId: brief.id,
        version: brief.version,
        title: brief.title,
        marketingKnowledge: brief.marketingKnowledge,
        content: brief.content,
        replacedAt: new Date(),
        replacedById: tx.actor.userId,
      });
      Object.assign(patch, next, { version: brief.version + 1 });
    }
    return scoped(tx, Brief).update(brief, patch);
  });
}

/** Previous versions of a brief, newest first; batched across the briefs of one response. */
export function briefVersions(ctx: AuthedContext, briefId: string): Promise<BriefVersion[]> {
  return ctx.loaders.briefVersions.load(briefId);
}

/** The contact persons named in the brief's contact block (batched). */
export async function briefContacts(ctx: AuthedContext, brief: Brief): Promise<Contact[]> {
  const ids = brief.content?.contactInfo?.contactIds ?? [];
  if (ids.length === 0) return [];
  const rows = await ctx.loaders.contactById.loadMany(ids);
  return rows.filter((c): c is Contact => !!c && !(c instanceof Error));
}
