import { registerEnumType } from 'type-graphql';
import { ApprovalDecision, ContractStatus, PaymentTrigger } from '../../entities/enums';

registerEnumType(ContractStatus, {
  name: 'ContractStatus',
  description: 'Status of a contract.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; no number yet; invisible to the client portal.' },
    ON_APPROVAL: { description: "Numbered and waiting for the client's approvers." },
    SIGNED: { description: 'Signed by both sides.' },
    COMPLETED: { description: 'Fulfilled.' },
    TERMINATED: { description: 'Ended early.' },
  },
});

registerEnumType(ApprovalDecision, {
  name: 'ApprovalDecision',
  description: 'A client-side approver decision.',
  valuesConfig: {
    PENDING: { description: 'The approver has not decided yet.' },
    APPROVED: { description: 'The approver agreed to the contract.' },
    RETURNED: { description: 'The approver sent the contract back for corrections, with a comment.' },
  },
});

registerEnumType(PaymentTrigger, {
  name: 'PaymentTrigger',
  description: 'When a payment-schedule item falls due.',
  valuesConfig: {
    ON_SIGNING: { description: 'When the contract is signed (typically the prepayment).' },
    AFTER_DELIVERY: { description: 'After the work is delivered and accepted (postpayment).' },
    ON_DATE: { description: 'On a fixed calendar date (given in `dueOn`).' },
    MILESTONE: { description: 'When an agreed project milestone is reached.' },
  },
});

/** The answer an approver gives (PENDING is where every approval starts, never an answer). */
export enum ContractApprovalDecision {
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
}

registerEnumType(ContractApprovalDecision, {
  name: 'ContractApprovalDecision',
  description: "A client-side approver's answer on a contract.",
  valuesConfig: {
    APPROVED: { description: 'Approved as it is.' },
    RETURNED: { description: 'Returned for corrections (a comment is required): the contract goes back to DRAFT.' },
  },
});
