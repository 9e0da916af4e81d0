import { registerEnumType } from 'type-graphql';
import { DocumentKind, VatRegime } from '../../entities/enums';

// the kinds the requisites' numbering patterns number; no field exposes it yet, so the printed
// contract does not list it (DocumentKind is the kind of a generated document: src/schema/document)
registerEnumType(DocumentKind, {
  name: 'NumberedDocumentKind',
  description: 'A kind of numbered document.',
  valuesConfig: {
    INVOICE: { description: 'Invoices: numbered when issued.' },
    ACT: { description: 'Acts of completed work: numbered when issued.' },
    CONTRACT: { description: 'Contracts: numbered when they first leave DRAFT.' },
    CREDIT_NOTE: { description: 'Credit notes: numbered when issued, in their own series.' },
    PROPOSAL: { description: 'Commercial offers: numbered when first sent.' },
  },
});

registerEnumType(VatRegime, {
  name: 'VatRegime',
  description: "The agency's VAT regime over a period: which VAT its invoices and acts charge.",
  valuesConfig: {
    STANDARD: { description: "VAT payer at the standard rate of the agency's country on the document date (Russia 20 %, 22 % from 2026-01-01; Bulgaria 20 %)." },
    RU_USN_WITHOUT_VAT: {
      description: 'Russia, simplified tax (УСН) without VAT: documents are «Без НДС» and print the legal wording (п. 2 ст. 346.11 НК РФ).',
    },
    RU_USN_REDUCED: { description: 'Russia, simplified tax (УСН) payer at a reduced VAT rate of 5 % or 7 % (from 2025-01-01), chosen as `rate`.' },
    BG_NOT_REGISTERED: { description: 'Bulgaria, supplier not registered for VAT: no VAT, the document states the ground (чл. 113, ал. 9 ЗДДС).' },
  },
});
