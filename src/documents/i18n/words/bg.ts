import type { DocumentCurrency, WholeAndCents } from '../codes';

/**
 * Bulgarian cardinals for amounts. Within a group "и" stands before its last element ("двадесет и
 * едно", "сто и пет", "сто двадесет и три"); between groups only before the last group, and only
 * when that group is a single element ("две хиляди и три", "хиляда и сто", "един милион и
 * петстотин", but "две хиляди сто двадесет и три"). хиляда is feminine ("двадесет и една хиляди"),
 * милион and милиард masculine; the units agree with the currency noun ("един лев", "една рубла",
 * "едно евро"). A masculine noun takes its count form after any number but one ("два лева",
 * "двадесет и един лева", "пет долара"), as a subunit too ("05 евроцента").
 */

type Gender = 'm' | 'f' | 'n';

const ONE: Record<Gender, string> = { m: 'един', f: 'една', n: 'едно' };
const TWO: Record<Gender, string> = { m: 'два', f: 'две', n: 'две' };
const UNITS = ['', '', '', 'три', 'четири', 'пет', 'шест', 'седем', 'осем', 'девет'];
const TEENS = ['десет', 'единадесет', 'дванадесет', 'тринадесет', 'четиринадесет', 'петнадесет', 'шестнадесет', 'седемнадесет', 'осемнадесет', 'деветнадесет'];
const TENS = ['', '', 'двадесет', 'тридесет', 'четиридесет', 'петдесет', 'шестдесет', 'седемдесет', 'осемдесет', 'деветдесет'];
const HUNDREDS = ['', 'сто', 'двеста', 'триста', 'четиристотин', 'петстотин', 'шестстотин', 'седемстотин', 'осемстотин', 'деветстотин'];

interface Noun {
  gender: Gender;
  one: string;
  many: string;
}

/** Scales from the top; `one` is the whole phrase for a count of one ("хиляда", not "една хиляда"). */
const SCALES: { size: bigint; gender: Gender; one: string; many: string }[] = [
  { size: 1_000_000_000n, gender: 'm', one: 'един милиард', many: 'милиарда' },
  { size: 1_000_000n, gender: 'm', one: 'един милион', many: 'милиона' },
  { size: 1_000n, gender: 'f', one: 'хиляда', many: 'хиляди' },
];

const CURRENCIES: Record<DocumentCurrency, { unit: Noun; subunit: Noun }> = {
  EUR: { unit: { gender: 'n', one: 'евро', many: 'евро' }, subunit: { gender: 'm', one: 'евроцент', many: 'евроцента' } },
  BGN: { unit: { gender: 'm', one: 'лев', many: 'лева' }, subunit: { gender: 'f', one: 'стотинка', many: 'стотинки' } },
  RUB: { unit: { gender: 'f', one: 'рубла', many: 'рубли' }, subunit: { gender: 'f', one: 'копейка', many: 'копейки' } },
  USD: { unit: { gender: 'm', one: 'долар', many: 'долара' }, subunit: { gender: 'm', one: 'цент', many: 'цента' } },
};

/** The words of 1..999, one word per element: [сто, двадесет, една]. */
function elements(n: number, gender: Gender): string[] {
  const out: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds) out.push(HUNDREDS[hundreds]);
  if (rest >= 10 && rest < 20) {
    out.push(TEENS[rest - 10]);
  } else {
    const tens = Math.floor(rest / 10);
    const units = rest % 10;
    if (tens) out.push(TENS[tens]);
    if (units === 1) out.push(ONE[gender]);
    else if (units === 2) out.push(TWO[gender]);
    else if (units) out.push(UNITS[units]);
  }
  return out;
}

function withAnd(words: string[]): string {
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(' ')} и ${words[words.length - 1]}`;
}

/** 0 ≤ n ≤ 999 999 999 999 in words, the units agreeing with `gender`: "сто двадесет и една хиляди". */
export function bgCardinal(n: bigint, gender: Gender): string {
  if (n === 0n) return 'нула';
  const groups: { text: string; single: boolean }[] = [];
  let rest = n;
  for (const scale of SCALES) {
    const count = Number(rest / scale.size);
    rest %= scale.size;
    if (!count) continue;
    const words = elements(count, scale.gender);
    groups.push({ text: count === 1 ? scale.one : `${withAnd(words)} ${scale.many}`, single: words.length === 1 });
  }
  if (rest) {
    const words = elements(Number(rest), gender);
    groups.push({ text: withAnd(words), single: words.length === 1 });
  }
  const last = groups[groups.length - 1];
  if (groups.length > 1 && last.single) {
    return `${groups.slice(0, -1).map((g) => g.text).join(' ')} и ${last.text}`;
  }
  return groups.map((g) => g.text).join(' ');
}

/** "Две хиляди и три евро и 05 евроцента". */
export function bgAmountInWords({ whole, cents }: WholeAndCents, currency: DocumentCurrency): string {
  const { unit, subunit } = CURRENCIES[currency];
  const unitWord = whole === 1n ? unit.one : unit.many;
  const subunitWord = cents === '01' ? subunit.one : subunit.many;
  return `${bgCardinal(whole, unit.gender)} ${unitWord} и ${cents} ${subunitWord}`;
}
