import DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { Agency, User } from '../entities';
import { ownAgency, scoped } from '../services/scope';
import { byId, rowsById } from './loader-kit';

export interface UserLoaders {
  userById: DataLoader<string, User | null>;
  /** only the actor's own agency is ever visible: the agency is the tenant itself */
  agencyById: DataLoader<string, Agency | null>;
  /** a client's account manager, readable by that client's portal users too (who see no other staff) */
  accountManagerById: DataLoader<string, User | null>;
}

export function createUserLoaders(ctx: RequestContext): UserLoaders {
  return {
    userById: rowsById(ctx, User),
    agencyById: new DataLoader(async (ids) => {
      const own = await ownAgency(ctx, ids);
      return byId(ids, own ? [own] : []);
    }),
    accountManagerById: new DataLoader(async (ids) => byId(ids, await scoped(ctx, User, { beyondPortal: true }).findByIds(ids))),
  };
}
