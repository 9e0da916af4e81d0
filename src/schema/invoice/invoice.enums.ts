import { registerEnumType } from 'type-graphql';
import { InvoiceKind, InvoiceStatus, PaymentKind, PaymentMethod } from '../../entities/enums';

registerEnumType(InvoiceKind, {
  name: 'InvoiceKind',
  description: 'Kind of invoice.',
  valuesConfig: {
    STANDARD: { description: 'An ordinary invoice.' },
    PREPAYMENT: { description: 'Invoice for a prepayment; deducted from the FINAL invoice of the same contract.' },
    FINAL: { description: 'Final invoice of a contract: prepayments received are deducted from what is due.' },
  },
});

registerEnumType(InvoiceStatus, {
  name: 'InvoiceStatus',
  description: 'Status of an invoice.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; no number; invisible to the client portal.' },
    ISSUED: { description: 'Numbered, immutable, nothing paid yet.' },
    PARTIALLY_PAID: { description: 'Part of the amount due is paid.' },
    PAID: { description: 'Fully paid.' },
    CANCELLED: { description: 'Cancelled (only possible while nothing is paid); corrections are a new invoice.' },
    CREDITED: { description: 'Closed by credit notes: they took back everything that was due and nothing is paid (e.g. the client withdrew and the prepayment was refunded). Final; never overdue.' },
  },
});

registerEnumType(PaymentKind, {
  name: 'PaymentKind',
  description: 'Money in (PAYMENT) or back to the client (REFUND).',
  valuesConfig: {
    PAYMENT: { description: 'Money received from the client.' },
    REFUND: { description: 'Money returned to the client.' },
  },
});

registerEnumType(PaymentMethod, {
  name: 'PaymentMethod',
  description: 'How money moved.',
  valuesConfig: {
    BANK_TRANSFER: { description: 'A bank transfer (the usual way between companies).' },
    CARD: { description: 'A card payment.' },
    CASH: { description: 'Cash.' },
    OTHER: { description: 'Any other way (e.g. an offset), explained in the note.' },
  },
});
