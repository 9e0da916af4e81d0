import { registerEnumType } from 'type-graphql';
import { DealDeviationKind, DealStage, DealStatus } from '../../entities/enums';

registerEnumType(DealStage, {
  name: 'DealStage',
  description: 'Stage of the simplified sales process.',
  valuesConfig: {
    PRESENTATION: { description: 'Presenting the agency and its services to the client.' },
    PROPOSAL: { description: 'A commercial offer is prepared, sent or being agreed.' },
    CONTRACT: { description: 'The contract is being drafted, approved by the client and signed.' },
    PAYMENT: { description: 'Waiting for the (pre)payment: work starts once it arrives.' },
    DELIVERY: { description: 'The agency does the work or runs the event.' },
    CLOSING: { description: 'Acceptance, the signed act, final payment and feedback from the client.' },
  },
});

registerEnumType(DealStatus, {
  name: 'DealStatus',
  description: 'Open, won or lost.',
  valuesConfig: {
    OPEN: { description: 'In progress at its current stage.' },
    WON: { description: 'Closed successfully: the work is delivered and accepted.' },
    LOST: { description: 'Closed without a sale, with the reason and the stage at which it was lost.' },
  },
});

registerEnumType(DealDeviationKind, {
  name: 'DealDeviationKind',
  description: 'A real-life deviation from the straight sales path.',
  valuesConfig: {
    PRESENTATION_REFUSED: { description: 'The client refused the presentation; a retry date is set.' },
    PROPOSAL_TO_REFINE: { description: 'The offer is not agreed and must be refined by a correction date.' },
    APPROVAL_REQUIRED: { description: 'Several people at the client (director, accountant…) must approve.' },
    PARTIAL_PAYMENT: { description: 'The client pays in parts (e.g. 50 % prepayment, 50 % after delivery).' },
    REFUND: { description: 'The client withdraws after a prepayment and money goes back.' },
    PREPARATION_APPROVAL: { description: "Preparatory steps of the delivery need the client's approval." },
    CLIENT_DISSATISFIED: { description: 'After delivery the client is not fully satisfied; the causes are recorded.' },
  },
});

/** How a deal ends. */
export enum DealOutcome {
  WON = 'WON',
  LOST = 'LOST',
}

registerEnumType(DealOutcome, {
  name: 'DealOutcome',
  description: 'How a deal is closed.',
  valuesConfig: {
    WON: { description: 'The sale happened (only from DELIVERY or CLOSING; the deal ends at CLOSING).' },
    LOST: { description: 'The client refused; the stage at that moment and the reason are recorded.' },
  },
});

/** A client-side approver's answer. */
export enum DealApprovalDecision {
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
}

registerEnumType(DealApprovalDecision, {
  name: 'DealApprovalDecision',
  description: "A client-side approver's answer.",
  valuesConfig: {
    APPROVED: { description: 'Approved.' },
    RETURNED: { description: 'Returned for changes; the approver may decide again after the rework.' },
  },
});
