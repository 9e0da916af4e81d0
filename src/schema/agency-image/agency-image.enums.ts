import { registerEnumType } from 'type-graphql';
import { AgencyImageKind } from '../../entities/enums';

registerEnumType(AgencyImageKind, {
  name: 'AgencyImageKind',
  description: 'An image the agency puts on its documents; the agency has at most one of each kind.',
  valuesConfig: {
    LOGO: { description: 'The logo, in the header of every document.' },
    STAMP: { description: 'The stamp (печать / печат), next to the signatures on contracts, acts and invoices.' },
    SIGNATURE: { description: "The signatory's signature, on the documents the signatory signs." },
  },
});
