/** Hand-built act models (what the builder returns), for rendering without a database. */
import type { ActLineModel, ActModel } from '../../src/documents/act/act.model';
import type { AgencyPartyModel, PartyModel } from '../../src/documents/shared/party.data';

export const CREATED = new Date('2026-12-01T09:30:00Z');

const none = { bankName: null, bic: null, settlementAccount: null, correspondentAccount: null, iban: null };

export const RU_SUPPLIER: AgencyPartyModel = {
  name: 'ООО «Ромашка Диджитал»',
  tradingName: 'Ромашка Диджитал',
  country: 'RU',
  inn: '7701234567',
  kpp: '770101001',
  ogrn: '1027700123456',
  eik: null,
  vatNumber: null,
  address: '119021, г. Москва, ул. Льва Толстого, д. 16',
  bankName: 'ПАО Сбербанк',
  bic: '044525225',
  settlementAccount: '40702810938000012345',
  correspondentAccount: '30101810400000000225',
  iban: null,
  signatoryName: 'Смирнова Е. А.',
  signatoryPosition: 'Генеральный директор',
  vatPayer: true,
  timeZone: 'Europe/Moscow',
};

export const RU_CUSTOMER: PartyModel = {
  name: 'АО «Северный ветер»',
  country: 'RU',
  inn: '7709876543',
  kpp: '770901001',
  ogrn: '1157746000001',
  eik: null,
  vatNumber: null,
  address: '105064, г. Москва, ул. Земляной Вал, д. 9',
  ...none,
  signatoryName: 'Петров П. П.',
  signatoryPosition: 'Директор по маркетингу',
};

export const RU_LINES: ActLineModel[] = [
  { position: 1, description: 'Ведение рекламной кампании в Яндекс Директ, ноябрь 2026', quantity: '1.000', unit: 'усл.', unitPrice: '50000.00', vatRate: '22.00', net: '50000.00', vat: '11000.00', gross: '61000.00' },
  { position: 2, description: 'Настройка веб-аналитики и сквозной отчётности', quantity: '1.000', unit: 'усл.', unitPrice: '30000.00', vatRate: '22.00', net: '30000.00', vat: '6600.00', gross: '36600.00' },
  { position: 3, description: 'Консультации по медиапланированию', quantity: '12.500', unit: 'ч', unitPrice: '2000.00', vatRate: '22.00', net: '25000.00', vat: '5500.00', gross: '30500.00' },
];

/** An issued Russian act: three lines at 22 %, under a contract, signed by the client. */
export function ruAct(overrides: Partial<ActModel> = {}): ActModel {
  return {
    number: 'АКТ-2026-000012',
    date: '2026-11-30',
    status: 'SIGNED',
    draft: false,
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    currency: 'RUB',
    priceBasis: 'VAT_ON_TOP',
    supplier: RU_SUPPLIER,
    customer: RU_CUSTOMER,
    contract: { number: 'Д-2026-0007', date: '2026-10-15' },
    invoices: [],
    lines: RU_LINES,
    subtotal: '105000.00',
    vatTotal: '23100.00',
    total: '128100.00',
    vatDifference: '0.00',
    vatByRate: [{ rate: '22.00', amount: '23100.00' }],
    vatExemptionNote: null,
    bgnTotal: null,
    place: 'г. Москва',
    signed: { on: '2026-12-02', by: 'Петров П. П.' },
    logo: null,
    stamp: null,
    signature: null,
    ...overrides,
  };
}

export const BG_SUPPLIER: AgencyPartyModel = {
  name: '„Лайка Медия“ ЕООД',
  tradingName: 'Лайка Медия',
  country: 'BG',
  inn: null,
  kpp: null,
  ogrn: null,
  eik: '204567893',
  vatNumber: 'BG204567893',
  address: 'гр. София 1000, ул. „Граф Игнатиев“ № 12',
  bankName: 'УниКредит Булбанк АД',
  bic: 'UNCRBGSF',
  settlementAccount: null,
  correspondentAccount: null,
  iban: 'BG80BNBG96611020345678',
  signatoryName: 'Мария Иванова',
  signatoryPosition: 'управител',
  vatPayer: true,
  timeZone: 'Europe/Sofia',
};

export const BG_CUSTOMER: PartyModel = {
  name: '„Зора Трейд“ АД',
  country: 'BG',
  inn: null,
  kpp: null,
  ogrn: null,
  eik: '131234567',
  vatNumber: 'BG131234567',
  address: 'гр. Пловдив 4000, бул. „Марица“ № 5',
  ...none,
  signatoryName: 'Георги Петров',
  signatoryPosition: 'изпълнителен директор',
};

/** An issued Bulgarian protocol in euro at 20 %, during the dual display (total also in leva). */
export function bgAct(overrides: Partial<ActModel> = {}): ActModel {
  return {
    ...ruAct(),
    number: '0000000042',
    date: '2026-06-30',
    status: 'ISSUED',
    periodStart: '2026-06-01',
    periodEnd: '2026-06-30',
    currency: 'EUR',
    supplier: BG_SUPPLIER,
    customer: BG_CUSTOMER,
    contract: { number: '15/2026', date: '2026-02-01' },
    lines: [
      { position: 1, description: 'Управление на рекламни кампании в Google Ads, юни 2026', quantity: '1.000', unit: 'усл.', unitPrice: '2400.00', vatRate: '20.00', net: '2400.00', vat: '480.00', gross: '2880.00' },
      { position: 2, description: 'Изработка на банери (комплект)', quantity: '3.000', unit: 'бр.', unitPrice: '150.50', vatRate: '20.00', net: '451.50', vat: '90.30', gross: '541.80' },
    ],
    subtotal: '2851.50',
    vatTotal: '570.30',
    total: '3421.80',
    vatByRate: [{ rate: '20.00', amount: '570.30' }],
    bgnTotal: '6692.46',
    place: 'гр. София',
    signed: null,
    ...overrides,
  };
}

/** A long act: `n` lines of 1 000.00 at 22 %. */
export function longRuAct(n: number): ActModel {
  const lines: ActLineModel[] = Array.from({ length: n }, (_, i) => ({
    position: i + 1,
    description: `Размещение рекламы, площадка № ${i + 1}: охватная кампания с ежедневной оптимизацией ставок`,
    quantity: '1.000',
    unit: 'усл.',
    unitPrice: '1000.00',
    vatRate: '22.00',
    net: '1000.00',
    vat: '220.00',
    gross: '1220.00',
  }));
  const net = (n * 1000).toFixed(2);
  const vat = (n * 220).toFixed(2);
  const gross = (n * 1220).toFixed(2);
  return ruAct({ lines, subtotal: net, vatTotal: vat, total: gross, vatByRate: [{ rate: '22.00', amount: vat }] });
}
