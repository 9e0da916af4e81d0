import DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { Act, Invoice, InvoiceLine, Payment } from '../entities';
import { ActStatus, InvoiceStatus } from '../entities/enums';
import { add, sub } from '../services/money/totals';
import { scoped } from '../services/scope';
import { childRows, groupBy } from './loader-kit';

/** A client's money position in one currency, over its issued invoices and the VAT differences of its issued or signed acts. */
export interface ClientBalance {
  currency: string;
  invoiced: string;
  paid: string;
  /** Σ vatDifference of the ISSUED and SIGNED acts (not drafts, not disputed ones) */
  actDifferences: string;
  /** invoiced − paid + actDifferences */
  outstanding: string;
}

export interface InvoiceLoaders {
  /** lines of each invoice, in position order */
  invoiceLines: DataLoader<string, InvoiceLine[]>;
  /** payments and refunds of each invoice, in the order they happened */
  invoicePayments: DataLoader<string, Payment[]>;
  /** each client's balances, one per currency */
  clientBalances: DataLoader<string, ClientBalance[]>;
  /** the issued (live, not cancelled) invoice billing each payment-schedule item, or null; a CREDITED one closes its item */
  scheduleItemInvoice: DataLoader<string, Invoice | null>;
}

export function createInvoiceLoaders(ctx: RequestContext): InvoiceLoaders {
  return {
    invoiceLines: childRows(ctx, InvoiceLine, 'invoiceId', ['position']),
    invoicePayments: childRows(ctx, Payment, 'invoiceId', ['paidAt', 'createdAt']),
    clientBalances: new DataLoader((clientIds) => balancesByClient(ctx, clientIds)),
    scheduleItemInvoice: new DataLoader((itemIds) => issuedByScheduleItem(ctx, itemIds)),
  };
}

async function issuedByScheduleItem(ctx: RequestContext, itemIds: readonly string[]): Promise<(Invoice | null)[]> {
  const rows = await scoped(ctx, Invoice)
    .query('i')
    .andWhere('i."scheduleItemId" IN (:...itemIds)', { itemIds: [...itemIds] })
    .andWhere('i.status IN (:...st)', { st: [InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID, InvoiceStatus.CREDITED] })
    .getMany();
  return groupBy(itemIds, rows, (r) => r.scheduleItemId!).map((mine) => mine[0] ?? null);
}

async function balancesByClient(ctx: RequestContext, clientIds: readonly string[]): Promise<ClientBalance[][]> {
  const ids = [...clientIds];
  const invoiced: { clientId: string; currency: string; invoiced: string; paid: string }[] = await scoped(ctx, Invoice)
    .query('i')
    .select('i."clientId"', 'clientId')
    .addSelect('i.currency', 'currency')
    .addSelect('COALESCE(SUM(i."amountDue"), 0)::numeric(18,2)::text', 'invoiced')
    .addSelect('COALESCE(SUM(i."paidAmount"), 0)::numeric(18,2)::text', 'paid')
    .andWhere('i."clientId" IN (:...ids)', { ids })
    .andWhere('i.status IN (:...st)', { st: [InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID] })
    .groupBy('i."clientId"')
    .addGroupBy('i.currency')
    .getRawMany();
  // the VAT an act adds over the invoices it closes (the rate change, VAT on top) is owed once the act is issued;
  // a draft is not a document yet and a disputed act is being corrected
  const differences: { clientId: string; currency: string; difference: string }[] = await scoped(ctx, Act)
    .query('a')
    .select('a."clientId"', 'clientId')
    .addSelect('a.currency', 'currency')
    .addSelect('COALESCE(SUM(a."vatDifference"), 0)::numeric(18,2)::text', 'difference')
    .andWhere('a."clientId" IN (:...ids)', { ids })
    .andWhere('a.status IN (:...st)', { st: [ActStatus.ISSUED, ActStatus.SIGNED] })
    .andWhere('a."vatDifference" <> 0')
    .groupBy('a."clientId"')
    .addGroupBy('a.currency')
    .getRawMany();
  const byClient = new Map<string, Map<string, ClientBalance>>();
  const entry = (clientId: string, currency: string): ClientBalance => {
    const mine = byClient.get(clientId) ?? byClient.set(clientId, new Map()).get(clientId)!;
    const zero = { currency, invoiced: '0.00', paid: '0.00', actDifferences: '0.00', outstanding: '0.00' };
    return mine.get(currency) ?? mine.set(currency, zero).get(currency)!;
  };
  for (const r of invoiced) Object.assign(entry(r.clientId, r.currency), { invoiced: r.invoiced, paid: r.paid });
  for (const r of differences) entry(r.clientId, r.currency).actDifferences = r.difference;
  return ids.map((id) =>
    [...(byClient.get(id)?.values() ?? [])]
      .map((b) => ({ ...b, outstanding: add(sub(b.invoiced, b.paid), b.actDifferences) }))
      .sort((x, y) => (x.currency < y.currency ? -1 : x.currency > y.currency ? 1 : 0)),
  );
}
