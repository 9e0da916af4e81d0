import type DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { ActLine } from '../entities';
import { childRows } from './loader-kit';

export interface ActLoaders {
  /** lines of each act, in position order */
  actLines: DataLoader<string, ActLine[]>;
}

export function createActLoaders(ctx: RequestContext): ActLoaders {
  return { actLines: childRows(ctx, ActLine, 'actId', ['position']) };
}
