import type DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { ContractApproval, ContractPaymentItem } from '../entities';
import { childRows } from './loader-kit';

export interface ContractLoaders {
  /** payment-schedule items of each contract, in position order */
  contractPaymentItems: DataLoader<string, ContractPaymentItem[]>;
  /** approvals of each contract, by round, then in the approvers' given order */
  contractApprovals: DataLoader<string, ContractApproval[]>;
}

export function createContractLoaders(ctx: RequestContext): ContractLoaders {
  return {
    contractPaymentItems: childRows(ctx, ContractPaymentItem, 'contractId', ['position']),
    contractApprovals: childRows(ctx, ContractApproval, 'contractId', ['round', 'position']),
  };
}
