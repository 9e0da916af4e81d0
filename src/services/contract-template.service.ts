import type { AuthedContext, RequestContext } from '../context';
import {
  CONTRACT_TEMPLATE_MAX_BYTES,
  numberContractTemplate,
  parseContractTemplate,
  PLACEHOLDERS,
  type ContractTemplateProblem,
  type NumberedTemplate,
  type ParsedTemplate,
} from '../documents/contract/contract-template';
import { DEFAULT_CONTRACT_TEMPLATES } from '../documents/contract/templates';
import { ContractTemplate } from '../entities';
import type { Locale } from '../entities/enums';
import { translateKey } from '../i18n';
import type { SaveContractTemplateInput } from '../schema/contract-template/contract-template.inputs';
import { ContractTemplateInvalidError, type ContractTemplateProblemType } from '../schema/contract-template/contract-template.results';
import { getRequisitesForUpdate } from './requisites.service';
import { scoped, withTransaction, type ScopeOptions } from './scope';
import { trimOrNull } from './text';

/** One version as the API shows it: the agency's text, or the built-in one (a reset, or never changed). */
export interface ContractTemplateView {
  locale: Locale;
  version: number | null;
  isDefault: boolean;
  body: string;
  note: string | null;
  createdAt: Date | null;
  createdById: string | null;
}

function viewOf(locale: Locale, row: ContractTemplate | null): ContractTemplateView {
  if (!row) return { locale, version: null, isDefault: true, body: DEFAULT_CONTRACT_TEMPLATES[locale], note: null, createdAt: null, createdById: null };
  return {
    locale,
    version: row.version,
    isDefault: row.isDefault,
    body: row.body ?? DEFAULT_CONTRACT_TEMPLATES[locale],
    note: row.note,
    createdAt: row.createdAt,
    createdById: row.createdById,
  };
}

function versions(ctx: RequestContext, locale: Locale, opts: ScopeOptions = {}) {
  return scoped(ctx, ContractTemplate, opts).query('t').andWhere('t.locale = :locale', { locale }).orderBy('t.version', 'DESC');
}

/** The version in force (the newest), or null when the agency never saved one in that language. */
function latest(ctx: RequestContext, locale: Locale, opts: ScopeOptions = {}): Promise<ContractTemplate | null> {
  return versions(ctx, locale, opts).limit(1).getOne();
}

/** The text in force in that language: the agency's newest version, else the built-in text. */
export async function contractTemplateView(ctx: AuthedContext, locale: Locale): Promise<ContractTemplateView> {
  return viewOf(locale, await latest(ctx, locale));
}

/** Every version the agency saved in that language, newest first (empty: the built-in text was never changed). */
export async function contractTemplateVersions(ctx: AuthedContext, locale: Locale): Promise<ContractTemplateView[]> {
  return (await versions(ctx, locale).getMany()).map((row) => viewOf(locale, row));
}

/** A stored or built-in text is valid by construction; failing here means a placeholder was withdrawn from the whitelist. */
function parsedOf(body: string): ParsedTemplate {
  const result = parseContractTemplate(body);
  if (!result.ok) throw new Error(`a stored contract template no longer parses: ${result.problems.map((p) => `${p.code}@${p.line}`).join(', ')}`);
  return result.template;
}

const numbered = new WeakMap<ContractTemplateView, NumberedTemplate>();

/** A version's sections and clauses with their numbers (placeholders as written); parsed once per view. */
export function numberedTemplate(view: ContractTemplateView): NumberedTemplate {
  let result = numbered.get(view);
  if (!result) numbered.set(view, (result = numberContractTemplate(parsedOf(view.body))));
  return result;
}

/** The whitelist of placeholders, each described in the reader's language. */
export function contractTemplatePlaceholders(ctx: RequestContext): { name: string; description: string }[] {
  return PLACEHOLDERS.map((name) => ({ name, description: translateKey(ctx.locale, `contractTemplate.placeholders.${name}`) }));
}

function problemView(ctx: RequestContext, p: ContractTemplateProblem): ContractTemplateProblemType {
  const message = translateKey(ctx.locale, `contractTemplate.problems.${p.code}`, {
    line: p.line,
    placeholder: p.placeholder,
    limit: CONTRACT_TEMPLATE_MAX_BYTES / 1024,
  });
  return { ...p, message };
}

/** Stores the text as the next version (in force at once), or refuses it whole with every problem found. */
export async function saveContractTemplate(ctx: AuthedContext, input: SaveContractTemplateInput): Promise<ContractTemplateView | ContractTemplateInvalidError> {
  const parsed = parseContractTemplate(input.body);
  if (!parsed.ok) return new ContractTemplateInvalidError(parsed.problems.map((p) => problemView(ctx, p)));
  return withTransaction(ctx, async (tx) => {
    const current = await latestForUpdate(tx, input.locale);
    return viewOf(input.locale, await appendVersion(tx, input.locale, current, { body: input.body, isDefault: false, note: trimOrNull(input.note) }));
  });
}

/**
 * Goes back to the built-in text by storing a version that says so (the history keeps who reset
 * it and when; version numbers never repeat). Already on the built-in text: nothing is stored.
 */
export async function resetContractTemplate(ctx: AuthedContext, locale: Locale): Promise<ContractTemplateView> {
  return withTransaction(ctx, async (tx) => {
    const current = await latestForUpdate(tx, locale);
    if (!current || current.isDefault) return viewOf(locale, current);
    return viewOf(locale, await appendVersion(tx, locale, current, { body: null, isDefault: true, note: null }));
  });
}

/**
 * The version in force, read once the agency's template writes are queued: they queue on its
 * requisites row (its document settings, locked until commit), so two owners saving at once get
 * 1 and 2 — never a gap or the same number twice (there is no row to lock before version 1).
 */
async function latestForUpdate(tx: AuthedContext, locale: Locale): Promise<ContractTemplate | null> {
  await getRequisitesForUpdate(tx);
  return latest(tx, locale);
}

function appendVersion(
  tx: AuthedContext,
  locale: Locale,
  current: ContractTemplate | null,
  values: Pick<ContractTemplate, 'body' | 'isDefault' | 'note'>,
): Promise<ContractTemplate> {
  return scoped(tx, ContractTemplate).insert({ locale, version: (current?.version ?? 0) + 1, ...values, createdById: tx.actor.userId });
}

/**
 * The clause text the contract builder prints in that language, parsed: the agency's version in
 * force (`version`), or the built-in text (`version` null when the agency never saved one). Any
 * actor of the agency, a portal user included: the contract its client opens carries the
 * agency's text.
 */
export async function currentContractTemplate(ctx: RequestContext, locale: Locale): Promise<ParsedTemplate & { version: number | null }> {
  const view = viewOf(locale, await latest(ctx, locale, { beyondPortal: true }));
  return { ...parsedOf(view.body), version: view.version };
}
