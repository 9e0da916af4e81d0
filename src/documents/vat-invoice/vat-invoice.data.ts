/**
 * The счёт-фактура of an act, for Russian VAT payers: the agency is Russian and charges VAT on
 * the act's date (a simplified-tax agency without VAT, or a Bulgarian one, gets DocumentUnavailable).
 * Its number and date are the act's vatInvoiceNumber / vatInvoiceDate.
 */
import Decimal from 'decimal.js';
import type { AuthedContext } from '../../context';
import type { Act, ActLine } from '../../entities';
import { ActStatus, PaymentKind, type Locale } from '../../entities/enums';
import { prepaymentInvoicesOf } from '../../services/invoice.reads';
import { DEFAULT_UNIT } from '../../services/money/totals';
import { readActSource, type ActSource } from '../act/act.data';
import type { CurrencyName } from '../act/act.model';
import { documentLabels } from '../i18n/labels';
import { formatDate } from '../layout/format';
import { DocumentUnavailable, type BuiltModel } from '../models';
import type { PaymentRef, VatInvoiceLine, VatInvoiceModel } from './vat-invoice.model';

/** ОКЕИ codes and national symbols of the units a services line is usually measured in. */
const OKEI: Record<string, { code: string; name: string }> = {
  [DEFAULT_UNIT]: { code: '876', name: 'усл. ед.' },
  'усл. ед.': { code: '876', name: 'усл. ед.' },
  'услуга': { code: '876', name: 'усл. ед.' },
  'шт': { code: '796', name: 'шт' },
  'шт.': { code: '796', name: 'шт' },
  'ч': { code: '356', name: 'ч' },
  'ч.': { code: '356', name: 'ч' },
  'час': { code: '356', name: 'ч' },
  'мес': { code: '362', name: 'мес' },
  'мес.': { code: '362', name: 'мес' },
};

/** The unit's ОКЕИ code and symbol; a unit without a known code keeps its own name and no code. */
export function okeiUnit(unit: string): { code: string | null; name: string } {
  return OKEI[unit.trim().toLowerCase()] ?? { code: null, name: unit };
}

/** Column 4 is the price without VAT: a VAT-inclusive line's net divided by its quantity, to the kopeck. */
export function netUnitPrice(line: Pick<ActLine, 'quantity' | 'unitPrice' | 'net'>, basis: ActSource['priceBasis']): string {
  if (basis === 'VAT_ON_TOP') return line.unitPrice;
  const quantity = new Decimal(line.quantity);
  if (quantity.isZero()) return line.net;
  return new Decimal(line.net).dividedBy(quantity).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/**
 * The payments received up to the document's date on the invoices the act closes and on its
 * contract's prepayment invoices (line 5), oldest first; a payment refunded in full is left out.
 */
async function paymentsUpTo(ctx: AuthedContext, act: Act, date: string): Promise<PaymentRef[]> {
  const ids = new Set(act.invoiceIds);
  if (act.contractId) for (const inv of await prepaymentInvoicesOf(ctx, act.contractId)) ids.add(inv.id);
  if (ids.size === 0) return [];
  const payments = (await ctx.loaders.invoicePayments.loadMany([...ids])).flatMap((rows) => (rows instanceof Error ? [] : rows));
  const refunded = new Map<string, Decimal>();
  for (const p of payments) {
    if (p.kind === PaymentKind.REFUND && p.refundOfId) refunded.set(p.refundOfId, (refunded.get(p.refundOfId) ?? new Decimal(0)).plus(p.amount));
  }
  return payments
    .filter((p) => p.kind === PaymentKind.PAYMENT && p.paidAt <= date && new Decimal(p.amount).greaterThan(refunded.get(p.id) ?? 0))
    .sort((a, b) => (a.paidAt === b.paidAt ? (a.reference ?? '').localeCompare(b.reference ?? '') : a.paidAt < b.paidAt ? -1 : 1))
    .map((p) => ({ number: p.reference, date: p.paidAt }));
}

function lineOf(l: ActLine, basis: ActSource['priceBasis']): VatInvoiceLine {
  const unit = okeiUnit(l.unit);
  return {
    position: l.position,
    description: l.description,
    unitCode: unit.code,
    unitName: unit.name,
    quantity: l.quantity,
    unitPriceNet: netUnitPrice(l, basis),
    net: l.net,
    vatRate: l.vatRate,
    vat: l.vat,
    gross: l.gross,
  };
}

/**
 * The VAT_INVOICE builder. null when the act is not visible; DocumentUnavailable when the agency
 * is not Russian (NOT_APPLICABLE_IN_COUNTRY), charges no VAT on the act (NOT_A_VAT_PAYER), or an
 * issued act has no VAT-invoice number (VAT_INVOICE_NUMBER_MISSING). Printed in Russian whatever
 * the locale asked for.
 */
export async function buildVatInvoiceModel(ctx: AuthedContext, actId: string, _locale: Locale): Promise<BuiltModel<VatInvoiceModel> | DocumentUnavailable | null> {
  const src = await readActSource(ctx, actId);
  if (!src) return null;
  const { act, supplier, customer } = src;
  if (supplier.country !== 'RU') return new DocumentUnavailable('NOT_APPLICABLE_IN_COUNTRY');
  if (!src.chargesVat || src.lines.every((l) => l.vatRate === null)) return new DocumentUnavailable('NOT_A_VAT_PAYER');
  const draft = act.status === ActStatus.DRAFT;
  if (!draft && !act.vatInvoiceNumber) return new DocumentUnavailable('VAT_INVOICE_NUMBER_MISSING');

  const date = act.vatInvoiceDate ?? src.date;
  const model: VatInvoiceModel = {
    number: act.vatInvoiceNumber,
    date,
    draft,
    seller: {
      name: supplier.name,
      address: supplier.address,
      inn: supplier.inn,
      kpp: supplier.kpp,
      entrepreneur: supplier.inn?.length === 12,
      ogrn: supplier.ogrn,
      signatoryName: supplier.signatoryName,
    },
    buyer: { name: customer.name, address: customer.address, inn: customer.inn, kpp: customer.kpp },
    payments: await paymentsUpTo(ctx, act, date),
    shipment: { number: act.number, date: src.date },
    currency: act.currency as CurrencyName,
    governmentContractId: null,
    lines: src.lines.map((l) => lineOf(l, src.priceBasis)),
    totals: { net: act.subtotal, vat: act.vatTotal, gross: act.total },
    signature: src.images.signature,
  };
  const l = documentLabels('ru' as Locale);
  const shortDate = formatDate(date, 'ru', 'short');
  return {
    model,
    clientId: act.clientId,
    number: act.vatInvoiceNumber,
    fileName: draft || !model.number ? l('vatInvoice.fileNameDraft', { date: shortDate }) : l('vatInvoice.fileName', { number: model.number, date: shortDate }),
    immutable: !draft,
    forClient: !draft,
    revision: [act.vatInvoiceNumber, act.issuedAt?.toISOString()].join('|'),
  };
}
