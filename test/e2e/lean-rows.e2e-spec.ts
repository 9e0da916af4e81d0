import { createApp, type CreatedApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createDataSource } from '../../src/db/data-source';
import { leanMany } from '../../src/db/lean-rows';
import { seedDemo } from '../../src/seed/demo';
import type { DataSource } from 'typeorm';
import { dropDatabase, recreateDatabase, withDatabase } from '../../scripts/db-admin';
import { BASE_URL, workerDatabaseName } from '../support/databases';

/**
 * leanMany skips TypeORM's hydration on the hot reads (pages, loaders). It must give every
 * property the value getMany gives it, for every entity and column type the project stores
 * (uuid, text, numeric strings, calendar-date strings, instants, enums, enum and varchar arrays,
 * jsonb…): compared here on the whole demo data set, table by table.
 */
let ds: DataSource;
let app: CreatedApp;

// a database of this file's own: the demo's logins are fixed, and another file of this worker seeds the demo too
const database = `${workerDatabaseName()}_lean`;

beforeAll(async () => {
  await recreateDatabase(BASE_URL, database);
  const url = withDatabase(BASE_URL, database);
  const config = loadConfig({ ...process.env, DATABASE_URL: url, WORKERS: '0' });
  ds = createDataSource({ url, poolSize: 3, applicationName: 'jest-lean' });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'all' });
  app = await createApp(ds, config);
  await seedDemo(ds, app);
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await ds?.destroy();
  await dropDatabase(BASE_URL, database);
});

describe('leanMany', () => {
  it('reads every stored row exactly as getMany does, as plain objects', async () => {
    const compared: string[] = [];
    const columnTypes = new Set<string>();
    for (const metadata of ds.entityMetadatas) {
      if (metadata.tableType !== 'regular') continue;
      const query = () => {
        const qb = ds.getRepository(metadata.target).createQueryBuilder('x');
        for (const pk of metadata.primaryColumns) qb.addOrderBy(`x."${pk.databaseName}"`, 'ASC');
        return qb.limit(500);
      };
      const hydrated = await query().getMany();
      if (hydrated.length === 0) continue;
      const lean = await leanMany(query());
      expect({ entity: metadata.name, rows: lean }).toEqual({ entity: metadata.name, rows: hydrated });
      // the same properties, none more (toEqual alone would let an extra undefined one pass)
      const defined = (o: object) => Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined).sort();
      lean.forEach((row, i) => expect([metadata.name, defined(row)]).toEqual([metadata.name, defined(hydrated[i])]));
      expect(Object.getPrototypeOf(lean[0])).toBe(Object.prototype);
      compared.push(metadata.name);
      for (const c of metadata.columns) columnTypes.add(`${String(typeof c.type === 'function' ? c.type.name : c.type)}${c.isArray ? '[]' : ''}`);
    }
    // the demo covers the aggregates the hot reads serve, and the column types that need care
    expect(compared).toEqual(expect.arrayContaining(['Invoice', 'InvoiceLine', 'Client', 'Contact', 'Campaign', 'KpiMeasurement']));
    expect(compared.length).toBeGreaterThanOrEqual(25);
    expect([...columnTypes]).toEqual(expect.arrayContaining(['enum', 'date', 'timestamptz', 'numeric', 'uuid']));
  }, 120_000);

  it('falls back to hydration for a query with joins', async () => {
    const qb = ds.getRepository('Invoice').createQueryBuilder('i').leftJoinAndSelect('i.client', 'c').orderBy('i.id').limit(5);
    const rows = await leanMany(qb);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0].client?.id).toBe(rows[0].clientId);
  });
});
