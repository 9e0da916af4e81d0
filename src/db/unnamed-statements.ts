import type { Pool } from 'pg';

/**
 * The pool, with every statement sent unnamed: rate-limiter-flexible names its statements
 * (prepared once per connection), which PgBouncer in transaction mode cannot follow before 1.21
 * (the next transaction may run on another server connection that never saw the PREPARE). The
 * statements are small; parsing them again is cheaper than a failed login.
 */
export function withUnnamedStatements(pool: Pool): Pool {
  return new Proxy(pool, {
    get(target, prop) {
      if (prop === 'query') {
        return (q: unknown, ...rest: unknown[]) => {
          if (q && typeof q === 'object' && 'name' in q) {
            const { text, values } = q as unknown as { text: string; values?: unknown[] };
            return (target.query as (...args: unknown[]) => unknown)({ text, values }, ...rest);
          }
          return (target.query as (...args: unknown[]) => unknown)(q, ...rest);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
