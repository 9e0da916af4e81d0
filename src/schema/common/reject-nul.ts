import type { ApolloServerPlugin } from '@apollo/server';
import { BadUserInputError, FieldError } from '../../errors';

function findNul(value: unknown, path: string, out: FieldError[]): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ path, message: `${path.split('.').pop()} must not contain the NUL character` });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findNul(v, `${path}.${i}`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) findNul(v, path ? `${path}.${k}` : k, out);
  }
}

/**
 * PostgreSQL text cannot hold U+0000; without this a NUL anywhere in the input would surface as a
 * driver error. Checked once per operation (variables and inline literals), before execution, so
 * no field resolver pays for it.
 */
export function rejectNulCharactersPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          const errors: FieldError[] = [];
          findNul(request.variables ?? {}, '', errors);
          if (request.query && (request.query.includes('\u0000') || /\\u0000/i.test(request.query))) {
            errors.push({ path: 'query', message: 'string literals must not contain the NUL character' });
          }
          if (errors.length) {
            const err = new BadUserInputError(errors);
            // thrown before execution: Apollo would answer 500 unless told this is the client's fault
            Object.assign(err.extensions, { http: { status: 400 } });
            throw err;
          }
        },
      };
    },
  };
}
