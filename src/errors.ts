import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import { getMetadataStorage } from 'type-graphql';
import type { RequestContext } from './context';
import { hasKey, keyOfEnglish, Locale, Msg, render, translateKey } from './i18n';
import type { Logger } from './logger';

function isInputType(target: object | undefined): boolean {
  if (!target) return false;
  return getMetadataStorage().inputTypes.some((t) => t.target === target.constructor);
}

/**
 * The thrown-error channel. Every error a service throws on purpose is one of these; anything
 * else that reaches formatError is an internal error and is masked.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INTERNAL_SERVER_ERROR';

/** A human message: a key with params (preferred), or English text (translated when it is one of ours). */
export type Text = string | Msg;

export interface FieldError {
  /** dotted path of the argument at fault, e.g. "input.email" */
  path: string;
  message: Text;
}

/** The English text of a message (logs, and the wire until the reader's language is applied). */
function english(text: Text): string {
  return typeof text === 'string' ? text : render(Locale.EN, text);
}

/** The key of a message, if it has one (English text of one of our messages finds its key). */
function keyed(text: Text): Msg | null {
  if (typeof text !== 'string') return text;
  const key = keyOfEnglish(text);
  return key ? { key } : null;
}

export class AppError extends GraphQLError {
  /** the message as key + params, rendered in the request's language at the edge (translateErrorsPlugin) */
  readonly i18n: Msg | null;

  constructor(code: ErrorCode, message: Text, extra: Record<string, unknown> = {}) {
    super(english(message), { extensions: { code, ...extra } });
    this.i18n = keyed(message);
  }
}

export class BadUserInputError extends AppError {
  /** per field, the message as key + params (null: English text kept as written) */
  readonly fieldMessages: (Msg | null)[];
  /** true when the error's message is the list of the fields' messages (so it is rebuilt per language) */
  readonly messageFromFields: boolean;

  constructor(fields: FieldError[], message?: Text) {
    const plain = fields.map((f) => ({ path: f.path, message: english(f.message) }));
    super('BAD_USER_INPUT', message ?? plain.map((f) => `${f.path}: ${f.message}`).join('; '), { fields: plain });
    this.fieldMessages = fields.map((f) => keyed(f.message));
    this.messageFromFields = message === undefined;
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message: Text = { key: 'errors.unauthenticated.required' }) {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: Text = { key: 'errors.forbidden' }) {
    super('FORBIDDEN', message);
  }
}

/** Also what another agency's record looks like: indistinguishable from a missing one. */
export class NotFoundError extends AppError {
  constructor(entity: string, field = 'id') {
    const own = `errors.notFound.${entity}`;
    super('NOT_FOUND', hasKey(own) ? { key: own } : { key: 'errors.notFound.any', params: { entity } }, { entity, field });
  }
}

export class ConflictError extends AppError {
  /** reason: a stable SCREAMING_SNAKE_CASE sub-code, e.g. EMAIL_TAKEN */
  constructor(reason: string, message: Text, field?: string) {
    super('CONFLICT', message, { reason, ...(field ? { field } : {}) });
  }
}

interface ClassValidatorError {
  property: string;
  target?: object;
  constraints?: Record<string, string>;
  children?: ClassValidatorError[];
}

function flattenValidation(errors: ClassValidatorError[], prefix: string): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    for (const message of Object.values(e.constraints ?? {})) out.push({ path, message });
    if (e.children?.length) out.push(...flattenValidation(e.children, path));
  }
  return out;
}

const KNOWN_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** What formatError leaves for translateErrorsPlugin; a symbol key, so it never reaches the wire. */
const UNTRANSLATED = Symbol('untranslated');
interface Untranslated extends GraphQLFormattedError {
  [UNTRANSLATED]?: { message: Msg | null; fields: (Msg | null)[]; messageFromFields: boolean };
}

/**
 * The one formatError: maps type-graphql's argument validation into BAD_USER_INPUT with the
 * fields at fault, keeps our own codes, and masks everything else as INTERNAL_SERVER_ERROR
 * (no stack, SQL or driver text outside development).
 */
export function createFormatError(opts: { isDev: boolean; logger: Logger }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error) as (Error & { extensions?: Record<string, unknown> }) | undefined;
    const code = formatted.extensions?.code as string | undefined;
    const validationErrors = original?.extensions?.validationErrors as ClassValidatorError[] | undefined;

    if (Array.isArray(validationErrors)) {
      // type-graphql ArgumentValidationError. By convention every mutation takes one `input`
      // argument, while list queries spread their arguments (@ArgsType) at the top level.
      const fields = validationErrors.flatMap((e) => flattenValidation([e], isInputType(e.target) ? 'input' : ''));
      return {
        message: fields.length ? fields.map((f) => `${f.path}: ${f.message}`).join('; ') : 'Argument validation error',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', fields },
      };
    }

    if (original instanceof AppError || (code && KNOWN_CODES.has(code))) {
      const extensions: Record<string, unknown> = { ...formatted.extensions };
      const out: GraphQLFormattedError = { ...formatted, extensions };
      if (original instanceof AppError) {
        (out as Untranslated)[UNTRANSLATED] = {
          message: original.i18n,
          fields: original instanceof BadUserInputError ? original.fieldMessages : [],
          messageFromFields: original instanceof BadUserInputError && original.messageFromFields,
        };
      }
      // variable coercion errors (malformed Date, Decimal, enum…) name the field only in the message
      if (code === 'BAD_USER_INPUT' && !extensions.fields) {
        const at = /at "([^"]+)"/.exec(formatted.message)?.[1] ?? /Variable "\$(\w+)"/.exec(formatted.message)?.[1];
        extensions.fields = at ? [{ path: at, message: formatted.message }] : [];
      }
      if (!opts.isDev) delete extensions.stacktrace;
      return out;
    }

    // SQLSTATE class 22 (data exception): a value validation let through; the caller's input is at fault
    const sqlState = (original as { driverError?: { code?: string }; code?: string } | undefined)?.driverError?.code ?? (original as { code?: string } | undefined)?.code;
    if (typeof sqlState === 'string' && /^22[0-9A-Z]{3}$/.test(sqlState)) {
      opts.logger.warn({ err: original, path: formatted.path }, 'data exception from the database mapped to BAD_USER_INPUT');
      return {
        message: 'A value is out of range or malformed',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', fields: [] },
      };
    }

    opts.logger.error({ err: original ?? error, path: formatted.path }, 'unexpected error in GraphQL operation');
    return {
      message: opts.isDev && original?.message ? original.message : 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        ...(opts.isDev && formatted.extensions?.stacktrace ? { stacktrace: formatted.extensions.stacktrace } : {}),
      },
    };
  };
}

/** PostgreSQL unique_violation, so services can turn a lost race into a CONFLICT. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const pgCode = e?.driverError?.code ?? e?.code;
  const name = e?.driverError?.constraint ?? e?.constraint;
  return pgCode === '23505' && (!constraint || name === constraint);
}

/**
 * Thrown errors reach the reader in the request's language (ctx.locale). formatError has no
 * context, so it leaves each message's key on the formatted error and this plugin renders it once
 * the response is known; codes, reasons, entities and field paths are never touched. Messages
 * without a key (class-validator rules, GraphQL's own) stay English.
 */
export function translateErrorsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single') return;
          const locale = contextValue?.locale;
          for (const error of (response.body.singleResult.errors ?? []) as Untranslated[]) {
            const pending = error[UNTRANSLATED];
            if (!pending) continue;
            const fields = error.extensions?.fields as { path: string; message: string }[] | undefined;
            const translated = fields?.map((f, i) => {
              const m = pending.fields[i];
              return m ? { ...f, message: translateKey(locale, m.key, m.params) } : f;
            });
            let message = error.message;
            if (pending.messageFromFields && translated) message = translated.map((f) => `${f.path}: ${f.message}`).join('; ');
            else if (pending.message) message = translateKey(locale, pending.message.key, pending.message.params);
            Object.assign(error, { message, ...(translated ? { extensions: { ...error.extensions, fields: translated } } : {}) });
          }
        },
      };
    },
  };
}
