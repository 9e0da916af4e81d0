import type DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { CreditNote, CreditNoteLine } from '../entities';
import { childRows } from './loader-kit';

export interface CreditNoteLoaders {
  /** lines of each credit note, in position order */
  creditNoteLines: DataLoader<string, CreditNoteLine[]>;
  /** credit notes of each invoice, in the order they were issued */
  invoiceCreditNotes: DataLoader<string, CreditNote[]>;
}

export function createCreditNoteLoaders(ctx: RequestContext): CreditNoteLoaders {
  return {
    creditNoteLines: childRows(ctx, CreditNoteLine, 'creditNoteId', ['position']),
    invoiceCreditNotes: childRows(ctx, CreditNote, 'invoiceId', ['issueDate', 'createdAt']),
  };
}
