import DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { Agency, User } from '../entities';
import { ownAgency } from '../services/scope';
import { byId, rowsById } from './loader-kit';

export interface UserLoaders {
  userById: DataLoader<string, User | null>;
  /** only the actor's own agency is ever visible: the agency is the tenant itself */
  agencyById: DataLoader<string, Agency | null>;
}

export function createUserLoaders(ctx: RequestContext): UserLoaders {
  return {
    userById: rowsById(ctx, User),
    agencyById: new DataLoader(async (ids) => {
      const own = await ownAgency(ctx, ids);
      return byId(ids, own ? [own] : []);
    }),
  };
}
