import { registerEnumType } from 'type-graphql';
import {
  AddressForm,
  BrandStrength,
  CompanyLifeStage,
  CompanySize,
  ContactChannel,
  CurrencyCode,
  LifecycleStage,
  Locale,
  UserRole,
} from '../../entities/enums';

registerEnumType(UserRole, {
  name: 'UserRole',
  description: 'What a user may do.',
  valuesConfig: {
    OWNER: { description: 'Agency owner/admin: everything in the agency, including users and settings.' },
    MANAGER: { description: 'Account manager: works with clients, pipeline and documents.' },
    CLIENT: { description: 'Client-portal user bound to exactly one client: reads what is addressed to it.' },
  },
});

registerEnumType(LifecycleStage, {
  name: 'LifecycleStage',
  description: 'Client lifecycle (CLM) stage.',
  valuesConfig: {
    ATTRACTION: { description: 'Being attracted: first touches.' },
    INTEREST: { description: 'Shows interest: brief, meetings.' },
    EVALUATION: { description: 'Evaluates the offer.' },
    PURCHASE: { description: 'Has bought: a contract is running.' },
    LOYALTY: { description: 'Comes back for repeat purchases.' },
  },
});

registerEnumType(CompanySize, { name: 'CompanySize', description: 'Size of the client company (segmentation).' });
registerEnumType(BrandStrength, { name: 'BrandStrength', description: 'How known the client brand is (segmentation).' });
registerEnumType(CompanyLifeStage, {
  name: 'CompanyLifeStage',
  description: "The client company's own life stage (segmentation): infancy, growth, prime, stability, aristocracy.",
});
registerEnumType(ContactChannel, { name: 'ContactChannel', description: 'A channel a contact can be reached through.' });
registerEnumType(AddressForm, {
  name: 'AddressForm',
  description: 'Formal (Вы / Вие) or informal (ты / ти) form of address.',
});
registerEnumType(Locale, { name: 'Locale', description: 'Language of documents and messages.' });
registerEnumType(CurrencyCode, { name: 'CurrencyCode', description: 'ISO 4217 currency code.' });

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Sort direction.' });
