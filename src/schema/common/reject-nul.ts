import type { MiddlewareFn } from 'type-graphql';
import { BadUserInputError, FieldError } from '../../errors';

function findNul(value: unknown, path: string, out: FieldError[]): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ path, message: `${path.split('.').pop()} must not contain the NUL character` });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findNul(v, `${path}.${i}`, out));
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) findNul(v, path ? `${path}.${k}` : k, out);
  }
}

/**
 * PostgreSQL text cannot hold U+0000; without this a NUL anywhere in the input would surface as a
 * driver error. Every argument of every field is checked once, before the resolver runs.
 */
export const RejectNulCharacters: MiddlewareFn = ({ args }, next) => {
  if (args && Object.keys(args).length) {
    const errors: FieldError[] = [];
    findNul(args, '', errors);
    if (errors.length) throw new BadUserInputError(errors);
  }
  return next();
};
