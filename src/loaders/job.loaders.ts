import type DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { Job } from '../entities/job.entity';
import { rowsById } from './loader-kit';

export interface JobLoaders {
  /** the agency's job records (e.g. the job of each import in a list) */
  jobById: DataLoader<string, Job | null>;
}

export function createJobLoaders(ctx: RequestContext): JobLoaders {
  return { jobById: rowsById(ctx, Job) };
}
