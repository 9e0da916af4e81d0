/**
 * The invoice's view model, read through the services with the caller's context: another agency's
 * invoice (or, for a portal user, a draft or another client's) is null. Every amount is the one
 * the money code stored; the VAT rows are the lines summed by rate.
 */
import type { AuthedContext } from '../../context';
import type { Locale } from '../../entities/enums';
import { imagesForDocuments } from '../../services/agency-image.service';
import { getContract } from '../../services/contract.reads';
import { getInvoice } from '../../services/invoice.reads';
import { totalBgnEquivalent, vatGroups, vatInAmountDue } from '../../services/invoice.rules';
import { documentLabels } from '../i18n/labels';
import { formatDate } from '../layout/format';
import type { BuiltModel } from '../models';
import { agencyParty, clientParty } from '../shared/party.data';
import type { InvoiceModel } from './invoice.model';

export async function buildInvoiceModel(ctx: AuthedContext, invoiceId: string, locale: Locale): Promise<BuiltModel<InvoiceModel> | null> {
  const invoice = await getInvoice(ctx, invoiceId);
  if (!invoice) return null;
  const [lines, client, contract, supplier, images] = await Promise.all([
    ctx.loaders.invoiceLines.load(invoice.id),
    ctx.loaders.clientById.load(invoice.clientId),
    invoice.contractId ? getContract(ctx, invoice.contractId) : Promise.resolve(null),
    agencyParty(ctx),
    imagesForDocuments(ctx),
  ]);
  if (!client) return null;
  const groups = vatGroups(lines);
  const model: InvoiceModel = {
    status: invoice.status,
    kind: invoice.kind,
    number: invoice.number,
    issueDate: invoice.issueDate,
    supplyDate: invoice.supplyDate,
    dueDate: invoice.dueDate,
    currency: invoice.currency,
    priceBasis: invoice.priceBasis,
    lines: lines.map((l) => ({
      position: l.position,
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: l.unitPrice,
      vatRate: l.vatRate,
      net: l.net,
      vat: l.vat,
      gross: l.gross,
    })),
    vatGroups: groups,
    subtotal: invoice.subtotal,
    vatTotal: invoice.vatTotal,
    total: invoice.total,
    prepaymentDeducted: invoice.prepaymentDeducted,
    creditedAmount: invoice.creditedAmount,
    amountDue: invoice.amountDue,
    vatInAmountDue: vatInAmountDue(invoice, groups),
    vatExemptionNote: invoice.vatExemptionNote,
    notes: invoice.notes,
    contract: contract ? { number: contract.number, date: contract.contractDate } : null,
    totalBgnEquivalent: totalBgnEquivalent(invoice, supplier.country),
    supplier,
    customer: await clientParty(ctx, client),
    logo: images.logo ?? null,
    stamp: images.stamp ?? null,
    signature: images.signature ?? null,
  };
  const l = documentLabels(locale);
  const fileName =
    invoice.number && invoice.issueDate
      ? l('invoice.fileName', { number: invoice.number, date: formatDate(invoice.issueDate, locale, 'short') })
      : l('invoice.fileNameDraft');
  return {
    model,
    clientId: invoice.clientId,
    number: invoice.number,
    fileName,
    immutable: invoice.status !== 'DRAFT',
    forClient: invoice.status !== 'DRAFT',
    revision: [invoice.number, invoice.issuedAt?.toISOString(), invoice.cancelledAt ? 'cancelled' : ''].join('|'),
  };
}
