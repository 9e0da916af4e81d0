import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { DriverUtils } from 'typeorm/driver/DriverUtils';
import type { Driver } from 'typeorm/driver/Driver';
import { rawRowsOf } from './select-statements';

/**
 * Column types whose value, as node-postgres parses it (with the DATE parser of data-source.ts),
 * is already what TypeORM's hydration would produce: these are copied as they come. Anything
 * else (enum arrays, hstore, simple-*, transformers…) goes through the driver's own conversion.
 */
const AS_PARSED = new Set<unknown>([
  'uuid',
  'varchar',
  'character varying',
  'text',
  'int',
  'integer',
  'int4',
  'smallint',
  'numeric',
  'decimal',
  'boolean',
  Boolean,
  String,
  Number,
  'date',
  'timestamptz',
  'timestamp with time zone',
  'json',
  'jsonb',
  'enum',
]);

interface Plan {
  /** the raw result key (`alias_column`) and the property it fills */
  fast: [key: string, property: string][];
  /** columns that need the driver's conversion or TypeORM's own setter (relation ids, embeddeds) */
  slow: [key: string, column: ColumnMetadata][];
}

const plans = new WeakMap<EntityMetadata, Map<string, Plan>>();
const MAX_PLANS_PER_ENTITY = 256;

/** The plan of the columns read under `alias`: all of the entity's, or only `columns` (a projection). */
function planFor(driver: Driver, metadata: EntityMetadata, alias: string, columns: readonly string[] | null): Plan {
  let byAlias = plans.get(metadata);
  if (!byAlias) plans.set(metadata, (byAlias = new Map()));
  const key = columns ? `${alias}\u0000${columns.join(',')}` : alias;
  let plan = byAlias.get(key);
  if (plan) return plan;
  plan = { fast: [], slow: [] };
  const only = columns && new Set(columns);
  for (const column of metadata.columns) {
    if (only && !only.has(column.propertyName)) continue;
    const rawKey = DriverUtils.buildAlias(driver, undefined, alias, column.databaseName);
    const plain = !column.embeddedMetadata && !column.isVirtual && !column.transformer && !column.isArray && AS_PARSED.has(column.type);
    if (plain) plan.fast.push([rawKey, column.propertyName]);
    else plan.slow.push([rawKey, column]);
  }
  // projections come from the documents clients send: kept up to a bound, made afresh beyond it
  if (byAlias.size < MAX_PLANS_PER_ENTITY) byAlias.set(key, plan);
  return plan;
}

/**
 * `qb.getMany()` for the hot reads, without TypeORM's hydration: the same SQL, and the rows as
 * plain objects with the entity's properties and the values getMany would give them (no class
 * instances: nothing here relies on `instanceof` an entity, and entities carry no methods).
 * A query with joins or relation ids is hydrated the usual way. Measured on the nested invoice
 * list (issue 12): hydration was the largest single cost of a read after garbage collection.
 */
export async function leanMany<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, columns: readonly string[] | null = null): Promise<T[]> {
  const map = qb.expressionMap;
  const main = map.mainAlias;
  if (!main?.hasMetadata || map.joinAttributes.length > 0 || map.relationIdAttributes.length > 0 || map.relationCountAttributes.length > 0) {
    return qb.getMany();
  }
  const metadata = main.metadata;
  // single-table inheritance picks each row's class by its discriminator: TypeORM's job
  if (metadata.discriminatorColumn || metadata.childEntityMetadatas.length > 0) return qb.getMany();
  // only these columns (src/schema/common/row-projection.ts): the plan fills what came
  if (columns) qb.select(columns.map((c) => `${main.name}.${c}`));
  return leanRows<T>(await rawRowsOf(qb), metadata, main.name, qb.connection.driver, columns);
}

/**
 * Raw rows of a statement that selected the entity's columns under `alias` (TypeORM's
 * `alias_column` keys), as leanMany's rows; `columns`: the ones selected, when not all.
 */
export function leanRows<T>(raw: Record<string, unknown>[], metadata: EntityMetadata, alias: string, driver: Driver, columns: readonly string[] | null): T[] {
  const plan = planFor(driver, metadata, alias, columns);
  const out = new Array<T>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i];
    const row: Record<string, unknown> = {};
    for (const [key, property] of plan.fast) {
      const v = r[key];
      if (v !== undefined) row[property] = v;
    }
    for (const [key, column] of plan.slow) {
      const v = r[key];
      if (v !== undefined) column.setEntityValue(row, driver.prepareHydratedValue(v, column));
    }
    out[i] = (columns && guardNarrowRows ? narrowGuard(row, metadata, columns) : row) as T;
  }
  return out;
}

/** Set in tests (createApp, NODE_ENV=test): a narrowed row refuses a read of a column it was not given. */
let guardNarrowRows = false;

export function setNarrowRowGuard(on: boolean): void {
  guardNarrowRows = on;
}

function narrowGuard(row: Record<string, unknown>, metadata: EntityMetadata, columns: readonly string[]): Record<string, unknown> {
  const given = new Set(columns);
  const all = new Set(metadata.columns.map((c) => c.propertyName));
  return new Proxy(row, {
    get(target, property, receiver) {
      if (typeof property === 'string' && all.has(property) && !given.has(property)) {
        throw new Error(`row projection: ${metadata.name}.${property} was not read for this operation (declare it with @RowsAsRead)`);
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
