import DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { Agency, Client, Contact, User } from '../entities';
import { scoped } from '../services/scope';

/** Per-request batching loaders: a nested list never issues one query per row. */
export interface Loaders {
  clientById: DataLoader<string, Client | null>;
  userById: DataLoader<string, User | null>;
  agencyById: DataLoader<string, Agency | null>;
  contactById: DataLoader<string, Contact | null>;
  /** active (not archived) contacts of each client, primary first, then by name */
  contactsByClient: DataLoader<string, Contact[]>;
  /**
   * A feature's own loader, created on first use in this request and reused after:
   * `ctx.loaders.named('proposalLines', ids => …)`. Keeps feature loaders next to their feature.
   */
  named<K, V>(name: string, batch: DataLoader.BatchLoadFn<K, V>): DataLoader<K, V>;
}

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

/** `ctx` is read lazily, so the loaders always use the request's current manager. */
export function createLoaders(ctx: () => RequestContext): Loaders {
  const named = new Map<string, DataLoader<unknown, unknown>>();
  return {
    named<K, V>(name: string, batch: DataLoader.BatchLoadFn<K, V>): DataLoader<K, V> {
      let loader = named.get(name) as DataLoader<K, V> | undefined;
      if (!loader) {
        loader = new DataLoader<K, V>(batch);
        named.set(name, loader as DataLoader<unknown, unknown>);
      }
      return loader;
    },
    clientById: new DataLoader(async (ids) => byId(ids, await scoped(ctx(), Client).findByIds(ids))),
    contactById: new DataLoader(async (ids) => byId(ids, await scoped(ctx(), Contact).findByIds(ids))),
    userById: new DataLoader(async (ids) => byId(ids, await scoped(ctx(), User).findByIds(ids))),
    agencyById: new DataLoader(async (ids) => {
      // the agency is the tenant itself: only the actor's own agency is ever visible
      const c = ctx();
      const own = ids.filter((id) => id === c.actor?.agencyId);
      const rows = own.length ? await c.manager.getRepository(Agency).findBy({ id: own[0] }) : [];
      return byId(ids, rows);
    }),
    contactsByClient: new DataLoader(async (clientIds) => {
      const rows = await scoped(ctx(), Contact)
        .query('c')
        .andWhere('c."clientId" IN (:...clientIds)', { clientIds: [...clientIds] })
        .andWhere('c."archivedAt" IS NULL')
        .orderBy('c."isPrimary"', 'DESC')
        .addOrderBy('c."fullName"', 'ASC')
        .addOrderBy('c.id', 'ASC')
        .getMany();
      return groupBy(clientIds, rows, (r) => r.clientId);
    }),
  };
}
