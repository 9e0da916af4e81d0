/**
 * Hand-built invoice models, as the builder would hand them to the renderer: a Russian agency
 * (RUB, 22 % VAT included or on top, or the simplified tax without VAT) and a Bulgarian one
 * (EUR, 20 %). The amounts are worked out by hand with the README's rounding rule.
 */
import type { InvoiceLineModel, InvoiceModel } from '../../src/documents/invoice/invoice.model';
import { PNG } from 'pngjs';
import type { AgencyPartyModel, PartyModel } from '../../src/documents/shared/party.data';

export const RU_AGENCY: AgencyPartyModel = {
  name: 'ООО «Вектор»',
  tradingName: 'Вектор Диджитал',
  country: 'RU',
  inn: '7707083893',
  kpp: '770701001',
  ogrn: '1027700132195',
  eik: null,
  vatNumber: null,
  address: '101000, г. Москва, ул. Мясницкая, д. 1, офис 12',
  bankName: 'ПАО Сбербанк',
  bic: '044525225',
  settlementAccount: '40702810138250123017',
  correspondentAccount: '30101810400000000225',
  iban: null,
  signatoryName: 'Орлова Е. П.',
  signatoryPosition: 'Генеральный директор',
  vatPayer: true,
  timeZone: 'Europe/Moscow',
};

export const RU_CLIENT: PartyModel = {
  name: 'ООО «Ромашка»',
  country: 'RU',
  inn: '7704123450',
  kpp: '770401001',
  ogrn: null,
  eik: null,
  vatNumber: null,
  address: '119019, г. Москва, ул. Арбат, д. 10',
  bankName: null,
  bic: null,
  settlementAccount: null,
  correspondentAccount: null,
  iban: null,
  signatoryName: 'Смирнов Алексей Петрович',
  signatoryPosition: 'Директор по маркетингу',
};

export const BG_AGENCY: AgencyPartyModel = {
  name: 'Вектор ЕООД',
  tradingName: 'Вектор Дигитал',
  country: 'BG',
  inn: null,
  kpp: null,
  ogrn: null,
  eik: '831902088',
  vatNumber: 'BG831902088',
  address: 'гр. София 1000, бул. Витоша 1',
  bankName: 'Българска народна банка',
  bic: 'BNBGBGSF',
  settlementAccount: null,
  correspondentAccount: null,
  iban: 'BG80BNBG96611020345678',
  signatoryName: 'Иван Петров',
  signatoryPosition: 'Управител',
  vatPayer: true,
  timeZone: 'Europe/Sofia',
};

export const BG_CLIENT: PartyModel = {
  name: 'Слънчев бряг ООД',
  country: 'BG',
  inn: null,
  kpp: null,
  ogrn: null,
  eik: '175074752',
  vatNumber: 'BG175074752',
  address: 'гр. Бургас 8000, ул. Александровска 5',
  bankName: null,
  bic: null,
  settlementAccount: null,
  correspondentAccount: null,
  iban: null,
  signatoryName: 'Мария Георгиева',
  signatoryPosition: 'Управител',
};

function line(position: number, description: string, quantity: string, unitPrice: string, vatRate: string | null, net: string, vat: string, gross: string, unit = 'усл.'): InvoiceLineModel {
  return { position, description, quantity, unit, unitPrice, vatRate, net, vat, gross };
}

const base = {
  kind: 'STANDARD',
  status: 'ISSUED',
  supplyDate: null,
  prepaymentDeducted: '0.00',
  creditedAmount: '0.00',
  vatExemptionNote: null,
  notes: null,
  totalBgnEquivalent: null,
  logo: null,
  stamp: null,
  signature: null,
} as const;

/** RUB, prices include 22 % VAT: 61 000.00 (VAT 11 000.00) + 2 × 15 250.00 (VAT 5 500.00). */
export function ruVatIncluded(): InvoiceModel {
  return {
    ...base,
    number: '2026-000123',
    issueDate: '2026-11-22',
    dueDate: '2026-12-02',
    currency: 'RUB',
    priceBasis: 'VAT_INCLUDED',
    lines: [
      line(1, 'Ведение рекламной кампании в Яндекс Директ, ноябрь 2026', '1', '61000.00', '22.00', '50000.00', '11000.00', '61000.00'),
      line(2, 'SEO-продвижение сайта romashka.ru', '2', '15250.00', '22.00', '25000.00', '5500.00', '30500.00', 'мес.'),
    ],
    vatGroups: [{ rate: '22.00', subtotal: '75000.00', vatTotal: '16500.00', total: '91500.00' }],
    subtotal: '75000.00',
    vatTotal: '16500.00',
    total: '91500.00',
    amountDue: '91500.00',
    vatInAmountDue: '16500.00',
    contract: { number: 'Д-2026-0007', date: '2026-11-01' },
    supplier: RU_AGENCY,
    customer: RU_CLIENT,
  };
}

/** RUB, net prices with 22 % on top: 50 000.00 + 3 × 12 345.67 (37 037.01; VAT 8 148.14). */
export function ruVatOnTop(): InvoiceModel {
  return {
    ...base,
    number: '2026-000124',
    issueDate: '2026-11-23',
    dueDate: '2026-12-03',
    currency: 'RUB',
    priceBasis: 'VAT_ON_TOP',
    lines: [
      line(1, 'Разработка медиаплана на I квартал 2027 года', '1', '50000.00', '22.00', '50000.00', '11000.00', '61000.00'),
      line(2, 'Ведение сообществ в социальных сетях', '3', '12345.67', '22.00', '37037.01', '8148.14', '45185.15', 'мес.'),
    ],
    vatGroups: [{ rate: '22.00', subtotal: '87037.01', vatTotal: '19148.14', total: '106185.15' }],
    subtotal: '87037.01',
    vatTotal: '19148.14',
    total: '106185.15',
    amountDue: '106185.15',
    vatInAmountDue: '19148.14',
    contract: null,
    supplier: RU_AGENCY,
    customer: RU_CLIENT,
  };
}

export const USN_NOTE = 'НДС не облагается в связи с применением упрощённой системы налогообложения (п. 2 ст. 346.11 НК РФ)';

/** RUB, simplified tax without VAT: 45 000.00 + 2 × 7 500.50. */
export function ruWithoutVat(): InvoiceModel {
  return {
    ...base,
    number: '2026-000125',
    issueDate: '2026-11-24',
    dueDate: '2026-12-04',
    currency: 'RUB',
    priceBasis: 'VAT_INCLUDED',
    lines: [
      line(1, 'Настройка веб-аналитики', '1', '45000.00', null, '45000.00', '0.00', '45000.00'),
      line(2, 'Консультации по контекстной рекламе', '2', '7500.50', null, '15001.00', '0.00', '15001.00', 'ч'),
    ],
    vatGroups: [{ rate: null, subtotal: '60001.00', vatTotal: '0.00', total: '60001.00' }],
    subtotal: '60001.00',
    vatTotal: '0.00',
    total: '60001.00',
    amountDue: '60001.00',
    vatInAmountDue: null,
    vatExemptionNote: USN_NOTE,
    contract: { number: 'Д-2026-0011', date: '2026-10-15' },
    supplier: { ...RU_AGENCY, vatPayer: false },
    customer: RU_CLIENT,
  };
}

/** A FINAL invoice of a VAT-inclusive contract: 122 000.00 less the 61 000.00 advance received. */
export function ruFinalWithPrepayment(): InvoiceModel {
  return {
    ...base,
    kind: 'FINAL',
    number: '2026-000130',
    issueDate: '2026-12-01',
    dueDate: '2026-12-11',
    currency: 'RUB',
    priceBasis: 'VAT_INCLUDED',
    lines: [line(1, 'Рекламная кампания «Зима 2026» по договору № Д-2026-0007', '1', '122000.00', '22.00', '100000.00', '22000.00', '122000.00')],
    vatGroups: [{ rate: '22.00', subtotal: '100000.00', vatTotal: '22000.00', total: '122000.00' }],
    subtotal: '100000.00',
    vatTotal: '22000.00',
    total: '122000.00',
    prepaymentDeducted: '61000.00',
    amountDue: '61000.00',
    vatInAmountDue: '11000.00',
    contract: { number: 'Д-2026-0007', date: '2026-11-01' },
    supplier: RU_AGENCY,
    customer: RU_CLIENT,
  };
}

/** EUR, 20 % on top: 1 500.00 + 2 × 425.50 (851.00; VAT 170.20). */
export function bgEur(): InvoiceModel {
  return {
    ...base,
    number: '0000000042',
    issueDate: '2026-11-22',
    supplyDate: '2026-11-20',
    dueDate: '2026-12-06',
    currency: 'EUR',
    priceBasis: 'VAT_ON_TOP',
    lines: [
      line(1, 'Управление на рекламни кампании в Google Ads, ноември 2026', '1', '1500.00', '20.00', '1500.00', '300.00', '1800.00'),
      line(2, 'Поддръжка на профили в социалните мрежи', '2', '425.50', '20.00', '851.00', '170.20', '1021.20', 'мес.'),
    ],
    vatGroups: [{ rate: '20.00', subtotal: '2351.00', vatTotal: '470.20', total: '2821.20' }],
    subtotal: '2351.00',
    vatTotal: '470.20',
    total: '2821.20',
    amountDue: '2821.20',
    vatInAmountDue: '470.20',
    contract: { number: 'Д-2026-0003', date: '2026-10-01' },
    supplier: BG_AGENCY,
    customer: BG_CLIENT,
  };
}

/** `count` lines of 1 000.00 with 22 % VAT included (VAT 180.33 each). */
export function ruLong(count: number): InvoiceModel {
  const lines = Array.from({ length: count }, (_, i) =>
    line(i + 1, `Ведение рекламной кампании, позиция ${i + 1}: объявления, ставки, отчёт за неделю`, '1', '1000.00', '22.00', '819.67', '180.33', '1000.00'),
  );
  const total = `${count * 1000}.00`;
  const vat = (count * 18033 / 100).toFixed(2);
  const net = (count * 81967 / 100).toFixed(2);
  return {
    ...ruVatIncluded(),
    number: '2026-000200',
    lines,
    vatGroups: [{ rate: '22.00', subtotal: net, vatTotal: vat, total }],
    subtotal: net,
    vatTotal: vat,
    total,
    amountDue: total,
    vatInAmountDue: vat,
  };
}

/** Images as an agency uploads them: a wide logo, a round blue stamp and an ink signature, PNG with transparency. */
export function agencyImages(): { logo: Uint8Array; stamp: Uint8Array; signature: Uint8Array } {
  const draw = (width: number, height: number, paint: (x: number, y: number) => [number, number, number, number]) => {
    const png = new PNG({ width, height });
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) png.data.set(paint(x, y), (y * width + x) * 4);
    }
    return new Uint8Array(PNG.sync.write(png));
  };
  const logo = draw(300, 90, (x, y) => (x < 90 ? [31, 58, 95, 255] : y > 30 && y < 60 && (x - 100) % 24 < 16 ? [31, 58, 95, 255] : [255, 255, 255, 0]));
  const stamp = draw(200, 200, (x, y) => {
    const r = Math.hypot(x - 100, y - 100);
    return (r > 88 && r < 96) || (r > 70 && r < 74) ? [30, 60, 170, 200] : [0, 0, 0, 0];
  });
  const signature = draw(240, 80, (x, y) => (Math.abs(y - 40 - 25 * Math.sin(x / 14)) < 2.5 ? [20, 20, 80, 255] : [0, 0, 0, 0]));
  return { logo, stamp, signature };
}
