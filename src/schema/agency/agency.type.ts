import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../common/scalars';
import { CurrencyCode, Locale, PriceBasis, ToolMixBasis } from '../../entities/enums';
import { PortalHidden, PortalVisible } from '../common/visibility';

@ObjectType('Agency', { description: 'The tenant: an advertising or digital agency.' })
export class AgencyType {
  @PortalVisible()
  @Field(() => ID, { description: 'Agency id.' })
  id: string;

  @PortalVisible()
  @Field({ description: 'Display name of the agency.' })
  name: string;

  @PortalVisible()
  @Field({ description: 'IANA time zone; due dates and "overdue" are evaluated in it.' })
  timeZone: string;

  @PortalVisible()
  @Field(() => Locale, { description: 'Default language of documents.' })
  locale: Locale;

  @PortalVisible()
  @Field(() => CurrencyCode, { description: 'Default currency of offers and invoices.' })
  defaultCurrency: CurrencyCode;

  @PortalVisible()
  @Field({ description: 'ISO 3166-1 alpha-2 country of the agency legal entity.' })
  country: string;

  @PortalHidden()
  @Field(() => DecimalScalar, { description: 'Allowed deviation of each 70/20/10 share, in percentage points (default 5).' })
  toolMixTolerancePp: string;

  @PortalHidden()
  @Field(() => ToolMixBasis, {
    description: 'Which view of the 70/20/10 mix gates sending a proposal (default BUDGET_SHARE: budget shares, tool count for a plan without media budget).',
  })
  toolMixBasis: ToolMixBasis;

  @PortalHidden()
  @Field(() => PriceBasis, {
    description: 'The price basis new proposals and contracts take unless they state their own (default VAT_INCLUDED, «в т.ч. НДС»; irrelevant for an agency that is not a VAT payer).',
  })
  priceBasis: PriceBasis;

  @PortalHidden()
  @Field(() => Int, { description: 'A client not contacted for longer than this many days becomes a control point (default 30).' })
  maxContactIntervalDays: number;

  @PortalHidden()
  @Field(() => Int, { description: 'The meeting protocol is due this many days after the meeting (default 1).' })
  protocolDueDays: number;

  @PortalVisible()
  @Field({ description: 'When the agency registered.' })
  createdAt: Date;
}
