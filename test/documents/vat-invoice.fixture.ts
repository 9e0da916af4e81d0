/** Hand-built VAT invoice models (what the builder returns), for rendering without a database. */
import type { VatInvoiceLine, VatInvoiceModel } from '../../src/documents/vat-invoice/vat-invoice.model';

export const VAT_LINES: VatInvoiceLine[] = [
  { position: 1, description: 'Ведение рекламной кампании в Яндекс Директ, ноябрь 2026', unitCode: '876', unitName: 'усл. ед.', quantity: '1.000', unitPriceNet: '50000.00', net: '50000.00', vatRate: '22.00', vat: '11000.00', gross: '61000.00' },
  { position: 2, description: 'Настройка веб-аналитики и сквозной отчётности', unitCode: '876', unitName: 'усл. ед.', quantity: '1.000', unitPriceNet: '30000.00', net: '30000.00', vatRate: '22.00', vat: '6600.00', gross: '36600.00' },
  { position: 3, description: 'Консультации по медиапланированию', unitCode: '356', unitName: 'ч', quantity: '12.500', unitPriceNet: '2000.00', net: '25000.00', vatRate: '22.00', vat: '5500.00', gross: '30500.00' },
];

export function vatInvoice(overrides: Partial<VatInvoiceModel> = {}): VatInvoiceModel {
  return {
    number: 'СФ-2026-0451',
    date: '2026-11-30',
    draft: false,
    seller: {
      name: 'ООО «Ромашка Диджитал»',
      address: '119021, г. Москва, ул. Льва Толстого, д. 16',
      inn: '7701234567',
      kpp: '770101001',
      entrepreneur: false,
      ogrn: '1027700123456',
      signatoryName: 'Смирнова Е. А.',
    },
    buyer: { name: 'АО «Северный ветер»', address: '105064, г. Москва, ул. Земляной Вал, д. 9', inn: '7709876543', kpp: '770901001' },
    payments: [{ number: '318', date: '2026-11-05' }],
    shipment: { number: 'АКТ-2026-000012', date: '2026-11-30' },
    currency: 'RUB',
    governmentContractId: null,
    lines: VAT_LINES,
    totals: { net: '105000.00', vat: '23100.00', gross: '128100.00' },
    signature: null,
    ...overrides,
  };
}

/** `n` lines of 1 000.00 + 22 %. */
export function longVatInvoice(n: number): VatInvoiceModel {
  const lines: VatInvoiceLine[] = Array.from({ length: n }, (_, i) => ({
    position: i + 1,
    description: `Размещение рекламы, площадка № ${i + 1}: охватная кампания с ежедневной оптимизацией ставок`,
    unitCode: '876',
    unitName: 'усл. ед.',
    quantity: '1.000',
    unitPriceNet: '1000.00',
    net: '1000.00',
    vatRate: '22.00',
    vat: '220.00',
    gross: '1220.00',
  }));
  return vatInvoice({ lines, totals: { net: (n * 1000).toFixed(2), vat: (n * 220).toFixed(2), gross: (n * 1220).toFixed(2) } });
}
