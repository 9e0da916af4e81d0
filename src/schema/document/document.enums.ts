import { registerEnumType } from 'type-graphql';
import { DocumentKind } from '../../documents/kinds';

registerEnumType(DocumentKind, {
  name: 'DocumentKind',
  description: 'A kind of document the platform generates as a PDF.',
  valuesConfig: {
    MEETING_PROTOCOL: { description: 'Meeting minutes (протокол встречи / протокол от среща), made from a meeting.' },
    COMMERCIAL_OFFER: { description: 'Commercial offer (коммерческое предложение / оферта), made from a proposal.' },
    CONTRACT: { description: 'Contract (договор), made from a contract.' },
    INVOICE: { description: 'Invoice for payment (счёт на оплату / фактура), made from an issued invoice.' },
    ACT: { description: 'Act of completed work (акт выполненных работ / приемо-предавателен протокол), made from an issued act.' },
    VAT_INVOICE: { description: 'Russian VAT invoice (счёт-фактура).' },
    SATISFACTION_FORM: { description: 'Client satisfaction questionnaire.' },
  },
});
