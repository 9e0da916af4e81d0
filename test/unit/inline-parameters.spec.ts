import fc from 'fast-check';
import { escapeLiteral } from 'pg';
import { inlineParameters, quoteLiteral } from '../../src/db/inline-parameters';

describe('inlineParameters (a statement and its values as one piece of SQL)', () => {
  it('replaces each $n by its value as a quoted literal, in any order and repeated', () => {
    expect(inlineParameters('SELECT * FROM t WHERE a = $2 AND b = $1 OR c = $2', ['x', 7])).toBe("SELECT * FROM t WHERE a = '7' AND b = 'x' OR c = '7'");
  });

  it('tells $1 from $10', () => {
    const values = Array.from({ length: 10 }, (_, i) => `v${i + 1}`);
    expect(inlineParameters('SELECT $1, $10', values)).toBe("SELECT 'v1', 'v10'");
  });

  it('quotes what could end a literal: quotes and backslashes', () => {
    expect(inlineParameters('SELECT $1', ["O'Brien"])).toBe("SELECT 'O''Brien'");
    expect(inlineParameters('SELECT $1', ['a\\b'])).toBe("SELECT  E'a\\\\b'");
    expect(inlineParameters('SELECT $1', ["'); DROP TABLE clients; --"])).toBe("SELECT '''); DROP TABLE clients; --'");
  });

  it('writes null and undefined as NULL, and arrays, dates and objects in the text pg would bind', () => {
    expect(inlineParameters('SELECT $1, $2', [null, undefined])).toBe('SELECT NULL, NULL');
    expect(inlineParameters('SELECT $1::uuid[]', [['a', 'b']])).toBe(`SELECT '{"a","b"}'::uuid[]`);
    expect(inlineParameters('SELECT $1::jsonb', [{ k: "it's" }])).toBe(`SELECT '{"k":"it''s"}'::jsonb`);
    expect(inlineParameters('SELECT $1, $2', [true, -5])).toBe("SELECT 'true', '-5'");
    expect(inlineParameters('SELECT $1::timestamptz', [new Date('2026-12-02T10:00:00.000Z')])).toMatch(/^SELECT '2026-12-02T\d\d:00:00\.000[+-]\d\d:\d\d'::timestamptz$/);
  });

  it('leaves $n inside string literals, quoted identifiers, dollar quotes and comments alone', () => {
    const sql = `SELECT '$1', E'\\'$1', "a$1", $$ $1 $$, $fn$ $1 $fn$, $1 -- $1\n, /* $1 /* $1 */ */ $2`;
    expect(inlineParameters(sql, ['x', 'y'])).toBe(`SELECT '$1', E'\\'$1', "a$1", $$ $1 $$, $fn$ $1 $fn$, 'x' -- $1\n, /* $1 /* $1 */ */ 'y'`);
  });

  it('leaves a statement without values as it is', () => {
    expect(inlineParameters('SELECT 1', [])).toBe('SELECT 1');
    expect(inlineParameters('SELECT 1', undefined)).toBe('SELECT 1');
  });

  it('gives up on a value without a text form (a Buffer is bound as binary)', () => {
    expect(inlineParameters('SELECT $1', [Buffer.from('%PDF')])).toBeNull();
  });

  it('refuses a placeholder without a value', () => {
    expect(() => inlineParameters('SELECT $1, $2', ['x'])).toThrow(/\$2 has no value/);
  });

  it("quotes every text exactly as pg's escapeLiteral does", () => {
    for (const t of ['', 'x', "'", '\\', "a'b\\c", '{"a","b"}', 'Ведение рекламной кампании', '2026-12-02', '€\u0001\n']) {
      expect(quoteLiteral(t)).toBe(escapeLiteral(t));
    }
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', "'", '\\', 'я', ' ', '"', '$', '😀') }), (t) => quoteLiteral(t) === escapeLiteral(t)),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (t) => quoteLiteral(t) === escapeLiteral(t)), { numRuns: 2000 });
  });
});
