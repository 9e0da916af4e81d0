import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ApprovalDecision, ContractStatus, CurrencyCode, PaymentTrigger, PriceBasis } from '../../entities/enums';
import { Connection } from '../common/connection';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { PortalHidden, PortalVisible } from '../common/visibility';
import './contract.enums';

@ObjectType('ContractCorrection', { description: 'A correction of a contract after an approver returned it: when it was returned and what was asked for.' })
export class ContractCorrectionType {
  @PortalVisible()
  @Field({ description: 'When the contract was returned for this correction.' })
  correctedAt: Date;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'What was asked for (the approver, and the comment).' })
  note: string | null;
}

@ObjectType('ContractPaymentItem', { description: 'One item of the payment schedule of a contract.' })
export class ContractPaymentItemType {
  @PortalVisible()
  @Field(() => ID, { description: 'Item id.' })
  id: string;

  @PortalVisible()
  @Field(() => Int, { description: 'Position in the schedule, from 1.' })
  position: number;

  @PortalVisible()
  @Field({ description: 'What the payment is, e.g. «Предоплата 50%».' })
  label: string;

  @PortalVisible()
  @Field(() => PaymentTrigger, { description: 'When it falls due.' })
  trigger: PaymentTrigger;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Share of the contract amount in percent, with two decimals ("50.00"); more only when the share was given with more ("33.3333").' })
  percent: string;

  @PortalVisible()
  @Field(() => DecimalScalar, {
    description: 'Amount of the item: percent of the contract amount rounded half-up to cents; the last item takes the remainder, so the items sum exactly to the contract amount.',
  })
  amount: string;

  @PortalVisible()
  @Field(() => DateScalar, { nullable: true, description: 'Due date (always set for ON_DATE items).' })
  dueOn: string | null;

  @PortalVisible()
  @Field({ description: 'Whether it is a prepayment.' })
  isPrepayment: boolean;

  @PortalVisible()
  @Field(() => DecimalScalar, {
    description: 'What the issued invoice of this item asks the client to pay (its amount due); "0.00" until an invoice for the item is issued.',
  })
  invoiced: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'What the client has paid on the invoice of this item, net of refunds.' })
  paid: string;

  @PortalVisible()
  @Field(() => DecimalScalar, {
    description: 'What is still to be collected for this item: the balance of its invoice once invoiced, else the item amount.',
  })
  due: string;
}

@ObjectType('ContractApproval', { description: 'One client-side approver of one approval round of a contract.' })
export class ContractApprovalType {
  @PortalVisible()
  @Field(() => ID, { description: 'Approval id (pass it to approveContract).' })
  id: string;

  @PortalVisible()
  @Field(() => Int, { description: 'Approval round: 1 for the first submission, +1 for every resubmission after a return.' })
  round: number;

  @PortalVisible()
  @Field({ description: 'Whether it belongs to the current (latest) round; earlier rounds are history.' })
  current: boolean;

  @PortalVisible()
  @Field({ description: 'Full name of the approver.' })
  name: string;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Position of the approver (director, accountant, lawyer…).' })
  position: string | null;

  @PortalVisible()
  @Field(() => ApprovalDecision, { description: 'PENDING until the approver decides.' })
  decision: ApprovalDecision;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'What the approver said.' })
  comment: string | null;

  @PortalVisible()
  @Field(() => Date, { nullable: true, description: 'When the decision was recorded.' })
  decidedAt: Date | null;

  @PortalHidden()
  @Field(() => ID, { nullable: true, description: 'The user who recorded the decision (the portal user, or agency staff on their behalf).' })
  decidedById: string | null;
}

@ObjectType('Contract', {
  description: 'A contract (договор) with a client: DRAFT → ON_APPROVAL (client-side approvers) → SIGNED → COMPLETED, or TERMINATED.',
})
export class ContractType {
  @PortalVisible()
  @Field(() => ID, { description: 'Contract id.' })
  id: string;

  @PortalVisible()
  @Field(() => ID, { description: 'Id of the client.' })
  clientId: string;

  @PortalHidden()
  @Field(() => ID, { nullable: true, description: 'Id of the deal this contract closes.' })
  dealId: string | null;

  @PortalVisible()
  @Field(() => ID, { nullable: true, description: 'Id of the proposal this contract follows.' })
  proposalId: string | null;

  @PortalVisible()
  @Field(() => String, {
    nullable: true,
    description: "Number from the agency's contract pattern (e.g. Д-2026-0001), assigned when the contract first leaves DRAFT; null before.",
  })
  number: string | null;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'Date of the contract.' })
  contractDate: string;

  @PortalVisible()
  @Field({ description: 'Subject of the contract.' })
  subject: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Contract amount (exact), VAT included or not as priceBasis says; the live invoices of the contract never bill more than it (CONTRACT_TOTAL_EXCEEDED).' })
  amount: string;

  @PortalVisible()
  @Field(() => CurrencyCode, { description: 'Currency of the amount.' })
  currency: CurrencyCode;

  @PortalVisible()
  @Field(() => PriceBasis, {
    description:
      'Whether the amount includes VAT (the invoices of its payment schedule total the item amounts, VAT extracted) or adds it on top (the item amounts are the nets). Its invoices and acts follow it.',
  })
  priceBasis: PriceBasis;

  @PortalVisible()
  @Field(() => DateScalar, { nullable: true, description: 'First day of the work.' })
  startsOn: string | null;

  @PortalVisible()
  @Field(() => DateScalar, { nullable: true, description: 'Last day of the work.' })
  endsOn: string | null;

  @PortalVisible()
  @Field(() => ContractStatus, { description: 'Current status.' })
  status: ContractStatus;

  @PortalVisible()
  @Field(() => Date, { nullable: true, description: 'When it was last submitted for approval.' })
  submittedAt: Date | null;

  @PortalVisible()
  @Field(() => DateScalar, { nullable: true, description: 'Date of signing.' })
  signedOn: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Who signed for the client.' })
  signedByClient: string | null;

  @PortalVisible()
  @Field(() => Date, { nullable: true, description: 'When it was completed or terminated.' })
  closedAt: Date | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Why it was terminated.' })
  terminationReason: string | null;

  @PortalVisible()
  @Field({ description: 'When created.' })
  createdAt: Date;

  @PortalVisible()
  @Field({ description: 'When last changed.' })
  updatedAt: Date;
}

@ObjectType('ContractConnection', { description: 'A page of contracts.' })
export class ContractConnection extends Connection(ContractType, 'Contract') {}
