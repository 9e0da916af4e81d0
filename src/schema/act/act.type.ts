import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ActStatus, CurrencyCode } from '../../entities/enums';
import { Connection } from '../common/connection';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { PortalVisible } from '../common/visibility';
import './act.enums';

@ObjectType('ActLine', {
  description: 'A line of an act. net = round(quantity × unitPrice, 2), vat = round(net × vatRate / 100, 2), gross = net + vat.',
})
export class ActLineType {
  @PortalVisible()
  @Field(() => ID, { description: 'Line id.' })
  id: string;

  @PortalVisible()
  @Field(() => Int, { description: 'Position in the act, from 1.' })
  position: number;

  @PortalVisible()
  @Field({ description: 'What was done.' })
  description: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Quantity (exact, 3 decimals).' })
  quantity: string;

  @PortalVisible()
  @Field({ description: 'Unit of measure, e.g. «усл.».' })
  unit: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Price per unit without VAT (exact).' })
  unitPrice: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'VAT rate in percent; null means without VAT.' })
  vatRate: string | null;

  @PortalVisible()
  @Field({ description: 'Whether the rate is the standard rate from the dated VAT table, for the date of the act (its period end on a draft without a date).' })
  vatRateAuto: boolean;

  @PortalVisible()
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'For a line copied from an invoice: the VAT rate that invoice charged (null: without VAT, or a line of the act itself). When it differs from vatRate, the act shows the difference in vatDifference.',
  })
  invoicedVatRate: string | null;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Amount without VAT (exact, rounded once).' })
  net: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'VAT of the line (exact).' })
  vat: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Amount with VAT: net + vat.' })
  gross: string;
}

@ObjectType('Act', {
  description: 'An act of completed work (акт выполненных работ / оказанных услуг), issued by the agency and signed or disputed by the client.',
})
export class ActType {
  @PortalVisible()
  @Field(() => ID, { description: 'Act id.' })
  id: string;

  @PortalVisible()
  @Field(() => ID, { description: 'The client the work was done for.' })
  clientId: string;

  @PortalVisible()
  @Field(() => ID, { nullable: true, description: 'The contract the act is made under.' })
  contractId: string | null;

  @PortalVisible()
  @Field(() => [ID], { description: 'Invoices this act closes.' })
  invoiceIds: string[];

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Number, assigned once when the act is first issued (e.g. АКТ-2026-000001); null for a never-issued draft.' })
  number: string | null;

  @PortalVisible()
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date of the act: the shipment date of the services, whose VAT rate prices the act. On a draft, the date chosen for it (null: priced for the period end, dated when issued).',
  })
  actDate: string | null;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'First day of the period the work was done in.' })
  periodStart: string;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'Last day of the period.' })
  periodEnd: string;

  @PortalVisible()
  @Field(() => CurrencyCode, { description: 'Currency of every amount.' })
  currency: CurrencyCode;

  @PortalVisible()
  @Field(() => ActStatus, { description: 'Status.' })
  status: ActStatus;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Sum of the line nets (exact).' })
  subtotal: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Sum of the line VAT amounts (exact).' })
  vatTotal: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'subtotal + vatTotal (exact).' })
  total: string;

  @PortalVisible()
  @Field(() => DecimalScalar, {
    description:
      'VAT the client owes on top of the invoices the act closes, because the rate of the act date differs from the rate they charged (e.g. invoiced at 20 % in 2025, act dated 2026 at 22 %): act VAT − invoiced VAT of the copied lines. Included in total; 0.00 when the rates agree.',
  })
  vatDifference: string;

  @PortalVisible()
  @Field(() => Date, { nullable: true, description: 'When the act was (last) issued.' })
  issuedAt: Date | null;

  @PortalVisible()
  @Field(() => DateScalar, { nullable: true, description: 'Date the client signed it.' })
  signedOn: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Who signed it for the client.' })
  signedBy: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: "The client's most recent objection; kept after the act is corrected and reissued." })
  disputeReason: string | null;

  @PortalVisible()
  @Field(() => Date, { nullable: true, description: 'When the client last disputed the act.' })
  disputedAt: Date | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'RU: number of the VAT invoice (счёт-фактура) issued with the act.' })
  vatInvoiceNumber: string | null;

  @PortalVisible()
  @Field(() => DateScalar, { nullable: true, description: 'RU: date of the VAT invoice.' })
  vatInvoiceDate: string | null;

  @PortalVisible()
  @Field(() => Date, { description: 'When the act was created.' })
  createdAt: Date;

  @PortalVisible()
  @Field(() => Date, { description: 'When the act last changed.' })
  updatedAt: Date;
}

@ObjectType('ActConnection', { description: 'A page of acts, newest first.' })
export class ActConnection extends Connection(ActType, 'Act') {}
