import { Field, ID, ObjectType } from 'type-graphql';
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

  @Field({ description: 'When the agency registered.' })
  createdAt: Date;
}
