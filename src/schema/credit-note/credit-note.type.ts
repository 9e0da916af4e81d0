import { Field, ID, ObjectType } from 'type-graphql';
import { CurrencyCode } from '../../entities/enums';
import { Connection } from '../common/connection';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { PortalVisible } from '../common/visibility';

@ObjectType('CreditNoteLine', {
  description: 'What a credit note takes back of one invoice line, with VAT at that line\'s rate.',
})
export class CreditNoteLineType {
  @PortalVisible()
  @Field(() => ID, { description: 'Id.' })
  id: string;

  @PortalVisible()
  @Field({ description: 'Position, from 1.' })
  position: number;

  @PortalVisible()
  @Field(() => ID, { description: 'The invoice line this part reduces.' })
  invoiceLineId: string;

  @PortalVisible()
  @Field({ description: 'The invoice line\'s description.' })
  description: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { nullable: true, description: 'The invoice line\'s VAT rate in percent; null = without VAT.' })
  vatRate: string | null;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Net amount taken back: gross − vat.' })
  net: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'VAT taken back: round(gross × rate / (100 + rate), 2); the rest of the line\'s VAT when the rest of the line is taken back.' })
  vat: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Amount taken back, VAT included.' })
  gross: string;
}

@ObjectType('CreditNote', {
  description:
    'Credit note (корректировочный документ / кредитно известие): reduces what is due on an issued invoice by an amount or whole lines, with a reason. Numbered in its own gapless series when issued; immutable.',
})
export class CreditNoteType {
  @PortalVisible()
  @Field(() => ID, { description: 'Id.' })
  id: string;

  @PortalVisible()
  @Field(() => ID, { description: 'The client.' })
  clientId: string;

  @PortalVisible()
  @Field(() => ID, { description: 'The invoice it reduces.' })
  invoiceId: string;

  @PortalVisible()
  @Field(() => ID, { nullable: true, description: 'The invoice\'s contract, if any.' })
  contractId: string | null;

  @PortalVisible()
  @Field(() => String, { description: 'Legal number, from the agency\'s credit-note pattern (default КН-{YYYY}-{N:6}).' })
  number: string;

  @PortalVisible()
  @Field(() => CurrencyCode, { description: 'Currency (the invoice\'s).' })
  currency: CurrencyCode;

  @PortalVisible()
  @Field(() => DateScalar, { description: 'Issue date.' })
  issueDate: string;

  @PortalVisible()
  @Field({ description: 'Why the invoice is reduced, e.g. the client withdrew.' })
  reason: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Σ net amounts of the lines.' })
  subtotal: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'Σ VAT of the lines.' })
  vatTotal: string;

  @PortalVisible()
  @Field(() => DecimalScalar, { description: 'subtotal + vatTotal: what the invoice\'s amount due is reduced by.' })
  total: string;

  @PortalVisible()
  @Field({ description: 'When recorded.' })
  createdAt: Date;
}

@ObjectType('CreditNoteConnection', { description: 'A page of credit notes.' })
export class CreditNoteConnection extends Connection(CreditNoteType, 'CreditNote') {}
