import {
  ASTNode,
  coerceInputValue,
  DocumentNode,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  isInputType as isGraphQLInputType,
  isNonNullType,
  Kind,
  ObjectFieldNode,
  OperationDefinitionNode,
  parse,
  Source,
  typeFromAST,
  ValueNode,
  visit,
} from 'graphql';
import { STATUS_CODES } from 'node:http';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { ErrorRequestHandler } from 'express';
import { unwrapResolverError } from '@apollo/server/errors';
import { getMetadataStorage } from 'type-graphql';
import type { RequestContext } from './context';
import { hasKey, keyOfEnglish, Locale, Msg, render, translateKey } from './i18n';
import type { Logger } from './logger';
import { isDatabaseUnavailable } from './db/availability';

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
  | 'TOO_MANY_ATTEMPTS'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'QUERY_TOO_COMPLEX'
  | 'REQUEST_TIMEOUT'
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

/**
 * Refused before any work, to be tried again later: HTTP 429 with Retry-After, and the wait in
 * `extensions.retryAfterSeconds` for clients that read only the body. TOO_MANY_ATTEMPTS: failed
 * logins of an account or an address; RATE_LIMITED: too many requests of a kind (sign-ups).
 */
export class RetryLaterError extends AppError {
  /** `key`: a message with the {{retryAfterSeconds}} placeholder */
  constructor(code: 'TOO_MANY_ATTEMPTS' | 'RATE_LIMITED', key: string, retryAfterMs: number) {
    const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super(code, { key, params: { retryAfterSeconds } }, { retryAfterSeconds });
    // Apollo sets the response's status and headers from this and strips it from the body
    Object.assign(this.extensions, { http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) } });
  }
}

/** Which limit a refused document broke: `extensions.reason` of QUERY_TOO_COMPLEX (README "Limits"). */
export type QueryLimit = 'COST' | 'NODES' | 'ALIASES' | 'DIRECTIVES' | 'DEPTH' | 'TOKENS';

/**
 * A document refused before anything ran (no resolver, no SQL): over one of the limits. The cost
 * is reported as `extensions.cost { requested, limit }`, the others as `extensions.limit` and
 * `extensions.found` (null when counting stopped at the limit, as parsing does for tokens).
 */
export class QueryTooComplexError extends AppError {
  constructor(reason: QueryLimit, limit: number, found: number | null) {
    super('QUERY_TOO_COMPLEX', { key: `errors.limits.${reason}`, params: { limit, found: found ?? limit } }, {
      reason,
      ...(reason === 'COST' ? { cost: { requested: found, limit } } : { limit, found }),
      // refused before execution: the client's request is at fault, not the server
      http: { status: 400 },
    });
  }
}

/**
 * The database could not be reached or dropped the connection mid-operation (a restart, a
 * failover): retryable. A read is retried by the server first (src/http/graphql-handler.ts); what
 * reaches the client is answered 503 with Retry-After. A write is never retried by the server: its
 * transaction was rolled back, the client decides.
 */
export class ServiceUnavailableError extends AppError {
  constructor(retryAfterSeconds: number) {
    super('SERVICE_UNAVAILABLE', { key: 'errors.serviceUnavailable' }, { retryAfterSeconds });
  }
}

/**
 * Over the agency's (or, anonymous, the client address's) cost budget: HTTP 429 with Retry-After,
 * and `extensions.retryAfterSeconds`, `extensions.cost { requested, limit, periodSeconds }`.
 */
export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number, cost: { requested: number; limit: number; periodSeconds: number }, anonymous: boolean) {
    super('RATE_LIMITED', { key: anonymous ? 'errors.limits.rateLimitedAnonymous' : 'errors.limits.rateLimited', params: { seconds: retryAfterSeconds } }, {
      retryAfterSeconds,
      cost,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
    });
  }
}

/** The request's time budget (REQUEST_TIMEOUT_MS) is spent: what had not started yet is not started. */
export class RequestTimeoutError extends AppError {
  constructor(timeoutMs: number) {
    super('REQUEST_TIMEOUT', { key: 'errors.limits.timeout', params: { seconds: Math.round(timeoutMs / 100) / 10 } }, { timeoutMs });
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

// ---------------------------------------------------------------------------------------------
// Input errors that GraphQL itself finds (a variable that does not coerce, a literal that does not
// fit its argument) are named by the argument path a front-end knows (`input.amount`), never by
// the variable that carried the value (`$i`): one shape, however the input travelled.

type Segment = string | number;

/** graphql-js names the field in these messages and points at the object that lacks (or has) it. */
const MISSING_OR_UNKNOWN_FIELD = /^Field "(?:\w+\.)?(\w+)" (?:of required type|is not defined by type)/;

/** Calls `onValue` for every value (and object field) inside every argument under `root`, with its path. */
function walkArgumentValues(root: ASTNode, onValue: (node: ValueNode | ObjectFieldNode, path: Segment[]) => void): void {
  const walk = (value: ValueNode, path: Segment[]): void => {
    onValue(value, path);
    if (value.kind === Kind.OBJECT) {
      for (const field of value.fields) {
        onValue(field, [...path, field.name.value]);
        walk(field.value, [...path, field.name.value]);
      }
    } else if (value.kind === Kind.LIST) {
      value.values.forEach((item, i) => walk(item, [...path, i]));
    }
  };
  visit(root, {
    Argument(arg) {
      walk(arg.value, [arg.name.value]);
      return false;
    },
  });
}

/** Where each variable of the operation is used: argument paths, e.g. `$i` → [["input"]], `$a` → [["input", "amount"]]. */
function variableUsages(document: DocumentNode, operation: OperationDefinitionNode): Map<string, Segment[][]> {
  const fragments = new Map<string, ASTNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const scope: ASTNode[] = [operation];
  const seen = new Set<string>();
  for (let i = 0; i < scope.length; i++) {
    visit(scope[i], {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !seen.has(spread.name.value)) {
          seen.add(spread.name.value);
          scope.push(fragment);
        }
      },
    });
  }
  const usages = new Map<string, Segment[][]>();
  for (const node of scope) {
    walkArgumentValues(node, (value, path) => {
      if (value.kind !== Kind.VARIABLE) return;
      const list = usages.get(value.name.value) ?? [];
      if (!list.some((p) => p.join('.') === path.join('.'))) list.push(path);
      usages.set(value.name.value, list);
    });
  }
  return usages;
}

/**
 * Coerces the operation's variables as execution would, but reports every value at fault by the
 * argument path it feeds (`input.lines.0.unitPrice`), with graphql-js's own message for it.
 */
export function variableInputErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): FieldError[] {
  const definitions = operation.variableDefinitions ?? [];
  if (!definitions.length) return [];
  const inputs = variables ?? {};
  const out: FieldError[] = [];
  let usages: Map<string, Segment[][]> | undefined;
  const report = (name: string, below: readonly Segment[], message: string) => {
    usages ??= variableUsages(document, operation);
    for (const root of usages.get(name) ?? [[`$${name}`]]) out.push({ path: [...root, ...below].join('.'), message });
  };
  for (const def of definitions) {
    const name = def.variable.name.value;
    const type = typeFromAST(schema, def.type);
    if (!type || !isGraphQLInputType(type)) continue; // the document is at fault: validation reported it
    if (!Object.prototype.hasOwnProperty.call(inputs, name)) {
      if (!def.defaultValue && isNonNullType(type)) report(name, [], `A value of type "${String(type)}" is required.`);
      continue;
    }
    const value = inputs[name];
    if (value === null && isNonNullType(type)) {
      report(name, [], `A value of type "${String(type)}" is required, not null.`);
      continue;
    }
    coerceInputValue(value, type, (path, _invalid, error) => {
      const field = MISSING_OR_UNKNOWN_FIELD.exec(error.message)?.[1];
      report(name, field ? [...path, field] : path, error.message);
    });
    if (out.length >= 50) break;
  }
  return out;
}

/**
 * Checks the variables before execution, so their errors carry argument paths (graphql-js would
 * report `"$i" … at "i.amount"`, or only `i` for a missing field).
 */
export function variableInputPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const fields = variableInputErrors(schema, document, operation, request.variables);
          if (!fields.length) return;
          const err = new BadUserInputError(fields);
          // thrown before execution: Apollo would answer 500 unless told this is the client's fault
          Object.assign(err.extensions, { http: { status: 400 } });
          throw err;
        },
      };
    },
  };
}

const LITERAL_KINDS = new Set<string>([
  Kind.INT,
  Kind.FLOAT,
  Kind.STRING,
  Kind.BOOLEAN,
  Kind.NULL,
  Kind.ENUM,
  Kind.LIST,
  Kind.OBJECT,
  Kind.OBJECT_FIELD,
]);

/** The request's document, parsed again on the error path only (once per request). */
const reparsed = new WeakMap<Source, DocumentNode | null>();
function documentOf(source: Source): DocumentNode | null {
  if (!reparsed.has(source)) {
    let doc: DocumentNode | null = null;
    try {
      doc = parse(source);
    } catch {
      doc = null;
    }
    reparsed.set(source, doc);
  }
  return reparsed.get(source) ?? null;
}

/**
 * A validation error about a literal inside an argument (`amount: 12` for a Decimal, `first: "x"`,
 * an unknown enum value, a missing or unknown input field) is the caller's input, not a broken
 * document: the argument path it sits at, or null for any other validation error (unknown
 * fields, depth, a variable's declared type or default value…).
 */
export function literalInputErrors(error: GraphQLError): FieldError[] | null {
  const node = error.nodes?.length === 1 ? error.nodes[0] : undefined;
  if (!node?.loc || !LITERAL_KINDS.has(node.kind)) return null;
  const doc = documentOf(node.loc.source);
  if (!doc) return null;
  let at: Segment[] | null = null;
  walkArgumentValues(doc, (value, path) => {
    if (!at && value.kind === node.kind && value.loc?.start === node.loc!.start) at = path;
  });
  if (!at) return null;
  const field = node.kind === Kind.OBJECT ? MISSING_OR_UNKNOWN_FIELD.exec(error.message)?.[1] : undefined;
  return [{ path: [...(at as Segment[]), ...(field ? [field] : [])].join('.'), message: error.message }];
}

const KNOWN_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
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

/** See createFormatError: the AppError a limit's refusal stands for, or null. */
function limitErrorOf(error: unknown, code: string | undefined, original: unknown, statementTimeoutMs: number): AppError | null {
  if (code === 'GRAPHQL_VALIDATION_FAILED' && error instanceof GraphQLError && error.originalError instanceof AppError) return error.originalError;
  // graphql-js 16 spells it "more that"
  if (code === 'GRAPHQL_PARSE_FAILED' && error instanceof GraphQLError) {
    const tokens = /Document contains more tha[nt] (\d+) tokens/.exec(error.message);
    if (tokens) return new QueryTooComplexError('TOKENS', Number(tokens[1]), null);
  }
  // SQLSTATE 57014 query_canceled: statement_timeout (DB_STATEMENT_TIMEOUT_MS) stopped a statement
  const e = original as { driverError?: { code?: string }; code?: string } | undefined;
  if ((e?.driverError?.code ?? e?.code) === '57014') return new RequestTimeoutError(statementTimeoutMs);
  return null;
}

/**
 * The one formatError: maps type-graphql's argument validation into BAD_USER_INPUT with the
 * fields at fault, keeps our own codes, and masks everything else as INTERNAL_SERVER_ERROR
 * (no stack, SQL or driver text outside development).
 */
export function createFormatError(opts: { isDev: boolean; logger: Logger; statementTimeoutMs?: number; retryAfterSeconds?: number }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    let original = unwrapResolverError(error) as (Error & { extensions?: Record<string, unknown> }) | undefined;
    let code = formatted.extensions?.code as string | undefined;

    // Our own errors raised where Apollo wraps them in its own code: a validation rule's (a limit
    // of graphql-armor) and graphql-js's token limit while parsing; a statement cancelled by
    // statement_timeout. Each is answered as the AppError it stands for.
    const own = limitErrorOf(error, code, original, opts.statementTimeoutMs ?? 0);
    if (own) {
      original = own;
      code = own.extensions.code as string;
      const { http: _http, ...extensions } = own.extensions as Record<string, unknown>;
      formatted = { message: own.message, ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}), extensions };
    }

    // a broken or refused database connection is an outage, not a bug: a retryable code, never INTERNAL_SERVER_ERROR
    if (!(original instanceof AppError) && isDatabaseUnavailable(original ?? error)) {
      opts.logger.warn({ err: original ?? error, path: formatted.path }, 'database unavailable during a GraphQL operation');
      const mapped = new ServiceUnavailableError(opts.retryAfterSeconds ?? 1);
      const out: Untranslated = { message: mapped.message, locations: formatted.locations, path: formatted.path, extensions: { ...mapped.extensions } };
      out[UNTRANSLATED] = { message: mapped.i18n, fields: [], messageFromFields: false };
      return out;
    }
    const validationErrors = original?.extensions?.validationErrors as ClassValidatorError[] | undefined;

    if (code === 'GRAPHQL_VALIDATION_FAILED' && error instanceof GraphQLError) {
      const fields = literalInputErrors(error);
      if (fields) {
        return {
          message: fields.map((f) => `${f.path}: ${f.message}`).join('; '),
          locations: formatted.locations,
          extensions: { code: 'BAD_USER_INPUT', fields },
        };
      }
    }

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
      // variable coercion errors are reported with argument paths by variableInputPlugin before
      // execution; this is the fallback should one still come from graphql-js (it names the
      // variable and the field only in the message)
      if (code === 'BAD_USER_INPUT' && !extensions.fields) {
        const at = /at "([^"]+)"/.exec(formatted.message)?.[1] ?? /Variable "\$(\w+)"/.exec(formatted.message)?.[1];
        extensions.fields = at ? [{ path: at, message: formatted.message }] : [];
      }
      // the caller's fault (a refused request, bad input, no access): a stack would only show
      // our internals, in development too
      delete extensions.stacktrace;
      if (extensions.validationErrorCode === 'INTROSPECTION_DISABLED') {
        // Apollo's text speaks to its own constructor; say which switch it is here
        const message = 'Schema introspection is off in production mode (NODE_ENV=development or INTROSPECTION=true turns it on)';
        return { ...formatted, message, extensions };
      }
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

// ---------------------------------------------------------------------------------------------
// The HTTP edge: what fails before GraphQL runs (the body parser) answers a GraphQL-shaped JSON
// error with a stable code, never Express's HTML page with a stack trace.

/** body-parser's error types (`err.type`), mapped once. */
const HTTP_EDGE_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.too.large': { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' },
  'parameters.too.many': { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body has too many parameters' },
  'entity.parse.failed': { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON' },
  'entity.verify.failed': { status: 400, code: 'BAD_REQUEST', message: 'The request body was refused' },
  'request.aborted': { status: 400, code: 'BAD_REQUEST', message: 'The request was aborted before its body was read' },
  'request.size.invalid': { status: 400, code: 'BAD_REQUEST', message: 'The request body does not match its Content-Length' },
  'encoding.unsupported': { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported Content-Encoding' },
  'charset.unsupported': { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported charset: send UTF-8 JSON' },
};

const HTTP_STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * Express's last error handler: `{ errors: [{ message, extensions: { code } }] }` for every
 * error outside GraphQL execution. The internal message and stack only in development.
 */
export function createHttpErrorHandler(opts: { isDev: boolean; logger: Logger; retryAfterSeconds?: number }): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    if (isDatabaseUnavailable(err)) {
      // e.g. a document download while the database restarts: retryable, like the GraphQL answer
      const retryAfterSeconds = opts.retryAfterSeconds ?? 1;
      ((req as { log?: Logger }).log ?? opts.logger).warn({ err }, 'database unavailable outside GraphQL');
      const mapped = new ServiceUnavailableError(retryAfterSeconds);
      res.status(503).setHeader('retry-after', String(retryAfterSeconds));
      res.json({ errors: [{ message: mapped.message, extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds } }] });
      return;
    }
    const e = (err ?? {}) as { type?: string; status?: number; statusCode?: number; limit?: number; message?: string; stack?: string };
    const known = e.type ? HTTP_EDGE_ERRORS[e.type] : undefined;
    const given = e.status ?? e.statusCode;
    const status = known?.status ?? (given && given >= 400 && given < 500 ? given : 500);
    const extensions: Record<string, unknown> = {
      code: known?.code ?? (status === 500 ? 'INTERNAL_SERVER_ERROR' : HTTP_STATUS_CODES[status] ?? 'BAD_REQUEST'),
    };
    let message = known?.message ?? (status === 500 ? 'Internal server error' : STATUS_CODES[status] ?? 'Bad request');
    if (status === 413 && typeof e.limit === 'number') extensions.limitBytes = e.limit;
    const log = (req as { log?: Logger }).log ?? opts.logger;
    if (status === 500) {
      log.error({ err }, 'unexpected error outside GraphQL');
      if (opts.isDev) {
        message = e.message || message;
        if (e.stack) extensions.stacktrace = e.stack.split('\n');
      }
    } else {
      log.info({ code: extensions.code, status, reason: e.message }, 'request refused at the HTTP edge');
    }
    res.status(status).json({ errors: [{ message, extensions }] });
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
