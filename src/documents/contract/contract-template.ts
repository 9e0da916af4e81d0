/**
 * The contract's clause text, written in a small language an agency can edit without breaking the
 * document (pure: no database, no clock).
 *
 * - `## Heading` starts a section; sections are numbered 1, 2, 3 … in order.
 * - Within a section every paragraph (paragraphs are separated by one or more blank lines) is a
 *   clause, numbered <section>.<n>: 1.1, 1.2 … A single line break inside a paragraph stays a line
 *   break of that clause.
 * - Paragraphs before the first heading are the preamble (who the parties are), not numbered.
 * - `{{name}}` inserts a value; `name` is one of PLACEHOLDERS (spaces inside the braces are
 *   allowed). A placeholder stays on one line. There is nothing else: no conditions, no loops, no
 *   formatting, and a brace is never literal text.
 * - Numbers are never typed: a heading or clause that starts with its own number is refused.
 */
import { Locale } from '../../entities/enums';

/** A template is at most this many bytes of UTF-8 (a long contract is 30–40 KB). */
export const CONTRACT_TEMPLATE_MAX_BYTES = 100 * 1024;

/** Problems reported at most: a pasted file of something else would otherwise list thousands. */
export const MAX_PROBLEMS = 50;

/**
 * The values a template may insert. The contract builder supplies every one of them (a fact the
 * contract does not have yet, e.g. the number of a draft, as a blank line to fill in by hand).
 * Names are only ever added: a stored template keeps parsing after an upgrade.
 */
export const PLACEHOLDERS = [
  'agency.legalName',
  'agency.taxId',
  'agency.address',
  'agency.signatoryName',
  'agency.signatoryPosition',
  'client.legalName',
  'client.taxId',
  'client.address',
  'contract.number',
  'contract.date',
  'contract.subject',
  'contract.amount',
  'contract.amountInWords',
  'contract.currency',
  'contract.vatClause',
  'contract.startsOn',
  'contract.endsOn',
  'contract.actSignDays',
] as const;

export type Placeholder = (typeof PLACEHOLDERS)[number];

const KNOWN = new Set<string>(PLACEHOLDERS);

export function isPlaceholder(name: string): name is Placeholder {
  return KNOWN.has(name);
}

export enum ContractTemplateProblemCode {
  TOO_LONG = 'TOO_LONG',
  NO_SECTIONS = 'NO_SECTIONS',
  EMPTY_SECTION = 'EMPTY_SECTION',
  EMPTY_HEADING = 'EMPTY_HEADING',
  BAD_HEADING = 'BAD_HEADING',
  UNKNOWN_PLACEHOLDER = 'UNKNOWN_PLACEHOLDER',
  UNBALANCED_BRACES = 'UNBALANCED_BRACES',
  MANUAL_NUMBERING = 'MANUAL_NUMBERING',
}

export interface ContractTemplateProblem {
  code: ContractTemplateProblemCode;
  /** 1-based line of the text; null for a problem of the whole text (too long, no sections) */
  line: number | null;
  /** the placeholder as written between the braces (UNKNOWN_PLACEHOLDER only) */
  placeholder: string | null;
}

export interface TemplateSection {
  heading: string;
  clauses: string[];
}

export interface ParsedTemplate {
  /** paragraphs before the first section: the parties' introduction, not numbered */
  preamble: string[];
  sections: TemplateSection[];
}

export type ParseResult = { ok: true; template: ParsedTemplate } | { ok: false; problems: ContractTemplateProblem[] };

export interface NumberedClause {
  /** "2.3" */
  number: string;
  text: string;
}

export interface NumberedSection {
  /** "2" */
  number: string;
  heading: string;
  clauses: NumberedClause[];
}

export interface NumberedTemplate {
  preamble: string[];
  sections: NumberedSection[];
}

const HEADING = /^##[ \t]+(\S.*)$/;
/** "1. Subject", "1 Subject", "2.1 …", "IV. …": the heading's own number */
const NUMBERED_HEADING = /^(\d+(\.\d+)*\.?|[IVXLC]+\.)\s+/;
/** "2.1. The Agency …", "2.1 The Agency …": the clause's own number (not "1.5 % of …") */
const NUMBERED_CLAUSE = /^\d+(\.\d+)+(\.\s+|\s+\p{Lu})/u;
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** The placeholders and stray braces of one line. */
function scanLine(line: string, lineNo: number, problems: ContractTemplateProblem[]): void {
  const brace = /[{}]/g;
  for (let m = brace.exec(line); m; m = brace.exec(line)) {
    const start = m.index;
    const end = line.startsWith('{{', start) ? line.indexOf('}}', start + 2) : -1;
    const inner = end < 0 ? null : line.slice(start + 2, end);
    if (inner === null || /[{}]/.test(inner)) {
      problems.push({ code: ContractTemplateProblemCode.UNBALANCED_BRACES, line: lineNo, placeholder: null });
      return; // one brace problem per line: the rest of it cannot be read reliably
    }
    const name = inner.trim();
    if (!isPlaceholder(name)) problems.push({ code: ContractTemplateProblemCode.UNKNOWN_PLACEHOLDER, line: lineNo, placeholder: name });
    brace.lastIndex = end + 2;
  }
}

/** Reads a template; every problem found is reported at once (up to MAX_PROBLEMS), in text order. */
export function parseContractTemplate(text: string): ParseResult {
  if (Buffer.byteLength(text, 'utf8') > CONTRACT_TEMPLATE_MAX_BYTES) {
    return { ok: false, problems: [{ code: ContractTemplateProblemCode.TOO_LONG, line: null, placeholder: null }] };
  }
  const problems: ContractTemplateProblem[] = [];
  const preamble: string[] = [];
  const sections: (TemplateSection & { line: number })[] = [];
  let paragraph: string[] = [];
  let paragraphLine = 0;

  const flush = () => {
    if (!paragraph.length) return;
    const clause = paragraph.join('\n');
    const section = sections[sections.length - 1];
    if (section) {
      if (NUMBERED_CLAUSE.test(clause)) problems.push({ code: ContractTemplateProblemCode.MANUAL_NUMBERING, line: paragraphLine, placeholder: null });
      section.clauses.push(clause);
    } else {
      preamble.push(clause);
    }
    paragraph = [];
  };

  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((raw, i) => {
      const lineNo = i + 1;
      const line = raw.trim();
      if (!line) return flush();
      if (line.startsWith('#')) {
        flush();
        const heading = HEADING.exec(line)?.[1].trim();
        if (heading === undefined) {
          const code = /^##\s*$/.test(line) ? ContractTemplateProblemCode.EMPTY_HEADING : ContractTemplateProblemCode.BAD_HEADING;
          problems.push({ code, line: lineNo, placeholder: null });
          return;
        }
        if (NUMBERED_HEADING.test(heading)) problems.push({ code: ContractTemplateProblemCode.MANUAL_NUMBERING, line: lineNo, placeholder: null });
        scanLine(heading, lineNo, problems);
        sections.push({ heading, clauses: [], line: lineNo });
        return;
      }
      scanLine(line, lineNo, problems);
      if (!paragraph.length) paragraphLine = lineNo;
      paragraph.push(line);
    });
  flush();

  if (!sections.length) problems.push({ code: ContractTemplateProblemCode.NO_SECTIONS, line: null, placeholder: null });
  for (const s of sections) if (!s.clauses.length) problems.push({ code: ContractTemplateProblemCode.EMPTY_SECTION, line: s.line, placeholder: null });
  if (problems.length) {
    // whole-text problems (line null) first, then by line
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  }
  return { ok: true, template: { preamble, sections: sections.map(({ heading, clauses }) => ({ heading, clauses })) } };
}

/** Sections and clauses with their numbers (1, 1.1 …), text as written (placeholders kept): a preview. */
export function numberContractTemplate(parsed: ParsedTemplate): NumberedTemplate {
  return {
    preamble: [...parsed.preamble],
    sections: parsed.sections.map((s, i) => ({
      number: String(i + 1),
      heading: s.heading,
      clauses: s.clauses.map((text, j) => ({ number: `${i + 1}.${j + 1}`, text })),
    })),
  };
}

/**
 * The template with every placeholder replaced by its value, numbered. Values are inserted as
 * they are (never read as template text). Throws when any placeholder of the whitelist has no
 * value, used by this template or not: the caller supplies all of them.
 */
export function renderContractTemplate(parsed: ParsedTemplate, values: Record<Placeholder, string>): NumberedTemplate {
  const missing = PLACEHOLDERS.filter((p) => typeof values[p] !== 'string');
  if (missing.length) throw new Error(`contract template: no value for ${missing.join(', ')}`);
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (_all, raw: string) => {
      const name = raw.trim();
      if (!isPlaceholder(name)) throw new Error(`contract template: unknown placeholder {{${name}}}`);
      return values[name];
    });
  const numbered = numberContractTemplate(parsed);
  return {
    preamble: numbered.preamble.map(fill),
    sections: numbered.sections.map((s) => ({ ...s, heading: fill(s.heading), clauses: s.clauses.map((c) => ({ ...c, text: fill(c.text) })) })),
  };
}

/**
 * The value of `contract.actSignDays`: the days with the word in agreement, as it reads after
 * «в течение» / «в срок до» / "within": 5 → «5 календарных дней», 21 → «21 календарного дня»,
 * «1 календарен ден», "1 calendar day".
 */
export function calendarDays(days: number, locale: Locale): string {
  if (locale === Locale.RU) return `${days} ${days % 10 === 1 && days % 100 !== 11 ? 'календарного дня' : 'календарных дней'}`;
  if (locale === Locale.BG) return `${days} ${days === 1 ? 'календарен ден' : 'календарни дни'}`;
  return `${days} ${days === 1 ? 'calendar day' : 'calendar days'}`;
}
