import type { AuthedContext } from '../context';
import { CreditNote, CreditNoteLine, InvoiceLine } from '../entities';
import { childRowsOf } from '../loaders';
import type { CreditNotesArgs } from '../schema/credit-note/credit-note.args';
import type { CreditableLine } from './credit-note.rules';
import { add } from './money/totals';
import { latestFirst, matching, paginate } from './pagination';
import { scoped } from './scope';

/** Credit notes as read: lookups, the list, and what the writes need. */

/** null when missing, another agency's, or (for a portal user) another client's. */
export function getCreditNote(ctx: AuthedContext, id: string): Promise<CreditNote | null> {
  return scoped(ctx, CreditNote).findById(id);
}

/** Credit notes visible to the actor, newest first. */
export function listCreditNotes(ctx: AuthedContext, args: CreditNotesArgs) {
  const f = args.filter;
  const qb = matching(scoped(ctx, CreditNote).query('n'), 'n', { clientId: f?.clientId, invoiceId: f?.invoiceId, contractId: f?.contractId });
  return paginate(qb, args, latestFirst('n', 'createdAt'));
}

/** The invoice's lines, in order, each with what earlier credit notes took back of it. */
export async function creditableLines(tx: AuthedContext, invoiceId: string): Promise<CreditableLine[]> {
  const lines = await childRowsOf(tx, InvoiceLine, 'invoiceId', [invoiceId], ['position']);
  const taken = lines.length ? await scoped(tx, CreditNoteLine).query('c').andWhere('c."invoiceLineId" IN (:...ids)', { ids: lines.map((l) => l.id) }).getMany() : [];
  return lines.map((l) => {
    const mine = taken.filter((c) => c.invoiceLineId === l.id);
    return {
      id: l.id,
      description: l.description,
      vatRate: l.vatRate,
      net: l.net,
      vat: l.vat,
      gross: l.gross,
      creditedNet: mine.reduce((s, c) => add(s, c.net), '0.00'),
      creditedVat: mine.reduce((s, c) => add(s, c.vat), '0.00'),
      creditedGross: mine.reduce((s, c) => add(s, c.gross), '0.00'),
    };
  });
}
