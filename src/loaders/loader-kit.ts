import { isUUID } from 'class-validator';
import DataLoader from 'dataloader';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { RequestContext } from '../context';
import { projectedColumns } from '../schema/common/row-projection';
import { scoped } from '../services/scope';

/** Orders rows to match the keys (null where missing). */
export function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

/** Groups rows under the keys (an empty list where none). */
export function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = grouped.get(k);
    if (list) list.push(row);
    else grouped.set(k, [row]);
  }
  return keys.map((k) => grouped.get(k) ?? []);
}

type Tenant = ObjectLiteral & { id: string; agencyId: string };

/**
 * Rows by id, through the scope (another agency's or an out-of-portal row loads as null); as
 * plain rows (leanMany): the loaders feed the nested reads, where hydration was the hot spot.
 */
export function rowsById<T extends Tenant>(ctx: RequestContext, entity: EntityTarget<T> & Function): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const valid = ids.filter((id) => isUUID(id));
    if (valid.length === 0) return ids.map(() => null);
    return byId(ids, await scoped(ctx, entity).rowsIn('id', valid, { columns: projectedColumns(ctx, entity) }));
  });
}

/**
 * The child rows of many parents in one query, in the given order (then by id): `order` lists
 * column names (quoted as written), each ascending unless suffixed with " DESC". Used by the
 * loaders below and, inside a transaction, by services that must read what they are changing.
 */
export async function childRowsOf<T extends Tenant>(
  ctx: RequestContext,
  entity: EntityTarget<T> & Function,
  parentColumn: keyof T & string,
  parentIds: readonly string[],
  order: string[],
  extraWhere?: string,
): Promise<T[]> {
  if (parentIds.length === 0) return [];
  // the parent key groups the rows (childRows); an operation may not show it
  const columns = projectedColumns(ctx, entity, [parentColumn]);
  return scoped(ctx, entity).rowsIn(parentColumn, parentIds, { order, where: extraWhere, columns });
}

/** The child rows of many parents, batched per request (see childRowsOf). */
export function childRows<T extends Tenant>(
  ctx: RequestContext,
  entity: EntityTarget<T> & Function,
  parentColumn: keyof T & string,
  order: string[],
  extraWhere?: string,
): DataLoader<string, T[]> {
  return new DataLoader(async (parentIds) =>
    groupBy(parentIds, await childRowsOf(ctx, entity, parentColumn, parentIds, order, extraWhere), (r) => String(r[parentColumn])),
  );
}
