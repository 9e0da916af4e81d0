import { Field, ID, ObjectType } from 'type-graphql';
import { CurrencyCode, InvoiceKind, InvoiceStatus, PaymentKind, PaymentMethod, PriceBasis } from '../../entities/enums';
import { Connection } from '../common/connection';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { PortalHidden, PortalVisible } from '../common/visibility';
import { RowsOf } from '../common/row-projection';
import { Invoice, InvoiceLine } from '../../entities';
import './invoice.enums';

@RowsOf(InvoiceLine)
@ObjectType('InvoiceLine', { description: 'A line of an invoice. VAT is computed per line (see Invoice).' })
export class InvoiceLineType {
  @PortalVisible()
  @Field(() => ID, { description: 'Id.' })
  id: string;

  @PortalVisible()
  @Field({ description: 'Position, from 1.' })
  position: number;

  @PortalVisible()
  @Field({ description: 'What is billed.' })
  description: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Quantity (up to 3 decimals).' })
  quantity: string;

  @PortalVisible()
  @Field({ description: 'Unit, e.g. усл., шт., ч.' })
  unit: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Price per unit, without VAT.' })
  unitPrice: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'VAT rate in percent; null = without VAT.' })
  vatRate: string | null;

  @PortalVisible()
  @Field({ description: 'True when the rate was taken from the dated VAT table (fixed at issue, by the supply date).' })
  vatRateAuto: boolean;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'round(quantity × unitPrice, 2).' })
  net: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'round(net × rate / 100, 2).' })
  vat: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'net + vat.' })
  gross: string;
}

@ObjectType('Payment', { description: 'Money received (PAYMENT) or returned (REFUND) against an invoice; amounts are positive.' })
export class PaymentType {
  @PortalVisible()
  @Field(() => ID, { description: 'Id.' })
  id: string;

  @PortalVisible()
  @Field(() => ID, { description: 'The invoice.' })
  invoiceId: string;

  @PortalVisible()
  @Field(() => PaymentKind, { description: 'PAYMENT or REFUND.' })
  kind: PaymentKind;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Amount (positive).' })
  amount: string;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'Date the money moved.' })
  paidAt: string;

  @PortalVisible()
  @Field(() => PaymentMethod, { description: 'How.' })
  method: PaymentMethod;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Bank reference / payment order number.' })
  reference: string | null;

  @PortalVisible()
  @Field(() => ID, { nullable: true, description: 'For a refund: the payment returned.' })
  refundOfId: string | null;

  @PortalHidden()
  @Field(() => String, { nullable: true, description: 'Note, e.g. why a refund.' })
  note: string | null;

  @PortalVisible()
  @Field({ description: 'When recorded.' })
  createdAt: Date;
}

@RowsOf(Invoice)
@ObjectType('Invoice', {
  description:
    'Request for payment (счёт). Numbered only when issued, then immutable; corrections are a cancellation plus a new invoice.',
})
export class InvoiceType {
  @PortalVisible()
  @Field(() => ID, { description: 'Id.' })
  id: string;

  @PortalVisible()
  @Field(() => ID, { description: 'The client.' })
  clientId: string;

  @PortalVisible()
  @Field(() => ID, { nullable: true, description: 'The contract, if any.' })
  contractId: string | null;

  @PortalVisible()
  @Field(() => ID, { nullable: true, description: 'The payment-schedule item it bills, if any.' })
  scheduleItemId: string | null;

  @PortalVisible()
  @Field(() => InvoiceKind, { description: 'STANDARD, PREPAYMENT or FINAL.' })
  kind: InvoiceKind;

  @PortalVisible()
  @Field(() => PriceBasis, {
    description:
      "How the line prices read: the contract's basis for an invoice of a contract (VAT_INCLUDED: the price is what the client pays and the VAT part is extracted, so a schedule item's invoice totals the item amount), else VAT_ON_TOP (the price is net).",
  })
  priceBasis: PriceBasis;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Legal number, assigned when issued (never to drafts).' })
  number: string | null;

  @PortalVisible()
  @Field(() => InvoiceStatus, { description: 'Status.' })
  status: InvoiceStatus;

  @PortalVisible()
  @Field(() => CurrencyCode, { description: 'Currency.' })
  currency: CurrencyCode;

  @PortalVisible()
  @Field(() => DateScalar, { nullable: true, description: 'Issue date (set when issued).' })
  issueDate: string | null;

  @PortalVisible()
  @Field(() => DateScalar, { nullable: true, description: 'Supply date; chooses the VAT rate (the issue date when empty).' })
  supplyDate: string | null;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'Payment due / expiry date.' })
  dueDate: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Σ line net amounts.' })
  subtotal: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Σ line VAT amounts (VAT is computed once, per line).' })
  vatTotal: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'subtotal + vatTotal.' })
  total: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'FINAL invoices: prepayments received on the contract, deducted.' })
  prepaymentDeducted: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Σ totals of the credit notes issued against this invoice.' })
  creditedAmount: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'What the client owes on this invoice: total − prepaymentDeducted − creditedAmount.' })
  amountDue: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Σ payments − Σ refunds.' })
  paidAmount: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'amountDue − paidAmount (0 for a cancelled invoice).' })
  balanceDue: string;

  @PortalVisible()
  @Field({ description: "True when unpaid after the due date's day is over in the agency time zone." })
  overdue: boolean;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Notes printed on the invoice.' })
  notes: string | null;

  @PortalVisible()
  @Field(() => String, {
    nullable: true,
    description:
      'Why the invoice charges no VAT, printed on it: the wording of the agency\'s VAT regime on the supply date (e.g. «НДС не облагается в связи с применением упрощённой системы налогообложения (п. 2 ст. 346.11 НК РФ)»; BG: чл. 113, ал. 9 ЗДДС). Fixed at issue; null when VAT is charged.',
  })
  vatExemptionNote: string | null;

  @PortalVisible()
  @Field(() => Date, { nullable: true, description: 'When issued.' })
  issuedAt: Date | null;

  @PortalVisible()
  @Field(() => Date, { nullable: true, description: 'When cancelled.' })
  cancelledAt: Date | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Why cancelled.' })
  cancelReason: string | null;

  @PortalVisible()
  @Field(() => ID, { nullable: true, description: 'The cancelled invoice this one replaces.' })
  replacesInvoiceId: string | null;

  @PortalVisible()
  @Field({ description: 'When created.' })
  createdAt: Date;
}

@ObjectType('InvoiceConnection', { description: 'A page of invoices.' })
export class InvoiceConnection extends Connection(InvoiceType, 'Invoice') {}

