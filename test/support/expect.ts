/**
 * What a client sees in a GraphQL response, asserted the same way by every e2e file:
 * success, a thrown code (`errors[]`), bad input with its field paths, and a factory's result.
 */
import type { GqlResponse } from './app';

type Response = Pick<GqlResponse, 'body'> & { status?: number };

/** No errors and HTTP 200: returns `data`. */
export function expectOk(res: Response): any {
  expect(res.body.errors).toBeUndefined();
  expect(res.status).toBe(200);
  return res.body.data;
}

/**
 * Exactly one error, with `extensions.code` = `code`, never a server failure; a refused operation
 * never leaks a half-built object (every top-level field of `data`, if any, is null).
 * Returns the error's extensions (`fields`, `field`, `reason`, …).
 */
export function expectCode(res: Response, code: string): Record<string, any> {
  if (res.status !== undefined) expect(res.status).toBeLessThan(500);
  expect(res.body.errors).toBeDefined();
  expect(res.body.errors).toHaveLength(1);
  const ext = res.body.errors![0].extensions ?? {};
  expect(ext.code).toBe(code);
  if (res.body.data != null) expect(Object.values(res.body.data).every((v) => v === null)).toBe(true);
  return ext;
}

/** The `extensions.fields[].path` of the first error (empty when there is none). */
export function fieldPaths(res: Response): string[] {
  return (res.body.errors?.[0]?.extensions?.fields ?? []).map((f: { path: string }) => f.path);
}

/** `BAD_USER_INPUT` naming at least each of `paths` (e.g. `input.phone`); returns the extensions. */
export function expectBadInput(res: Response, ...paths: string[]): Record<string, any> {
  const ext = expectCode(res, 'BAD_USER_INPUT');
  for (const p of paths) expect(fieldPaths(res)).toContain(p);
  return ext;
}

/** `BAD_USER_INPUT`, and every field path it names, in order (for exact comparisons). */
export function badInputPaths(res: Response): string[] {
  expectCode(res, 'BAD_USER_INPUT');
  return fieldPaths(res);
}

/**
 * For factories: the value of `data[field]`, or a thrown error carrying the response when the
 * call failed (an error, a null, or another union member than `typename`).
 */
export function dataOf<T = any>(res: Response, field: string, typename?: string): T {
  const value = res.body.data?.[field];
  if (res.body.errors?.length || !value || (typename && value.__typename !== typename)) {
    throw new Error(`${field} failed: ${JSON.stringify(res.body.errors ?? res.body.data ?? res.body)}`);
  }
  return value as T;
}
