import { registerEnumType } from 'type-graphql';
import { DocumentKind } from '../../entities/enums';

// the kinds the requisites' numbering patterns number; no field exposes it yet, so the printed contract does not list it
registerEnumType(DocumentKind, {
  name: 'DocumentKind',
  description: 'A kind of numbered document.',
  valuesConfig: {
    INVOICE: { description: 'Invoices: numbered when issued.' },
    ACT: { description: 'Acts of completed work: numbered when issued.' },
    CONTRACT: { description: 'Contracts: numbered when they first leave DRAFT.' },
    PROPOSAL: { description: 'Commercial offers: numbered when first sent.' },
  },
});
