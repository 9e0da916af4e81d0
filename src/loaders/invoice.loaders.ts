import DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { Invoice, InvoiceLine, Payment } from '../entities';
import { InvoiceStatus } from '../entities/enums';
import { sub } from '../services/money/totals';
import { scoped } from '../services/scope';
import { childRows, groupBy } from './loader-kit';

/** A client's money position in one currency, over its issued invoices. */
export interface ClientBalance {
  currency: string;
  invoiced: string;
  paid: string;
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
  const rows: { clientId: string; currency: string; invoiced: string; paid: string }[] = await scoped(ctx, Invoice)
    .query('i')
    .select('i."clientId"', 'clientId')
    .addSelect('i.currency', 'currency')
    .addSelect('COALESCE(SUM(i."amountDue"), 0)::numeric(18,2)::text', 'invoiced')
    .addSelect('COALESCE(SUM(i."paidAmount"), 0)::numeric(18,2)::text', 'paid')
    .andWhere('i."clientId" IN (:...clientIds)', { clientIds: [...clientIds] })
    .andWhere('i.status IN (:...st)', { st: [InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID] })
    .groupBy('i."clientId"')
    .addGroupBy('i.currency')
    .orderBy('i.currency')
    .getRawMany();
  return groupBy(clientIds, rows, (r) => r.clientId).map((mine) =>
    mine.map((r) => ({ currency: r.currency, invoiced: r.invoiced, paid: r.paid, outstanding: sub(r.invoiced, r.paid) })),
  );
}
