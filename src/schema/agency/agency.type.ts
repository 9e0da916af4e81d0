import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../common/scalars';
import { CurrencyCode, Locale } from '../../entities/enums';

@ObjectType('Agency', { description: 'The tenant: an advertising or digital agency.' })
export class AgencyType {
  @Field(() => ID, { description: 'Agency id.' })
  id: string;

  @Field({ description: 'Display name of the agency.' })
  name: string;

  @Field({ description: 'IANA time zone; due dates and "overdue" are evaluated in it.' })
  timeZone: string;

  @Field(() => Locale, { description: 'Default language of documents.' })
  locale: Locale;

  @Field(() => CurrencyCode, { description: 'Default currency of offers and invoices.' })
  defaultCurrency: CurrencyCode;

  @Field({ description: 'ISO 3166-1 alpha-2 country of the agency legal entity.' })
  country: string;

  @Field(() => DecimalScalar, { description: 'Allowed deviation of each 70/20/10 share, in percentage points (default 5).' })
  toolMixTolerancePp: string;

  @Field(() => Int, { description: 'A client not contacted for longer than this many days becomes a control point (default 30).' })
  maxContactIntervalDays: number;

  @Field(() => Int, { description: 'The meeting protocol is due this many days after the meeting (default 1).' })
  protocolDueDays: number;

  @Field({ description: 'When the agency registered.' })
  createdAt: Date;
}
