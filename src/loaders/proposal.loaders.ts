import type DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { ProposalLine, ProposalRevision } from '../entities';
import { childRows } from './loader-kit';

export interface ProposalLoaders {
  /** media-plan lines of each proposal, in position order */
  proposalLines: DataLoader<string, ProposalLine[]>;
  /** revision history of each proposal, oldest first */
  proposalRevisions: DataLoader<string, ProposalRevision[]>;
}

export function createProposalLoaders(ctx: RequestContext): ProposalLoaders {
  return {
    proposalLines: childRows(ctx, ProposalLine, 'proposalId', ['position']),
    proposalRevisions: childRows(ctx, ProposalRevision, 'proposalId', ['revision']),
  };
}
