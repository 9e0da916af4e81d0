import { Brackets, SelectQueryBuilder, type DataSource, type ObjectLiteral, type QueryRunner } from 'typeorm';
import { rawRowsOf, setStatementCheck } from '../../src/db/select-statements';
import { Client, Invoice } from '../../src/entities';
import { startTestApp, type TestApp } from '../support/app';
import { createClient, registerAgency } from '../support/factories';

/**
 * A list page's statement is built by TypeORM once per shape and reused with the request's values
 * (src/db/select-statements.ts). Whatever the values (lists of other lengths, other ids, a
 * cursor), the rows must be those TypeORM's own statement reads, and builders that are not a
 * plain select must be left to TypeORM.
 */
let t: TestApp;
let ds: DataSource;
let runner: QueryRunner;
let clientIds: string[];

beforeAll(async () => {
  t = await startTestApp({ env: { WORKERS: '0' } });
  ds = t.ds;
  // an agency of this file's own: four clients, the first two with invoices (12 and 6), created a minute apart
  const a = await registerAgency(t);
  clientIds = [];
  for (let i = 0; i < 4; i++) clientIds.push((await createClient(t, a.ownerToken, { name: `Клиент ${i}` })).id);
  await ds.query(
    `INSERT INTO invoices ("agencyId", "clientId", number, status, currency, "issueDate", "dueDate", subtotal, "vatTotal", total, "amountDue", "createdAt")
     SELECT $1, CASE WHEN i % 3 = 0 THEN $3::uuid ELSE $2::uuid END, 'С-' || i, 'ISSUED', 'RUB', '2026-06-01', '2026-06-15', 100, 22, 122, 122, now() - i * interval '1 minute'
       FROM generate_series(1, 18) i`,
    [a.agencyId, clientIds[0], clientIds[1]],
  );
  runner = ds.createQueryRunner();
}, 60_000);

afterAll(async () => {
  setStatementCheck(true);
  await runner?.release();
  await t?.close();
});

const invoicesOf = (ids: string[], opts: { limit?: number; after?: string } = {}) => {
  const qb = runner.manager.getRepository(Invoice).createQueryBuilder('i').where('i."clientId" IN (:...ids)', { ids });
  if (opts.after) qb.andWhere('i."createdAt" < :after::timestamptz', { after: opts.after });
  return qb.orderBy('i."createdAt"', 'DESC').addOrderBy('i.id', 'DESC').limit(opts.limit ?? 50);
};

describe('select statements built once per shape', () => {
  it.each([true, false])('reads the rows TypeORM reads, for lists of every length and other values (check %s)', async (check) => {
    setStatementCheck(check);
    const cases: SelectQueryBuilder<Invoice>[] = [
      invoicesOf(clientIds.slice(0, 1)),
      invoicesOf(clientIds.slice(0, 3)),
      invoicesOf(clientIds.slice(1, 2)),
      invoicesOf(clientIds.slice(0, 3), { limit: 2 }),
      invoicesOf(clientIds, { after: '2030-01-01T00:00:00.000Z' }),
      invoicesOf(clientIds, { after: '2000-01-01T00:00:00.000Z' }),
    ];
    let nonEmpty = 0;
    for (const qb of cases) {
      const expected = await qb.clone().getRawMany();
      if (expected.length > 0) nonEmpty++;
      expect(await rawRowsOf(qb)).toEqual(expected);
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(4);
    // a list bound whole, and a builder with no parameters at all
    const any = runner.manager.getRepository(Client).createQueryBuilder('c').where('c.id = ANY(:ids)', { ids: clientIds.slice(0, 2) }).orderBy('c.id');
    expect((await rawRowsOf(any)).map((r) => r.c_id)).toEqual([...clientIds.slice(0, 2)].sort());
    const all = runner.manager.getRepository(Client).createQueryBuilder('c').orderBy('c.name').limit(3);
    expect(await rawRowsOf(all)).toEqual(await all.clone().getRawMany());
  });

  it('builds a shape once: the next builder of that shape is not turned into SQL again', async () => {
    setStatementCheck(false);
    const built = jest.spyOn(SelectQueryBuilder.prototype, 'getQueryAndParameters');
    try {
      const first = invoicesOf(clientIds.slice(2, 4), { limit: 7 });
      await rawRowsOf(first);
      const afterFirst = built.mock.calls.length;
      const second = invoicesOf([clientIds[0], clientIds[3]], { limit: 7 });
      const rows = await rawRowsOf(second);
      expect(built.mock.calls.length).toBe(afterFirst);
      built.mockRestore();
      expect(rows).toEqual(await invoicesOf([clientIds[0], clientIds[3]], { limit: 7 }).getRawMany());
    } finally {
      built.mockRestore();
    }
  });

  it('leaves builders that are not a plain select to TypeORM', async () => {
    setStatementCheck(false);
    const built = jest.spyOn(SelectQueryBuilder.prototype, 'getQueryAndParameters');
    try {
      const bracketed = () =>
        runner.manager
          .getRepository(Client)
          .createQueryBuilder('c')
          .where(new Brackets((w) => w.where('c.id = :a', { a: clientIds[0] }).orWhere('c.id = :b', { b: clientIds[1] })))
          .orderBy('c.id');
      const joined = () => runner.manager.getRepository(Invoice).createQueryBuilder('i').leftJoin('i.client', 'c').where('c.id IN (:...ids)', { ids: clientIds }).orderBy('i.id').limit(3);
      const noRunner = () => ds.getRepository(Client).createQueryBuilder('c').orderBy('c.id').limit(2);
      for (const make of [bracketed, joined, noRunner] as unknown as (() => SelectQueryBuilder<ObjectLiteral>)[]) {
        const before = built.mock.calls.length;
        const rows = await rawRowsOf(make());
        expect(built.mock.calls.length).toBeGreaterThan(before); // built by TypeORM, every time
        built.mockClear();
        expect(rows).toEqual(await make().getRawMany());
      }
    } finally {
      built.mockRestore();
    }
  });
});
