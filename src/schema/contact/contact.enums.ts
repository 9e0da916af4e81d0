import { registerEnumType } from 'type-graphql';
import { AddressForm, ContactChannel } from '../../entities/enums';

registerEnumType(ContactChannel, {
  name: 'ContactChannel',
  description: 'A channel a contact can be reached through.',
  valuesConfig: {
    EMAIL: { description: 'Email.' },
    PHONE: { description: 'A phone call.' },
    SMS: { description: 'A text message.' },
    TELEGRAM: { description: 'Telegram messenger.' },
    WHATSAPP: { description: 'WhatsApp messenger.' },
    VIBER: { description: 'Viber messenger.' },
    MEETING: { description: 'In person, at a meeting.' },
  },
});

registerEnumType(AddressForm, {
  name: 'AddressForm',
  description: 'Formal (Вы / Вие) or informal (ты / ти) form of address.',
  valuesConfig: {
    FORMAL: { description: 'Formal: Вы / Вие, by first name and patronymic where that is the custom.' },
    INFORMAL: { description: 'Informal: ты / ти, by first name.' },
  },
});
