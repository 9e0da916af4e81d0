/**
 * A hand-built meeting protocol model in ru, bg and en (Russian or Bulgarian parties, names and
 * texts in the document's language), for the renderer's tests and the render-pool test.
 */
import type { MeetingProtocolModel } from '../../src/documents/meeting-protocol/meeting-protocol.model';
import type { AgencyPartyModel, PartyModel } from '../../src/documents/shared/party.data';

export type Locale = 'ru' | 'bg' | 'en';

const noBank = { bankName: null, bic: null, settlementAccount: null, correspondentAccount: null, iban: null };

function parties(locale: Locale): { agency: AgencyPartyModel; client: PartyModel } {
  if (locale === 'bg') {
    return {
      agency: {
        name: '„Лайка Дигитал“ ЕООД', tradingName: 'Лайка Дигитал', country: 'BG', inn: null, kpp: null, ogrn: null,
        eik: '131234567', vatNumber: 'BG131234567', address: 'гр. София, бул. „Витоша“ 15', ...noBank,
        signatoryName: 'Мария Иванова', signatoryPosition: 'Управител', vatPayer: true, timeZone: 'Europe/Sofia',
      },
      client: {
        name: '„Вектор“ АД', country: 'BG', inn: null, kpp: null, ogrn: null, eik: '204567890', vatNumber: null,
        address: 'гр. Пловдив, ул. „Гладстон“ 3', ...noBank, signatoryName: 'Петър Георгиев', signatoryPosition: 'Изпълнителен директор',
      },
    };
  }
  return {
    agency: {
      name: 'ООО «Ромашка Диджитал»', tradingName: 'Ромашка Диджитал', country: 'RU', inn: '7701234567', kpp: '770101001',
      ogrn: '1027700132195', eik: null, vatNumber: null, address: 'г. Москва, ул. Тверская, д. 1', ...noBank,
      signatoryName: 'Иванова Мария Сергеевна', signatoryPosition: 'Генеральный директор', vatPayer: true, timeZone: 'Europe/Moscow',
    },
    client: {
      name: 'АО «Вектор»', country: 'RU', inn: '7709876543', kpp: '770901001', ogrn: null, eik: null, vatNumber: null,
      address: 'г. Москва, Ленинский пр-т, д. 30', ...noBank, signatoryName: 'Петров Пётр Петрович', signatoryPosition: 'Директор по маркетингу',
    },
  };
}

export const TEXT: Record<Locale, { title: string; agenda: string; discussion: string; decisions: string[]; items: string[]; people: [string, string, string, string] }> = {
  ru: {
    title: 'Согласование медиаплана на I квартал',
    agenda: '1. Итоги кампании за ноябрь.\n2. Медиаплан на I квартал 2027 года.\n3. Бюджет и сроки запуска.',
    discussion: 'Агентство представило итоги ноябрьской кампании: охват выше плана на 12 %, стоимость лида ниже целевой. Заказчик попросил усилить присутствие в Telegram и сократить долю медийной рекламы.\n\nОбсудили сроки подготовки креативов и порядок согласования.',
    decisions: ['Утвердить медиаплан с перераспределением 10 % бюджета в Telegram Ads.', 'Запуск кампании — 15 января 2027 года.', 'Еженедельные отчёты по понедельникам.'],
    items: ['Подготовить обновлённый медиаплан', 'Согласовать креативы с юридическим отделом', 'Передать доступы к рекламным кабинетам'],
    people: ['Смирнов Алексей', 'Иванова Мария Сергеевна', 'Петров Пётр Петрович', 'Кузнецова Анна'],
  },
  bg: {
    title: 'Съгласуване на медийния план за първото тримесечие',
    agenda: '1. Резултати от кампанията за ноември.\n2. Медиен план за първото тримесечие.',
    discussion: 'Агенцията представи резултатите от ноемврийската кампания. Възложителят поиска по-силно присъствие в социалните мрежи.',
    decisions: ['Медийният план се одобрява с преразпределение на 10 % от бюджета.', 'Стартът на кампанията е на 15 януари 2027 г.'],
    items: ['Да се подготви актуализиран медиен план', 'Да се съгласуват рекламните материали', 'Да се предостави достъп до рекламните профили'],
    people: ['Алексей Смирнов', 'Мария Иванова', 'Петър Георгиев', 'Анна Кузманова'],
  },
  en: {
    title: 'Q1 media plan review',
    agenda: '1. November campaign results.\n2. The Q1 2027 media plan.',
    discussion: 'The agency presented the November results: reach 12 % above plan. The customer asked for more presence in messengers.',
    decisions: ['Approve the media plan with 10 % of the budget moved to Telegram Ads.', 'Launch on 15 January 2027.'],
    items: ['Prepare the updated media plan', 'Clear the creatives with the legal team', 'Grant access to the ad accounts'],
    people: ['Alexey Smirnov', 'Maria Ivanova', 'Peter Petrov', 'Anna Kuznetsova'],
  },
};

export function meetingProtocolModel(locale: Locale, opts: { items?: number } = {}): MeetingProtocolModel {
  const { agency, client } = parties(locale);
  const x = TEXT[locale];
  const count = opts.items ?? 3;
  return {
    agency,
    client,
    logo: null,
    stamp: null,
    signature: null,
    title: x.title,
    starts: { date: '2026-11-20', time: '14:00' },
    ends: { date: '2026-11-20', time: '15:30' },
    utcOffset: locale === 'bg' ? 'UTC+2' : 'UTC+3',
    location: locale === 'en' ? 'Customer office, meeting room 4' : locale === 'bg' ? 'офис на Възложителя, зала 4' : 'офис Заказчика, переговорная 4',
    agencyParticipants: [
      { name: x.people[0], position: null, staffRole: 'MANAGER' },
      { name: x.people[1], position: agency.signatoryPosition, staffRole: 'OWNER' },
    ],
    clientParticipants: [
      { name: x.people[2], position: client.signatoryPosition, staffRole: null },
      { name: x.people[3], position: locale === 'en' ? 'Brand manager' : locale === 'bg' ? 'Бранд мениджър' : 'Бренд-менеджер', staffRole: null },
    ],
    agenda: x.agenda,
    discussion: x.discussion,
    decisions: x.decisions,
    actionItems: Array.from({ length: count }, (_, i) => ({
      description: `${x.items[i % x.items.length]}${i >= x.items.length ? ` (${i + 1})` : ''}`,
      owner: i % 2 === 0 ? x.people[0] : x.people[3],
      dueDate: `2026-12-${String((i % 28) + 1).padStart(2, '0')}`,
      done: i === 1,
    })),
    nextMeeting: { date: '2026-11-27', time: '11:00' },
    agencySigner: { name: x.people[0], position: null, staffRole: 'MANAGER' },
    clientSigner: { name: x.people[2], position: client.signatoryPosition, staffRole: null },
  };
}
