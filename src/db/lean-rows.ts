import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { DriverUtils } from 'typeorm/driver/DriverUtils';

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

function planFor(qb: SelectQueryBuilder<ObjectLiteral>, metadata: EntityMetadata, alias: string): Plan {
  let byAlias = plans.get(metadata);
  if (!byAlias) plans.set(metadata, (byAlias = new Map()));
  let plan = byAlias.get(alias);
  if (plan) return plan;
  plan = { fast: [], slow: [] };
  for (const column of metadata.columns) {
    const key = DriverUtils.buildAlias(qb.connection.driver, undefined, alias, column.databaseName);
    const plain = !column.embeddedMetadata && !column.isVirtual && !column.transformer && !column.isArray && AS_PARSED.has(column.type);
    if (plain) plan.fast.push([key, column.propertyName]);
    else plan.slow.push([key, column]);
  }
  byAlias.set(alias, plan);
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
  const plan = planFor(qb as unknown as SelectQueryBuilder<ObjectLiteral>, metadata, main.name);
  // only these columns (src/schema/common/row-projection.ts): the plan fills what came
  if (columns) qb.select(columns.map((c) => `${main.name}.${c}`));
  const raw: Record<string, unknown>[] = await qb.getRawMany();
  const driver = qb.connection.driver;
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
