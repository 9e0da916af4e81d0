/**
 * The payment QR code of an invoice, from its model alone: roubles in the Russian unified format
 * (ГОСТ Р 56042-2014), euros as an EPC "SEPA Credit Transfer" code, for the amount due. An
 * invoice that asks for nothing payable (a draft, a cancelled or credited one, other currencies)
 * has no code; requisites a code cannot be built from give the field to ask for instead of a code
 * that would send money to the wrong account.
 */
import { cmp } from '../../services/money/totals';
import type { Labeller } from '../i18n/labels';
import { formatPercent } from '../layout/format';
import { epcPaymentPayload, gostPaymentPayload, PaymentQrError } from '../qr/payment-qr';
import type { InvoiceModel } from './invoice.model';

export type InvoiceQr =
  | { format: 'GOST' | 'EPC'; payload: string }
  /** the requisite to fill in (`PaymentQrError.field`) */
  | { format: 'UNAVAILABLE'; field: string };

const PAYABLE = new Set(['ISSUED', 'PARTIALLY_PAID', 'PAID']);

/** `DD.MM.YYYY`, as Russian payment orders write dates. */
function russianDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/**
 * The purpose of a rouble payment: banks read it in Russian whatever the document's language,
 * and a payment order states the VAT it contains (Положение Банка России № 762-П).
 */
function gostPurpose(m: InvoiceModel): string {
  const base = `Оплата по счёту № ${m.number} от ${russianDate(m.issueDate!)}`;
  const rated = m.vatGroups.filter((g) => g.rate !== null);
  if (!rated.length) return `${base} (НДС не облагается)`;
  if (m.vatInAmountDue === null) return `${base} (в т.ч. НДС)`;
  const rate = rated.length === 1 ? ` ${formatPercent(rated[0].rate!, 'ru')}` : '';
  return `${base} (в т.ч. НДС${rate} ${m.vatInAmountDue} руб.)`;
}

export function invoicePaymentQr(m: InvoiceModel, l: Labeller): InvoiceQr | null {
  if (!PAYABLE.has(m.status) || !m.number || !m.issueDate) return null;
  if (cmp(m.amountDue, 0) <= 0) return null;
  const s = m.supplier;
  try {
    if (m.currency === 'RUB') {
      const payload = gostPaymentPayload({
        name: s.name,
        personalAcc: s.settlementAccount ?? '',
        bankName: s.bankName ?? '',
        bic: s.bic ?? '',
        correspAcc: s.correspondentAccount ?? '',
        sum: m.amountDue,
        purpose: gostPurpose(m),
        payeeInn: s.inn,
        kpp: s.kpp,
      });
      return { format: 'GOST', payload };
    }
    if (m.currency === 'EUR') {
      const payload = epcPaymentPayload({
        name: s.name,
        iban: s.iban ?? '',
        bic: s.bic,
        amount: m.amountDue,
        remittance: l('invoice.qrRemittance', { number: m.number, date: russianDate(m.issueDate) }),
      });
      return { format: 'EPC', payload };
    }
    return null;
  } catch (err) {
    if (err instanceof PaymentQrError) return { format: 'UNAVAILABLE', field: err.field };
    throw err;
  }
}
