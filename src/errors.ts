import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { getMetadataStorage } from 'type-graphql';
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

export interface FieldError {
  /** dotted path of the argument at fault, e.g. "input.email" */
  path: string;
  message: string;
}

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export class BadUserInputError extends AppError {
  constructor(fields: FieldError[], message?: string) {
    super('BAD_USER_INPUT', message ?? fields.map((f) => `${f.path}: ${f.message}`).join('; '), { fields });
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Authentication required') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this') {
    super('FORBIDDEN', message);
  }
}

/** Also what another agency's record looks like: indistinguishable from a missing one. */
export class NotFoundError extends AppError {
  constructor(entity: string, field = 'id') {
    super('NOT_FOUND', `${entity} not found`, { entity, field });
  }
}

export class ConflictError extends AppError {
  /** reason: a stable SCREAMING_SNAKE_CASE sub-code, e.g. EMAIL_TAKEN */
  constructor(reason: string, message: string, field?: string) {
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
      // variable coercion errors (malformed Date, Decimal, enum…) name the field only in the message
      if (code === 'BAD_USER_INPUT' && !extensions.fields) {
        const at = /at "([^"]+)"/.exec(formatted.message)?.[1] ?? /Variable "\$(\w+)"/.exec(formatted.message)?.[1];
        extensions.fields = at ? [{ path: at, message: formatted.message }] : [];
      }
      if (!opts.isDev) delete extensions.stacktrace;
      return { ...formatted, extensions };
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
