import DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { Agency, Client, Contact, User } from '../entities';
import { scoped } from '../services/scope';

/** Per-request batching loaders: a nested list never issues one query per row. */
export interface Loaders {
  clientById: DataLoader<string, Client | null>;
  userById: DataLoader<string, User | null>;
  agencyById: DataLoader<string, Agency | null>;
  /** active (not archived) contacts of each client, primary first, then by name */
  contactsByClient: DataLoader<string, Contact[]>;
}

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

/** `ctx` is read lazily, so the loaders always use the request's current manager. */
export function createLoaders(ctx: () => RequestContext): Loaders {
  return {
    clientById: new DataLoader(async (ids) => byId(ids, await scoped(ctx(), Client).findByIds(ids))),
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
      const grouped = new Map<string, Contact[]>();
      for (const row of rows) {
        const list = grouped.get(row.clientId) ?? [];
        list.push(row);
        grouped.set(row.clientId, list);
      }
      return clientIds.map((id) => grouped.get(id) ?? []);
    }),
  };
}
