import type DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { BriefVersion } from '../entities';
import { childRows } from './loader-kit';

export interface BriefLoaders {
  /** earlier versions of each brief, newest first */
  briefVersions: DataLoader<string, BriefVersion[]>;
}

export function createBriefLoaders(ctx: RequestContext): BriefLoaders {
  return { briefVersions: childRows(ctx, BriefVersion, 'briefId', ['version DESC']) };
}
