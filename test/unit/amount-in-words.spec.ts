import fc from 'fast-check';
import { CurrencyCode, Locale } from '../../src/entities/enums';
import { amountInWords, type DocumentCurrency, type DocumentLocale } from '../../src/documents/i18n/amount-in-words';

/**
 * The totals in words as an accountant reads them under an invoice or an act. Every expected
 * string is written out: the amounts run from 0 to 999 999 999 999, the subunits rotate through
 * 00, 01, 02, 05, 11, 21, 50 and 99 so that each currency meets each of them.
 */

/** "amount | expected" lines. */
function table(text: string): [string, string][] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [amount, expected] = line.split('|').map((s) => s.trim());
      return [amount, expected];
    });
}

function check(locale: DocumentLocale, currency: DocumentCurrency, rows: [string, string][]): void {
  const wrong = rows
    .map(([amount, expected]) => ({ amount, expected, actual: amountInWords(amount, currency, locale) }))
    .filter((r) => r.actual !== r.expected);
  expect(wrong).toEqual([]);
}

const RU_NINES = 'Девятьсот девяносто девять миллиардов девятьсот девяносто девять миллионов девятьсот девяносто девять тысяч девятьсот девяносто девять';
const BG_NINES = 'Деветстотин деветдесет и девет милиарда деветстотин деветдесет и девет милиона деветстотин деветдесет и девет хиляди деветстотин деветдесет и девет';
const EN_NINES = 'Nine hundred and ninety-nine billion nine hundred and ninety-nine million nine hundred and ninety-nine thousand nine hundred and ninety-nine';

describe('amount in words: Russian', () => {
  it('prints the totals of Russian documents', () => {
    expect(amountInWords('121000.50', 'RUB', 'ru')).toBe('Сто двадцать одна тысяча рублей 50 копеек');
    expect(amountInWords('2003.05', 'RUB', 'ru')).toBe('Две тысячи три рубля 05 копеек');
    expect(amountInWords('1.01', 'RUB', 'ru')).toBe('Один рубль 01 копейка');
    expect(amountInWords('0', 'RUB', 'ru')).toBe('Ноль рублей 00 копеек');
  });

  it('roubles and kopecks', () => {
    check('ru', 'RUB', table(`
      0.00            | Ноль рублей 00 копеек
      1.01            | Один рубль 01 копейка
      2.02            | Два рубля 02 копейки
      3.05            | Три рубля 05 копеек
      4.11            | Четыре рубля 11 копеек
      5.21            | Пять рублей 21 копейка
      10.50           | Десять рублей 50 копеек
      11.99           | Одиннадцать рублей 99 копеек
      12.00           | Двенадцать рублей 00 копеек
      13.01           | Тринадцать рублей 01 копейка
      14.02           | Четырнадцать рублей 02 копейки
      15.05           | Пятнадцать рублей 05 копеек
      19.11           | Девятнадцать рублей 11 копеек
      20.21           | Двадцать рублей 21 копейка
      21.50           | Двадцать один рубль 50 копеек
      22.99           | Двадцать два рубля 99 копеек
      25.00           | Двадцать пять рублей 00 копеек
      100.01          | Сто рублей 01 копейка
      101.02          | Сто один рубль 02 копейки
      111.05          | Сто одиннадцать рублей 05 копеек
      112.11          | Сто двенадцать рублей 11 копеек
      121.21          | Сто двадцать один рубль 21 копейка
      200.50          | Двести рублей 50 копеек
      1000.99         | Одна тысяча рублей 99 копеек
      1001.00         | Одна тысяча один рубль 00 копеек
      1021.01         | Одна тысяча двадцать один рубль 01 копейка
      2000.02         | Две тысячи рублей 02 копейки
      2021.05         | Две тысячи двадцать один рубль 05 копеек
      5000.11         | Пять тысяч рублей 11 копеек
      11000.21        | Одиннадцать тысяч рублей 21 копейка
      21000.50        | Двадцать одна тысяча рублей 50 копеек
      22000.99        | Двадцать две тысячи рублей 99 копеек
      100000.00       | Сто тысяч рублей 00 копеек
      101000.01       | Сто одна тысяча рублей 01 копейка
      121000.02       | Сто двадцать одна тысяча рублей 02 копейки
      1000000.05      | Один миллион рублей 05 копеек
      2000000.11      | Два миллиона рублей 11 копеек
      5000000.21      | Пять миллионов рублей 21 копейка
      1000001.50      | Один миллион один рубль 50 копеек
      2000000000.99   | Два миллиарда рублей 99 копеек
      999999999999.00 | ${RU_NINES} рублей 00 копеек
    `));
  });

  it('euros (indeclinable, masculine) and cents', () => {
    check('ru', 'EUR', table(`
      0.01            | Ноль евро 01 цент
      1.02            | Один евро 02 цента
      2.05            | Два евро 05 центов
      3.11            | Три евро 11 центов
      4.21            | Четыре евро 21 цент
      5.50            | Пять евро 50 центов
      10.99           | Десять евро 99 центов
      11.00           | Одиннадцать евро 00 центов
      12.01           | Двенадцать евро 01 цент
      13.02           | Тринадцать евро 02 цента
      14.05           | Четырнадцать евро 05 центов
      15.11           | Пятнадцать евро 11 центов
      19.21           | Девятнадцать евро 21 цент
      20.50           | Двадцать евро 50 центов
      21.99           | Двадцать один евро 99 центов
      22.00           | Двадцать два евро 00 центов
      25.01           | Двадцать пять евро 01 цент
      100.02          | Сто евро 02 цента
      101.05          | Сто один евро 05 центов
      111.11          | Сто одиннадцать евро 11 центов
      112.21          | Сто двенадцать евро 21 цент
      121.50          | Сто двадцать один евро 50 центов
      200.99          | Двести евро 99 центов
      1000.00         | Одна тысяча евро 00 центов
      1001.01         | Одна тысяча один евро 01 цент
      1021.02         | Одна тысяча двадцать один евро 02 цента
      2000.05         | Две тысячи евро 05 центов
      2003.05         | Две тысячи три евро 05 центов
      2021.11         | Две тысячи двадцать один евро 11 центов
      5000.21         | Пять тысяч евро 21 цент
      11000.50        | Одиннадцать тысяч евро 50 центов
      21000.99        | Двадцать одна тысяча евро 99 центов
      22000.00        | Двадцать две тысячи евро 00 центов
      100000.01       | Сто тысяч евро 01 цент
      101000.02       | Сто одна тысяча евро 02 цента
      121000.05       | Сто двадцать одна тысяча евро 05 центов
      1000000.11      | Один миллион евро 11 центов
      2000000.21      | Два миллиона евро 21 цент
      5000000.50      | Пять миллионов евро 50 центов
      1000001.99      | Один миллион один евро 99 центов
      2000000000.00   | Два миллиарда евро 00 центов
      999999999999.01 | ${RU_NINES} евро 01 цент
    `));
  });

  it('Bulgarian leva and stotinki (feminine)', () => {
    check('ru', 'BGN', table(`
      0.02            | Ноль левов 02 стотинки
      1.05            | Один лев 05 стотинок
      2.11            | Два лева 11 стотинок
      3.21            | Три лева 21 стотинка
      4.50            | Четыре лева 50 стотинок
      5.99            | Пять левов 99 стотинок
      10.00           | Десять левов 00 стотинок
      11.01           | Одиннадцать левов 01 стотинка
      12.02           | Двенадцать левов 02 стотинки
      13.05           | Тринадцать левов 05 стотинок
      14.11           | Четырнадцать левов 11 стотинок
      15.21           | Пятнадцать левов 21 стотинка
      19.50           | Девятнадцать левов 50 стотинок
      20.99           | Двадцать левов 99 стотинок
      21.00           | Двадцать один лев 00 стотинок
      22.01           | Двадцать два лева 01 стотинка
      25.02           | Двадцать пять левов 02 стотинки
      100.05          | Сто левов 05 стотинок
      101.11          | Сто один лев 11 стотинок
      111.21          | Сто одиннадцать левов 21 стотинка
      112.50          | Сто двенадцать левов 50 стотинок
      121.99          | Сто двадцать один лев 99 стотинок
      200.00          | Двести левов 00 стотинок
      1000.01         | Одна тысяча левов 01 стотинка
      1001.02         | Одна тысяча один лев 02 стотинки
      1021.05         | Одна тысяча двадцать один лев 05 стотинок
      2000.11         | Две тысячи левов 11 стотинок
      2021.21         | Две тысячи двадцать один лев 21 стотинка
      5000.50         | Пять тысяч левов 50 стотинок
      11000.99        | Одиннадцать тысяч левов 99 стотинок
      21000.00        | Двадцать одна тысяча левов 00 стотинок
      22000.01        | Двадцать две тысячи левов 01 стотинка
      100000.02       | Сто тысяч левов 02 стотинки
      101000.05       | Сто одна тысяча левов 05 стотинок
      121000.11       | Сто двадцать одна тысяча левов 11 стотинок
      1000000.21      | Один миллион левов 21 стотинка
      2000000.50      | Два миллиона левов 50 стотинок
      5000000.99      | Пять миллионов левов 99 стотинок
      1000001.00      | Один миллион один лев 00 стотинок
      2000000000.01   | Два миллиарда левов 01 стотинка
      999999999999.02 | ${RU_NINES} левов 02 стотинки
    `));
  });

  it('US dollars and cents', () => {
    check('ru', 'USD', table(`
      0.05            | Ноль долларов США 05 центов
      1.11            | Один доллар США 11 центов
      2.21            | Два доллара США 21 цент
      3.50            | Три доллара США 50 центов
      4.99            | Четыре доллара США 99 центов
      5.00            | Пять долларов США 00 центов
      10.01           | Десять долларов США 01 цент
      11.02           | Одиннадцать долларов США 02 цента
      12.05           | Двенадцать долларов США 05 центов
      13.11           | Тринадцать долларов США 11 центов
      14.21           | Четырнадцать долларов США 21 цент
      15.50           | Пятнадцать долларов США 50 центов
      19.99           | Девятнадцать долларов США 99 центов
      20.00           | Двадцать долларов США 00 центов
      21.01           | Двадцать один доллар США 01 цент
      22.02           | Двадцать два доллара США 02 цента
      25.05           | Двадцать пять долларов США 05 центов
      100.11          | Сто долларов США 11 центов
      101.21          | Сто один доллар США 21 цент
      111.50          | Сто одиннадцать долларов США 50 центов
      112.99          | Сто двенадцать долларов США 99 центов
      121.00          | Сто двадцать один доллар США 00 центов
      200.01          | Двести долларов США 01 цент
      1000.02         | Одна тысяча долларов США 02 цента
      1001.05         | Одна тысяча один доллар США 05 центов
      1021.11         | Одна тысяча двадцать один доллар США 11 центов
      2000.21         | Две тысячи долларов США 21 цент
      2021.50         | Две тысячи двадцать один доллар США 50 центов
      5000.99         | Пять тысяч долларов США 99 центов
      11000.00        | Одиннадцать тысяч долларов США 00 центов
      21000.01        | Двадцать одна тысяча долларов США 01 цент
      22000.02        | Двадцать две тысячи долларов США 02 цента
      100000.05       | Сто тысяч долларов США 05 центов
      101000.11       | Сто одна тысяча долларов США 11 центов
      121000.21       | Сто двадцать одна тысяча долларов США 21 цент
      1000000.50      | Один миллион долларов США 50 центов
      2000000.99      | Два миллиона долларов США 99 центов
      5000000.00      | Пять миллионов долларов США 00 центов
      1000001.01      | Один миллион один доллар США 01 цент
      2000000000.02   | Два миллиарда долларов США 02 цента
      999999999999.05 | ${RU_NINES} долларов США 05 центов
    `));
  });
});

describe('amount in words: Bulgarian', () => {
  it('prints the totals of Bulgarian documents', () => {
    expect(amountInWords('2003.05', 'EUR', 'bg')).toBe('Две хиляди и три евро и 05 евроцента');
  });

  it('roubles (feminine) and kopecks', () => {
    check('bg', 'RUB', table(`
      0.00            | Нула рубли и 00 копейки
      1.01            | Една рубла и 01 копейка
      2.02            | Две рубли и 02 копейки
      3.05            | Три рубли и 05 копейки
      4.11            | Четири рубли и 11 копейки
      5.21            | Пет рубли и 21 копейки
      10.50           | Десет рубли и 50 копейки
      11.99           | Единадесет рубли и 99 копейки
      12.00           | Дванадесет рубли и 00 копейки
      13.01           | Тринадесет рубли и 01 копейка
      14.02           | Четиринадесет рубли и 02 копейки
      15.05           | Петнадесет рубли и 05 копейки
      19.11           | Деветнадесет рубли и 11 копейки
      20.21           | Двадесет рубли и 21 копейки
      21.50           | Двадесет и една рубли и 50 копейки
      22.99           | Двадесет и две рубли и 99 копейки
      25.00           | Двадесет и пет рубли и 00 копейки
      100.01          | Сто рубли и 01 копейка
      101.02          | Сто и една рубли и 02 копейки
      111.05          | Сто и единадесет рубли и 05 копейки
      112.11          | Сто и дванадесет рубли и 11 копейки
      121.21          | Сто двадесет и една рубли и 21 копейки
      200.50          | Двеста рубли и 50 копейки
      1000.99         | Хиляда рубли и 99 копейки
      1001.00         | Хиляда и една рубли и 00 копейки
      1021.01         | Хиляда двадесет и една рубли и 01 копейка
      2000.02         | Две хиляди рубли и 02 копейки
      2021.05         | Две хиляди двадесет и една рубли и 05 копейки
      5000.11         | Пет хиляди рубли и 11 копейки
      11000.21        | Единадесет хиляди рубли и 21 копейки
      21000.50        | Двадесет и една хиляди рубли и 50 копейки
      22000.99        | Двадесет и две хиляди рубли и 99 копейки
      100000.00       | Сто хиляди рубли и 00 копейки
      101000.01       | Сто и една хиляди рубли и 01 копейка
      121000.02       | Сто двадесет и една хиляди рубли и 02 копейки
      1000000.05      | Един милион рубли и 05 копейки
      2000000.11      | Два милиона рубли и 11 копейки
      5000000.21      | Пет милиона рубли и 21 копейки
      1000001.50      | Един милион и една рубли и 50 копейки
      2000000000.99   | Два милиарда рубли и 99 копейки
      999999999999.00 | ${BG_NINES} рубли и 00 копейки
    `));
  });

  it('euros (neuter, indeclinable) and eurocents', () => {
    check('bg', 'EUR', table(`
      0.01            | Нула евро и 01 евроцент
      1.02            | Едно евро и 02 евроцента
      2.05            | Две евро и 05 евроцента
      3.11            | Три евро и 11 евроцента
      4.21            | Четири евро и 21 евроцента
      5.50            | Пет евро и 50 евроцента
      10.99           | Десет евро и 99 евроцента
      11.00           | Единадесет евро и 00 евроцента
      12.01           | Дванадесет евро и 01 евроцент
      13.02           | Тринадесет евро и 02 евроцента
      14.05           | Четиринадесет евро и 05 евроцента
      15.11           | Петнадесет евро и 11 евроцента
      19.21           | Деветнадесет евро и 21 евроцента
      20.50           | Двадесет евро и 50 евроцента
      21.99           | Двадесет и едно евро и 99 евроцента
      22.00           | Двадесет и две евро и 00 евроцента
      25.01           | Двадесет и пет евро и 01 евроцент
      100.02          | Сто евро и 02 евроцента
      101.05          | Сто и едно евро и 05 евроцента
      111.11          | Сто и единадесет евро и 11 евроцента
      112.21          | Сто и дванадесет евро и 21 евроцента
      121.50          | Сто двадесет и едно евро и 50 евроцента
      200.99          | Двеста евро и 99 евроцента
      1000.00         | Хиляда евро и 00 евроцента
      1001.01         | Хиляда и едно евро и 01 евроцент
      1021.02         | Хиляда двадесет и едно евро и 02 евроцента
      2000.05         | Две хиляди евро и 05 евроцента
      2021.11         | Две хиляди двадесет и едно евро и 11 евроцента
      5000.21         | Пет хиляди евро и 21 евроцента
      11000.50        | Единадесет хиляди евро и 50 евроцента
      21000.99        | Двадесет и една хиляди евро и 99 евроцента
      22000.00        | Двадесет и две хиляди евро и 00 евроцента
      100000.01       | Сто хиляди евро и 01 евроцент
      101000.02       | Сто и една хиляди евро и 02 евроцента
      121000.05       | Сто двадесет и една хиляди евро и 05 евроцента
      1000000.11      | Един милион евро и 11 евроцента
      2000000.21      | Два милиона евро и 21 евроцента
      5000000.50      | Пет милиона евро и 50 евроцента
      1000001.99      | Един милион и едно евро и 99 евроцента
      2000000000.00   | Два милиарда евро и 00 евроцента
      999999999999.01 | ${BG_NINES} евро и 01 евроцент
    `));
  });

  it('leva (masculine, count form) and stotinki', () => {
    check('bg', 'BGN', table(`
      0.02            | Нула лева и 02 стотинки
      1.05            | Един лев и 05 стотинки
      2.11            | Два лева и 11 стотинки
      3.21            | Три лева и 21 стотинки
      4.50            | Четири лева и 50 стотинки
      5.99            | Пет лева и 99 стотинки
      10.00           | Десет лева и 00 стотинки
      11.01           | Единадесет лева и 01 стотинка
      12.02           | Дванадесет лева и 02 стотинки
      13.05           | Тринадесет лева и 05 стотинки
      14.11           | Четиринадесет лева и 11 стотинки
      15.21           | Петнадесет лева и 21 стотинки
      19.50           | Деветнадесет лева и 50 стотинки
      20.99           | Двадесет лева и 99 стотинки
      21.00           | Двадесет и един лева и 00 стотинки
      22.01           | Двадесет и два лева и 01 стотинка
      25.02           | Двадесет и пет лева и 02 стотинки
      100.05          | Сто лева и 05 стотинки
      101.11          | Сто и един лева и 11 стотинки
      111.21          | Сто и единадесет лева и 21 стотинки
      112.50          | Сто и дванадесет лева и 50 стотинки
      121.99          | Сто двадесет и един лева и 99 стотинки
      200.00          | Двеста лева и 00 стотинки
      1000.01         | Хиляда лева и 01 стотинка
      1001.02         | Хиляда и един лева и 02 стотинки
      1021.05         | Хиляда двадесет и един лева и 05 стотинки
      2000.11         | Две хиляди лева и 11 стотинки
      2021.21         | Две хиляди двадесет и един лева и 21 стотинки
      5000.50         | Пет хиляди лева и 50 стотинки
      11000.99        | Единадесет хиляди лева и 99 стотинки
      21000.00        | Двадесет и една хиляди лева и 00 стотинки
      22000.01        | Двадесет и две хиляди лева и 01 стотинка
      100000.02       | Сто хиляди лева и 02 стотинки
      101000.05       | Сто и една хиляди лева и 05 стотинки
      121000.11       | Сто двадесет и една хиляди лева и 11 стотинки
      1000000.21      | Един милион лева и 21 стотинки
      2000000.50      | Два милиона лева и 50 стотинки
      5000000.99      | Пет милиона лева и 99 стотинки
      1000001.00      | Един милион и един лева и 00 стотинки
      2000000000.01   | Два милиарда лева и 01 стотинка
      999999999999.02 | ${BG_NINES} лева и 02 стотинки
    `));
  });

  it('dollars (masculine, count form) and cents', () => {
    check('bg', 'USD', table(`
      0.05            | Нула долара и 05 цента
      1.11            | Един долар и 11 цента
      2.21            | Два долара и 21 цента
      3.50            | Три долара и 50 цента
      4.99            | Четири долара и 99 цента
      5.00            | Пет долара и 00 цента
      10.01           | Десет долара и 01 цент
      11.02           | Единадесет долара и 02 цента
      12.05           | Дванадесет долара и 05 цента
      13.11           | Тринадесет долара и 11 цента
      14.21           | Четиринадесет долара и 21 цента
      15.50           | Петнадесет долара и 50 цента
      19.99           | Деветнадесет долара и 99 цента
      20.00           | Двадесет долара и 00 цента
      21.01           | Двадесет и един долара и 01 цент
      22.02           | Двадесет и два долара и 02 цента
      25.05           | Двадесет и пет долара и 05 цента
      100.11          | Сто долара и 11 цента
      101.21          | Сто и един долара и 21 цента
      111.50          | Сто и единадесет долара и 50 цента
      112.99          | Сто и дванадесет долара и 99 цента
      121.00          | Сто двадесет и един долара и 00 цента
      200.01          | Двеста долара и 01 цент
      1000.02         | Хиляда долара и 02 цента
      1001.05         | Хиляда и един долара и 05 цента
      1021.11         | Хиляда двадесет и един долара и 11 цента
      2000.21         | Две хиляди долара и 21 цента
      2021.50         | Две хиляди двадесет и един долара и 50 цента
      5000.99         | Пет хиляди долара и 99 цента
      11000.00        | Единадесет хиляди долара и 00 цента
      21000.01        | Двадесет и една хиляди долара и 01 цент
      22000.02        | Двадесет и две хиляди долара и 02 цента
      100000.05       | Сто хиляди долара и 05 цента
      101000.11       | Сто и една хиляди долара и 11 цента
      121000.21       | Сто двадесет и една хиляди долара и 21 цента
      1000000.50      | Един милион долара и 50 цента
      2000000.99      | Два милиона долара и 99 цента
      5000000.00      | Пет милиона долара и 00 цента
      1000001.01      | Един милион и един долара и 01 цент
      2000000000.02   | Два милиарда долара и 02 цента
      999999999999.05 | ${BG_NINES} долара и 05 цента
    `));
  });

  it('puts "и" before the last element of a group, and between groups only before a last group of one element', () => {
    check('bg', 'EUR', table(`
      105.00          | Сто и пет евро и 00 евроцента
      120.00          | Сто и двадесет евро и 00 евроцента
      123.00          | Сто двадесет и три евро и 00 евроцента
      999.00          | Деветстотин деветдесет и девет евро и 00 евроцента
      1100.00         | Хиляда и сто евро и 00 евроцента
      1105.00         | Хиляда сто и пет евро и 00 евроцента
      1500.00         | Хиляда и петстотин евро и 00 евроцента
      2010.00         | Две хиляди и десет евро и 00 евроцента
      2019.00         | Две хиляди и деветнадесет евро и 00 евроцента
      2123.00         | Две хиляди сто двадесет и три евро и 00 евроцента
      2500.00         | Две хиляди и петстотин евро и 00 евроцента
      5300.00         | Пет хиляди и триста евро и 00 евроцента
      30301.00        | Тридесет хиляди триста и едно евро и 00 евроцента
      51009.00        | Петдесет и една хиляди и девет евро и 00 евроцента
      400000.00       | Четиристотин хиляди евро и 00 евроцента
      600700.00       | Шестстотин хиляди и седемстотин евро и 00 евроцента
      801001.00       | Осемстотин и една хиляди и едно евро и 00 евроцента
      1000500.00      | Един милион и петстотин евро и 00 евроцента
      1001000.00      | Един милион и хиляда евро и 00 евроцента
      1002003.00      | Един милион две хиляди и три евро и 00 евроцента
      1021000.00      | Един милион двадесет и една хиляди евро и 00 евроцента
      1200000.00      | Един милион и двеста хиляди евро и 00 евроцента
      21000000.00     | Двадесет и един милиона евро и 00 евроцента
      300000000.00    | Триста милиона евро и 00 евроцента
      1000000001.00   | Един милиард и едно евро и 00 евроцента
      2500000000.00   | Два милиарда и петстотин милиона евро и 00 евроцента
      2000500000.00   | Два милиарда и петстотин хиляди евро и 00 евроцента
      712000000000.00 | Седемстотин и дванадесет милиарда евро и 00 евроцента
    `));
  });
});

describe('amount in words: English', () => {
  it('prints the totals of English documents', () => {
    expect(amountInWords('2003.05', 'EUR', 'en')).toBe('Two thousand and three euros and 05 cents');
  });

  it('roubles and kopecks', () => {
    check('en', 'RUB', table(`
      0.00            | Zero roubles and 00 kopecks
      1.01            | One rouble and 01 kopeck
      2.02            | Two roubles and 02 kopecks
      3.05            | Three roubles and 05 kopecks
      4.11            | Four roubles and 11 kopecks
      5.21            | Five roubles and 21 kopecks
      10.50           | Ten roubles and 50 kopecks
      11.99           | Eleven roubles and 99 kopecks
      12.00           | Twelve roubles and 00 kopecks
      13.01           | Thirteen roubles and 01 kopeck
      14.02           | Fourteen roubles and 02 kopecks
      15.05           | Fifteen roubles and 05 kopecks
      19.11           | Nineteen roubles and 11 kopecks
      20.21           | Twenty roubles and 21 kopecks
      21.50           | Twenty-one roubles and 50 kopecks
      22.99           | Twenty-two roubles and 99 kopecks
      25.00           | Twenty-five roubles and 00 kopecks
      100.01          | One hundred roubles and 01 kopeck
      101.02          | One hundred and one roubles and 02 kopecks
      111.05          | One hundred and eleven roubles and 05 kopecks
      112.11          | One hundred and twelve roubles and 11 kopecks
      121.21          | One hundred and twenty-one roubles and 21 kopecks
      200.50          | Two hundred roubles and 50 kopecks
      1000.99         | One thousand roubles and 99 kopecks
      1001.00         | One thousand and one roubles and 00 kopecks
      1021.01         | One thousand and twenty-one roubles and 01 kopeck
      2000.02         | Two thousand roubles and 02 kopecks
      2021.05         | Two thousand and twenty-one roubles and 05 kopecks
      5000.11         | Five thousand roubles and 11 kopecks
      11000.21        | Eleven thousand roubles and 21 kopecks
      21000.50        | Twenty-one thousand roubles and 50 kopecks
      22000.99        | Twenty-two thousand roubles and 99 kopecks
      100000.00       | One hundred thousand roubles and 00 kopecks
      101000.01       | One hundred and one thousand roubles and 01 kopeck
      121000.02       | One hundred and twenty-one thousand roubles and 02 kopecks
      1000000.05      | One million roubles and 05 kopecks
      2000000.11      | Two million roubles and 11 kopecks
      5000000.21      | Five million roubles and 21 kopecks
      1000001.50      | One million and one roubles and 50 kopecks
      2000000000.99   | Two billion roubles and 99 kopecks
      999999999999.00 | ${EN_NINES} roubles and 00 kopecks
    `));
  });

  it('euros and cents', () => {
    check('en', 'EUR', table(`
      0.01            | Zero euros and 01 cent
      1.02            | One euro and 02 cents
      2.05            | Two euros and 05 cents
      3.11            | Three euros and 11 cents
      4.21            | Four euros and 21 cents
      5.50            | Five euros and 50 cents
      10.99           | Ten euros and 99 cents
      11.00           | Eleven euros and 00 cents
      12.01           | Twelve euros and 01 cent
      13.02           | Thirteen euros and 02 cents
      14.05           | Fourteen euros and 05 cents
      15.11           | Fifteen euros and 11 cents
      19.21           | Nineteen euros and 21 cents
      20.50           | Twenty euros and 50 cents
      21.99           | Twenty-one euros and 99 cents
      22.00           | Twenty-two euros and 00 cents
      25.01           | Twenty-five euros and 01 cent
      100.02          | One hundred euros and 02 cents
      101.05          | One hundred and one euros and 05 cents
      111.11          | One hundred and eleven euros and 11 cents
      112.21          | One hundred and twelve euros and 21 cents
      121.50          | One hundred and twenty-one euros and 50 cents
      200.99          | Two hundred euros and 99 cents
      1000.00         | One thousand euros and 00 cents
      1001.01         | One thousand and one euros and 01 cent
      1021.02         | One thousand and twenty-one euros and 02 cents
      2000.05         | Two thousand euros and 05 cents
      2021.11         | Two thousand and twenty-one euros and 11 cents
      5000.21         | Five thousand euros and 21 cents
      11000.50        | Eleven thousand euros and 50 cents
      21000.99        | Twenty-one thousand euros and 99 cents
      22000.00        | Twenty-two thousand euros and 00 cents
      100000.01       | One hundred thousand euros and 01 cent
      101000.02       | One hundred and one thousand euros and 02 cents
      121000.05       | One hundred and twenty-one thousand euros and 05 cents
      1000000.11      | One million euros and 11 cents
      2000000.21      | Two million euros and 21 cents
      5000000.50      | Five million euros and 50 cents
      1000001.99      | One million and one euros and 99 cents
      2000000000.00   | Two billion euros and 00 cents
      999999999999.01 | ${EN_NINES} euros and 01 cent
    `));
  });

  it('leva and stotinki', () => {
    check('en', 'BGN', table(`
      0.02            | Zero leva and 02 stotinki
      1.05            | One lev and 05 stotinki
      2.11            | Two leva and 11 stotinki
      3.21            | Three leva and 21 stotinki
      4.50            | Four leva and 50 stotinki
      5.99            | Five leva and 99 stotinki
      10.00           | Ten leva and 00 stotinki
      11.01           | Eleven leva and 01 stotinka
      12.02           | Twelve leva and 02 stotinki
      13.05           | Thirteen leva and 05 stotinki
      14.11           | Fourteen leva and 11 stotinki
      15.21           | Fifteen leva and 21 stotinki
      19.50           | Nineteen leva and 50 stotinki
      20.99           | Twenty leva and 99 stotinki
      21.00           | Twenty-one leva and 00 stotinki
      22.01           | Twenty-two leva and 01 stotinka
      25.02           | Twenty-five leva and 02 stotinki
      100.05          | One hundred leva and 05 stotinki
      101.11          | One hundred and one leva and 11 stotinki
      111.21          | One hundred and eleven leva and 21 stotinki
      112.50          | One hundred and twelve leva and 50 stotinki
      121.99          | One hundred and twenty-one leva and 99 stotinki
      200.00          | Two hundred leva and 00 stotinki
      1000.01         | One thousand leva and 01 stotinka
      1001.02         | One thousand and one leva and 02 stotinki
      1021.05         | One thousand and twenty-one leva and 05 stotinki
      2000.11         | Two thousand leva and 11 stotinki
      2021.21         | Two thousand and twenty-one leva and 21 stotinki
      5000.50         | Five thousand leva and 50 stotinki
      11000.99        | Eleven thousand leva and 99 stotinki
      21000.00        | Twenty-one thousand leva and 00 stotinki
      22000.01        | Twenty-two thousand leva and 01 stotinka
      100000.02       | One hundred thousand leva and 02 stotinki
      101000.05       | One hundred and one thousand leva and 05 stotinki
      121000.11       | One hundred and twenty-one thousand leva and 11 stotinki
      1000000.21      | One million leva and 21 stotinki
      2000000.50      | Two million leva and 50 stotinki
      5000000.99      | Five million leva and 99 stotinki
      1000001.00      | One million and one leva and 00 stotinki
      2000000000.01   | Two billion leva and 01 stotinka
      999999999999.02 | ${EN_NINES} leva and 02 stotinki
    `));
  });

  it('US dollars and cents', () => {
    check('en', 'USD', table(`
      0.05            | Zero US dollars and 05 cents
      1.11            | One US dollar and 11 cents
      2.21            | Two US dollars and 21 cents
      3.50            | Three US dollars and 50 cents
      4.99            | Four US dollars and 99 cents
      5.00            | Five US dollars and 00 cents
      10.01           | Ten US dollars and 01 cent
      11.02           | Eleven US dollars and 02 cents
      12.05           | Twelve US dollars and 05 cents
      13.11           | Thirteen US dollars and 11 cents
      14.21           | Fourteen US dollars and 21 cents
      15.50           | Fifteen US dollars and 50 cents
      19.99           | Nineteen US dollars and 99 cents
      20.00           | Twenty US dollars and 00 cents
      21.01           | Twenty-one US dollars and 01 cent
      22.02           | Twenty-two US dollars and 02 cents
      25.05           | Twenty-five US dollars and 05 cents
      100.11          | One hundred US dollars and 11 cents
      101.21          | One hundred and one US dollars and 21 cents
      111.50          | One hundred and eleven US dollars and 50 cents
      112.99          | One hundred and twelve US dollars and 99 cents
      121.00          | One hundred and twenty-one US dollars and 00 cents
      200.01          | Two hundred US dollars and 01 cent
      1000.02         | One thousand US dollars and 02 cents
      1001.05         | One thousand and one US dollars and 05 cents
      1021.11         | One thousand and twenty-one US dollars and 11 cents
      2000.21         | Two thousand US dollars and 21 cents
      2021.50         | Two thousand and twenty-one US dollars and 50 cents
      5000.99         | Five thousand US dollars and 99 cents
      11000.00        | Eleven thousand US dollars and 00 cents
      21000.01        | Twenty-one thousand US dollars and 01 cent
      22000.02        | Twenty-two thousand US dollars and 02 cents
      100000.05       | One hundred thousand US dollars and 05 cents
      101000.11       | One hundred and one thousand US dollars and 11 cents
      121000.21       | One hundred and twenty-one thousand US dollars and 21 cents
      1000000.50      | One million US dollars and 50 cents
      2000000.99      | Two million US dollars and 99 cents
      5000000.00      | Five million US dollars and 00 cents
      1000001.01      | One million and one US dollars and 01 cent
      2000000000.02   | Two billion US dollars and 02 cents
      999999999999.05 | ${EN_NINES} US dollars and 05 cents
    `));
  });

  it('says "and" after hundreds, and before a last group below a hundred only', () => {
    check('en', 'EUR', table(`
      110.00          | One hundred and ten euros and 00 cents
      1010.00         | One thousand and ten euros and 00 cents
      1100.00         | One thousand one hundred euros and 00 cents
      2300.00         | Two thousand three hundred euros and 00 cents
      2305.00         | Two thousand three hundred and five euros and 00 cents
      40090.00        | Forty thousand and ninety euros and 00 cents
      1000005.00      | One million and five euros and 00 cents
      1000100.00      | One million one hundred euros and 00 cents
      1005000.00      | One million five thousand euros and 00 cents
      1021000.00      | One million twenty-one thousand euros and 00 cents
      2000000003.00   | Two billion and three euros and 00 cents
      2300000000.00   | Two billion three hundred million euros and 00 cents
      2000300000.00   | Two billion three hundred thousand euros and 00 cents
    `));
  });
});

describe('amount in words: input', () => {
  it('reads one decimal as tenths and a whole number as 00', () => {
    expect(amountInWords('121000.5', 'RUB', 'ru')).toBe('Сто двадцать одна тысяча рублей 50 копеек');
    expect(amountInWords('0.5', 'EUR', 'bg')).toBe('Нула евро и 50 евроцента');
    expect(amountInWords('7', 'USD', 'en')).toBe('Seven US dollars and 00 cents');
  });

  it('takes the enums of the API as well as their values', () => {
    expect(amountInWords('1.00', CurrencyCode.EUR, Locale.BG)).toBe('Едно евро и 00 евроцента');
  });

  it.each([
    ['-1.00', 'a negative amount'],
    ['-0.00', 'a negative zero'],
    ['1.001', 'three decimals'],
    ['1.500', 'three decimals, even zeros'],
    ['1000000000000.00', 'a trillion'],
    ['1000000000000', 'a trillion without decimals'],
    ['', 'an empty string'],
    ['abc', 'letters'],
    [' 1.00', 'a leading space'],
    ['1.00 ', 'a trailing space'],
    ['1 000.00', 'a group separator'],
    ['1,50', 'a decimal comma'],
    ['1e3', 'an exponent'],
    ['+5', 'a plus sign'],
    ['.50', 'no whole part'],
    ['5.', 'no decimals after the point'],
    ['0x10', 'hexadecimal'],
    ['Infinity', 'infinity'],
    ['NaN', 'not a number'],
  ])('refuses %j (%s) with a RangeError', (amount) => {
    for (const locale of ['ru', 'bg', 'en'] as const) expect(() => amountInWords(amount, 'EUR', locale)).toThrow(RangeError);
  });

  it('refuses what is not a string, an unknown currency or an unknown locale', () => {
    expect(() => amountInWords(12 as unknown as string, 'EUR', 'en')).toThrow(RangeError);
    expect(() => amountInWords('12.00', 'GBP' as DocumentCurrency, 'en')).toThrow(RangeError);
    expect(() => amountInWords('12.00', 'EUR', 'de' as DocumentLocale)).toThrow(RangeError);
  });

  it('accepts the largest amount and nothing above it', () => {
    expect(amountInWords('999999999999.99', 'RUB', 'ru')).toBe(`${RU_NINES} рублей 99 копеек`);
    expect(() => amountInWords('1000000000000.00', 'RUB', 'ru')).toThrow(RangeError);
  });
});

describe('amount in words: properties', () => {
  const whole = fc.oneof(
    fc.bigInt({ min: 0n, max: 999_999_999_999n }),
    fc.bigInt({ min: 0n, max: 1_000n }),
    fc.constantFrom(0n, 1n, 2n, 11n, 21n, 1_000n, 1_001n, 21_000n, 1_000_000n, 1_000_001n, 999_999_999_999n),
  );
  const cents = fc.integer({ min: 0, max: 99 });
  const amount = fc.tuple(whole, cents).map(([w, c]) => ({ text: `${w}.${String(c).padStart(2, '0')}`, cents: c }));
  const currency = fc.constantFrom<DocumentCurrency>('RUB', 'EUR', 'BGN', 'USD');
  const locale = fc.constantFrom<DocumentLocale>('ru', 'bg', 'en');

  /** Russian agreement after a number: one (1, 21, …, not 11), few (2–4, 22–24, …, not 12–14), many. */
  function russianForm(n: number, [one, few, many]: [string, string, string]): string {
    if (n % 100 >= 11 && n % 100 <= 14) return many;
    if (n % 10 === 1) return one;
    if (n % 10 >= 2 && n % 10 <= 4) return few;
    return many;
  }
  const RU_SUBUNITS: Record<DocumentCurrency, [string, string, string]> = {
    RUB: ['копейка', 'копейки', 'копеек'],
    EUR: ['цент', 'цента', 'центов'],
    USD: ['цент', 'цента', 'центов'],
    BGN: ['стотинка', 'стотинки', 'стотинок'],
  };

  it('in Russian ends with the two digits of the subunits and the form that agrees with them', () => {
    fc.assert(
      fc.property(amount, currency, ({ text, cents: c }, cur) => {
        const words = amountInWords(text, cur, 'ru');
        expect(words.endsWith(` ${String(c).padStart(2, '0')} ${russianForm(c, RU_SUBUNITS[cur])}`)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never has a double space, a space at either end or a lower-case first letter; ru and bg never say " and "', () => {
    fc.assert(
      fc.property(amount, currency, locale, ({ text }, cur, loc) => {
        const words = amountInWords(text, cur, loc);
        expect(words).not.toMatch(/\s\s/);
        expect(words).toBe(words.trim());
        expect(words.charAt(0)).toBe(words.charAt(0).toLocaleUpperCase(loc));
        expect(words.charAt(0)).not.toBe(words.charAt(0).toLocaleLowerCase(loc));
        if (loc !== 'en') expect(words).not.toContain(' and ');
        expect(words).not.toMatch(/\b(и и|and and)\b/u);
      }),
      { numRuns: 1000 },
    );
  });
});
