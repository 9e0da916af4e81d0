import { escapeLiteral } from 'pg';

// pg's own conversion of a bound value to its text form (arrays, dates, JSON, toPostgres); untyped in @types/pg
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require('pg/lib/utils') as { prepareValue(value: unknown): unknown };

/**
 * A parameterised statement as one piece of SQL text: each `$n` outside string literals, quoted
 * identifiers, dollar-quoted bodies and comments becomes the value's text as a quoted literal
 * (pg's own text form of the value, escaped by pg's escapeLiteral), i.e. what the server would
 * have received as an untyped text parameter, now an untyped literal resolved by the same rules.
 * Returns null when a value has no text form (a Buffer is sent as binary): the caller binds it.
 *
 * Why: a statement and its tenant settings then travel as one simple-protocol message (one round
 * trip, see tenant-runner.ts), which cannot carry bind parameters.
 */
export function inlineParameters(sql: string, values: readonly unknown[] | undefined): string | null {
  if (!values || values.length === 0) return sql;
  const literals: string[] = [];
  for (const value of values) {
    const text = prepareValue(value) as unknown;
    if (text === null || text === undefined) literals.push('NULL');
    else if (typeof text === 'string') literals.push(quoteLiteral(text));
    else return null;
  }
  const { texts, params } = templateOf(sql);
  let out = texts[0];
  for (let i = 0; i < params.length; i++) {
    const index = params[i];
    if (index < 0 || index >= literals.length) throw new Error(`inlineParameters: $${index + 1} has no value (${literals.length} given)`);
    out += literals[index] + texts[i + 1];
  }
  return out;
}

/**
 * pg's escapeLiteral, the same text: a value with no quote and no backslash (ids, dates, numbers,
 * an array of ids; nearly every value) is only put between quotes. escapeLiteral itself builds its
 * result a character at a time, which allocated some 50 KB a request on the nested invoice list
 * (an array of 20 ids is some 750 characters).
 */
export function quoteLiteral(text: string): string {
  return text.indexOf("'") === -1 && text.indexOf('\\') === -1 ? `'${text}'` : escapeLiteral(text);
}

/** A statement's text split at its parameters: texts[0] $params[0] texts[1] … */
interface Template {
  texts: string[];
  params: number[];
}

/** Templates of the statements seen: the app sends the same few hundred texts again and again. */
const templates = new Map<string, Template>();
const MAX_TEMPLATES = 1_000;

function templateOf(sql: string): Template {
  let template = templates.get(sql);
  if (!template) {
    template = split(sql);
    // statements carry no values (those are parameters): the texts are the app's own; a bound anyway
    if (templates.size >= MAX_TEMPLATES) templates.clear();
    templates.set(sql, template);
  }
  return template;
}

function split(sql: string): Template {
  const texts: string[] = [];
  const params: number[] = [];
  let at = 0;
  let copied = 0;
  const n = sql.length;
  while (at < n) {
    const c = sql[at];
    if (c === "'") {
      // a string literal; E'…' takes backslash escapes ('' is a quote either way)
      const escapes = at > 0 && (sql[at - 1] === 'E' || sql[at - 1] === 'e') && !isWordChar(sql[at - 2]);
      at++;
      while (at < n) {
        if (escapes && sql[at] === '\\') at += 2;
        else if (sql[at] === "'") {
          if (sql[at + 1] === "'") at += 2;
          else break;
        } else at++;
      }
      at++;
    } else if (c === '"') {
      at = sql.indexOf('"', at + 1);
      while (at !== -1 && sql[at + 1] === '"') at = sql.indexOf('"', at + 2);
      at = at === -1 ? n : at + 1;
    } else if (c === '-' && sql[at + 1] === '-') {
      const end = sql.indexOf('\n', at);
      at = end === -1 ? n : end + 1;
    } else if (c === '/' && sql[at + 1] === '*') {
      // comments nest in PostgreSQL
      let depth = 1;
      at += 2;
      while (at < n && depth > 0) {
        if (sql[at] === '/' && sql[at + 1] === '*') (depth++, (at += 2));
        else if (sql[at] === '*' && sql[at + 1] === '/') (depth--, (at += 2));
        else at++;
      }
    } else if (c === '$') {
      const param = /^\$(\d+)/.exec(sql.slice(at, at + 12));
      if (param && !isWordChar(sql[at - 1])) {
        texts.push(sql.slice(copied, at));
        params.push(Number(param[1]) - 1);
        at += param[0].length;
        copied = at;
        continue;
      }
      // a dollar-quoted body: $tag$ … $tag$ (a $ inside an identifier is part of the name)
      const tag = /^\$([A-Za-z_][A-Za-z_0-9]*)?\$/.exec(sql.slice(at, at + 66));
      if (tag && !isWordChar(sql[at - 1])) {
        const end = sql.indexOf(tag[0], at + tag[0].length);
        at = end === -1 ? n : end + tag[0].length;
      } else at++;
    } else at++;
  }
  texts.push(sql.slice(copied));
  return { texts, params };
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_$]/.test(c);
}
