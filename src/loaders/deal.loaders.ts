import type DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { DealDeviation, DealStageChange } from '../entities';
import { childRows } from './loader-kit';

export interface DealLoaders {
  /** stage changes of each deal, oldest first */
  dealHistory: DataLoader<string, DealStageChange[]>;
  /** deviations recorded on each deal, oldest first */
  dealDeviations: DataLoader<string, DealDeviation[]>;
}

export function createDealLoaders(ctx: RequestContext): DealLoaders {
  return {
    dealHistory: childRows(ctx, DealStageChange, 'dealId', ['changedAt', 'createdAt']),
    dealDeviations: childRows(ctx, DealDeviation, 'dealId', ['createdAt']),
  };
}
