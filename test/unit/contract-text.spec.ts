import { cityOfAddress } from '../../src/documents/shared/city';
import { documentLabels } from '../../src/documents/i18n/labels';
import { positionGenitive, shortName, signatoryGenitive, surnameGenitive } from '../../src/documents/i18n/ru-genitive';
import { headsTheCompany, paymentLabel, paymentTerms, placeholderValues, standardPreamble, vatClause } from '../../src/documents/contract/contract.text';
import { PLACEHOLDERS } from '../../src/documents/contract/contract-template';
import { VatRegime } from '../../src/entities/enums';
import { sampleContractModel, type Lang } from '../support/contract-document';

const NBSP = '\u00a0';
const plain = (s: string) => s.replace(/[\u00a0\u2009]/g, ' ');
const l = (lang: Lang) => documentLabels(lang as never);

describe('the Russian genitive of signatories', () => {
  it.each([
    ['Иванов Иван Иванович', 'Иванова И. И.', 'male'],
    ['Орлова Екатерина Павловна', 'Орловой Е. П.', 'female'],
    ['Петровский Пётр Ильич', 'Петровского П. И.', 'male'],
    ['Петровская Анна Ильинична', 'Петровской А. И.', 'female'],
    ['Толстой Лев Николаевич', 'Толстого Л. Н.', 'male'],
    ['Гайдай Леонид Иович', 'Гайдая Л. И.', 'male'],
    ['Гоголь Николай Васильевич', 'Гоголя Н. В.', 'male'],
    ['Шевчук Юрий Юлианович', 'Шевчука Ю. Ю.', 'male'],
    ['Шевчук Ольга Юрьевна', 'Шевчук О. Ю.', 'female'],
    ['Шевченко Тарас Григорьевич', 'Шевченко Т. Г.', 'male'],
    ['Черных Алла Сергеевна', 'Черных А. С.', 'female'],
    ['Кузнецова-Петрова Анна Сергеевна', 'Кузнецовой-Петровой А. С.', 'female'],
    ['Сковорода Григорий Саввич', 'Сковороды Г. С.', 'male'],
    ['Орлова Е. П.', 'Орловой Е. П.', 'female'],
    ['Петровский П.И.', 'Петровского П. И.', 'male'],
  ])('%s → %s', (name, genitive, gender) => {
    expect(plain(signatoryGenitive(name)!.genitive)).toBe(genitive);
    expect(signatoryGenitive(name)!.gender).toBe(gender);
  });

  it('declines nothing it cannot be sure of', () => {
    expect(signatoryGenitive('Иван Петров')).toBeNull(); // order and gender unknown
    expect(signatoryGenitive('John Smith Jr')).toBeNull();
    expect(signatoryGenitive('Иванов Иван Оглы')).toBeNull(); // no patronymic ending
    expect(surnameGenitive('Хорошая', 'female')).toBeNull(); // the ending depends on the stress
    expect(signatoryGenitive('Шевчук Ю. Ю.')).toBeNull(); // initials: the surname does not show the gender
  });

  it('shortens a Russian full name to initials and leaves other names alone', () => {
    expect(shortName('Орлова Екатерина Павловна')).toBe(`Орлова${NBSP}Е.${NBSP}П.`);
    expect(shortName('Мария Иванова Петкова')).toBe('Мария Иванова Петкова');
    expect(shortName('Орлова Е.П.')).toBe(`Орлова${NBSP}Е.${NBSP}П.`);
    expect(shortName('  John Smith ')).toBe('John Smith');
  });

  it.each([
    ['Генеральный директор', 'Генерального директора'],
    ['Коммерческий директор', 'Коммерческого директора'],
    ['Главный бухгалтер', 'Главного бухгалтера'],
    ['Старший менеджер', 'Старшего менеджера'],
    ['Председатель правления', 'Председателя правления'],
    ['Управляющий', 'Управляющего'],
    ['Управляющий партнёр', 'Управляющего партнёра'],
    ['Директор по маркетингу', 'Директора по маркетингу'],
    ['генеральный директор', 'генерального директора'],
  ])('position %s → %s', (position, genitive) => {
    expect(positionGenitive(position)).toBe(genitive);
  });

  it('leaves positions it cannot decline to an undeclined phrase', () => {
    expect(positionGenitive('CEO')).toBeNull();
    expect(positionGenitive('Бухгалтерия')).toBeNull();
  });

});

describe('the city of an address', () => {
  it.each([
    ['125009, г. Москва, ул. Тверская, д. 7', 'Москва'],
    ['г.Санкт-Петербург, Невский пр., д. 1', 'Санкт-Петербург'],
    ['603000, г. Нижний Новгород, ул. Большая Покровская, 1', 'Нижний Новгород'],
    ['344000, город Ростов-на-Дону, ул. Садовая, 5', 'Ростов-на-Дону'],
    ['125009, Москва, ул. Тверская, 7', 'Москва'],
    ['141400, Московская обл., г. Химки, ул. Ленина, 1', 'Химки'],
    ['гр. София, бул. „Витоша“ 15', 'София'],
    ['София 1000, бул. „Витоша“ 15', 'София'],
    ['4000 Пловдив, ул. „Главна“ 3', 'Пловдив'],
    ['гр. Стара Загора, ул. „Цар Симеон Велики“ 100', 'Стара Загора'],
  ])('%s → %s', (address, city) => {
    expect(cityOfAddress(address)).toBe(city);
  });

  it.each([
    [null],
    [''],
    ['141400, Московская обл., Химки, ул. Ленина, 1'],
    ['Ленинградская область, Всеволожский район, пос. Мурино'],
    ['10 Downing Street, London'],
  ])('%s → blank', (address) => {
    expect(cityOfAddress(address)).toBeNull();
  });
});

describe('the contract text', () => {
  it('fills every placeholder of the whitelist', () => {
    for (const lang of ['ru', 'bg', 'en'] as const) {
      const values = placeholderValues(sampleContractModel(lang), lang, l(lang));
      expect(Object.keys(values).sort()).toEqual([...PLACEHOLDERS].sort());
      for (const v of Object.values(values)) expect(v.trim()).not.toBe('');
    }
    const ru = placeholderValues(sampleContractModel('ru'), 'ru', l('ru'));
    expect(plain(ru['contract.amount'])).toBe('146 400,00');
    expect(ru['contract.currency']).toBe('руб.');
    expect(ru['contract.amountInWords']).toBe('Сто сорок шесть тысяч четыреста рублей 00 копеек');
    expect(plain(ru['contract.date'])).toBe('12 марта 2026 г.');
    expect(ru['contract.actSignDays']).toBe(`5${NBSP}календарных дней`);
    expect(ru['agency.taxId']).toBe('ИНН 7701234567');
    expect(plain(ru['agency.signatoryName'])).toBe('Орлова Е. П.');
    const bg = placeholderValues(sampleContractModel('bg'), 'bg', l('bg'));
    expect(bg['agency.taxId']).toBe('ЕИК 204567890');
    expect(bg['contract.amountInWords']).toBe('Сто четиридесет и шест хиляди и четиристотин евро и 00 евроцента');
  });

  it('leaves blanks for what a draft does not have yet', () => {
    const values = placeholderValues(sampleContractModel('ru', { number: null, startsOn: null, endsOn: null }), 'ru', l('ru'));
    expect(values['contract.number']).toMatch(/^_+$/);
    expect(values['contract.startsOn']).toBe('«____» ____________ 20___ г.');
  });

  it('writes the VAT clause by price basis and VAT regime', () => {
    const ru = sampleContractModel('ru');
    expect(plain(vatClause(ru, 'ru', l('ru')))).toBe('в том числе НДС 22% — 26 400,00 руб.');
    const onTop = sampleContractModel('ru', {
      amount: '120000.00',
      priceBasis: 'VAT_ON_TOP',
      vat: { regime: VatRegime.STANDARD, rate: '22.00', customNote: null, net: '120000.00', vat: '26400.00', gross: '146400.00' },
    });
    expect(plain(vatClause(onTop, 'ru', l('ru')))).toBe('НДС по ставке 22% начисляется сверх указанной суммы и составляет 26 400,00 руб., всего с НДС — 146 400,00 руб.');
    expect(plain(vatClause(onTop, 'en', l('en')))).toBe('plus VAT at 22% of 26,400.00 RUB, 146,400.00 RUB in total including VAT');
    const usn = sampleContractModel('ru', { vat: { regime: VatRegime.RU_USN_WITHOUT_VAT, rate: null, customNote: null, net: '146400.00', vat: '0.00', gross: '146400.00' } });
    expect(vatClause(usn, 'ru', l('ru'))).toBe('НДС не облагается в связи с применением Исполнителем упрощённой системы налогообложения (п. 2 ст. 346.11 НК РФ)');
    const own = sampleContractModel('ru', { vat: { regime: VatRegime.RU_USN_WITHOUT_VAT, rate: null, customNote: 'Без НДС (УСН)', net: '146400.00', vat: '0.00', gross: '146400.00' } });
    expect(vatClause(own, 'ru', l('ru'))).toBe('Без НДС (УСН)');
    const bg = sampleContractModel('bg', { vat: { regime: VatRegime.BG_NOT_REGISTERED, rate: null, customNote: null, net: '146400.00', vat: '0.00', gross: '146400.00' } });
    expect(vatClause(bg, 'bg', l('bg'))).toBe('не се начислява ДДС на основание чл. 113, ал. 9 от ЗДДС (изпълнителят не е регистриран по ЗДДС)');
    const none = sampleContractModel('en', { vat: { regime: VatRegime.STANDARD, rate: null, customNote: null, net: '1.00', vat: '0.00', gross: '1.00' } });
    expect(vatClause(none, 'en', l('en'))).toBe('VAT is not charged');
  });

  it('opens with both parties and their signatories, declined in Russian', () => {
    const ru = plain(standardPreamble(sampleContractModel('ru'), 'ru', l('ru')));
    expect(ru).toBe(
      'ООО «Вектор Диджитал» (ИНН 7701234567, адрес: 125009, г. Москва, ул. Тверская, д. 7, офис 12), именуемое в дальнейшем «Исполнитель», ' +
        'в лице Генерального директора Орловой Е. П., действующей на основании Устава, с одной стороны, и ' +
        'АО «Ромашка» (ИНН 7709876543, адрес: 190000, г. Санкт-Петербург, Невский пр., д. 1), именуемое в дальнейшем «Заказчик», ' +
        'в лице Коммерческого директора Петрова П. П., действующего на основании доверенности № ______ от ____________, с другой стороны, ' +
        'вместе именуемые «Стороны», а по отдельности — «Сторона», заключили настоящий договор (далее — «Договор») о нижеследующем:',
    );
    const base = sampleContractModel('ru');
    const undeclined = plain(standardPreamble({ ...base, client: { ...base.client, signatoryName: 'Smith John', signatoryPosition: 'CEO' } }, 'ru', l('ru')));
    expect(undeclined).toContain('в лице представителя — CEO Smith John, действующего на основании Устава');
    const blank = plain(standardPreamble({ ...base, client: { ...base.client, signatoryName: null } }, 'ru', l('ru')));
    expect(blank).toContain('«Заказчик», в лице ________________________________, действующего на основании ________________, с другой стороны');
    const soleTrader = plain(standardPreamble({ ...base, client: { ...base.client, name: 'ИП Сидоров Иван Петрович', inn: '500100732259', kpp: null } }, 'ru', l('ru')));
    expect(soleTrader).toContain('ИП Сидоров Иван Петрович (ИНН 500100732259, адрес: 190000, г. Санкт-Петербург, Невский пр., д. 1), именуемый в дальнейшем «Заказчик», с другой стороны');

    expect(plain(standardPreamble(sampleContractModel('bg'), 'bg', l('bg')))).toBe(
      'Между „Вектор Диджитал“ ЕООД, ЕИК 204567890, със седалище и адрес на управление: гр. София, бул. „Витоша“ 15, ' +
        'представлявано от Мария Иванова Петкова – управител, в качеството си на законен представител, наричано по-долу за краткост „ИЗПЪЛНИТЕЛ“, от една страна, и ' +
        '„Лайка“ АД, ЕИК 831902088, със седалище и адрес на управление: гр. Пловдив, ул. „Главна“ 3, ' +
        'представлявано от Георги Димитров – изпълнителен директор, в качеството си на законен представител, наричано по-долу за краткост „ВЪЗЛОЖИТЕЛ“, от друга страна, ' +
        'заедно наричани „Страните“, се сключи настоящият договор за следното:',
    );
    expect(plain(standardPreamble(sampleContractModel('en'), 'en', l('en')))).toContain(
      'ООО «Вектор Диджитал», INN 7701234567, registered at 125009, г. Москва, ул. Тверская, д. 7, офис 12, represented by Орлова Е. П., Генеральный директор, acting under its articles of association (the “Agency”)',
    );
  });

  it('tells who represents the company by its charter from who needs a power of attorney', () => {
    const heads = ['Генеральный директор', 'Директор', 'Исполнительный директор', 'Управляющий', 'Президент', 'Председатель правления', 'управител', 'Изпълнителен директор', 'Managing Director', 'CEO', 'Director'];
    for (const p of heads) expect({ p, heads: headsTheCompany(p) }).toEqual({ p, heads: true });
    for (const p of ['Коммерческий директор', 'Менеджер по работе с клиентами', 'Главный бухгалтер', 'търговски директор', 'Marketing Director', 'Account manager']) {
      expect({ p, heads: headsTheCompany(p) }).toEqual({ p, heads: false });
    }
  });

  it('says when each payment is due and marks advances', () => {
    const [advance, dated, final] = sampleContractModel('ru').schedule;
    expect(paymentTerms(advance, 'ru', l('ru'))).toBe('при подписании Договора');
    expect(paymentTerms(dated, 'ru', l('ru'))).toBe('до 15.07.2026');
    expect(paymentTerms(final, 'ru', l('ru'))).toBe('после подписания Акта об оказании услуг, не позднее 20.01.2027');
    expect(paymentTerms({ ...dated, dueOn: null }, 'en', l('en'))).toBe('on the date agreed by the Parties');
    expect(paymentTerms({ ...final, trigger: 'MILESTONE', dueOn: null }, 'bg', l('bg'))).toBe('при завършване на етап');
    expect(paymentLabel(advance, l('ru'))).toBe('Предоплата');
    expect(paymentLabel({ ...advance, label: 'Первый платёж' }, l('ru'))).toBe('Первый платёж (аванс)');
  });
});
