import type { DocumentCurrency, WholeAndCents } from '../codes';

/**
 * British English cardinals: "and" after hundreds within a group ("one hundred and twenty-one
 * thousand"), hyphens from 21 to 99, and "and" before the last group when it is below a hundred
 * and something comes before it ("two thousand and three", "one million and five"; but "two
 * thousand three hundred", "one million five thousand"). Billion is 10^9.
 */

const ONES = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: [bigint, string][] = [
  [1_000_000_000n, 'billion'],
  [1_000_000n, 'million'],
  [1_000n, 'thousand'],
];

const CURRENCIES: Record<DocumentCurrency, { unit: [string, string]; subunit: [string, string] }> = {
  EUR: { unit: ['euro', 'euros'], subunit: ['cent', 'cents'] },
  RUB: { unit: ['rouble', 'roubles'], subunit: ['kopeck', 'kopecks'] },
  BGN: { unit: ['lev', 'leva'], subunit: ['stotinka', 'stotinki'] },
  USD: { unit: ['US dollar', 'US dollars'], subunit: ['cent', 'cents'] },
};

function belowHundred(n: number): string {
  if (n < 20) return ONES[n];
  const units = n % 10;
  return units ? `${TENS[Math.floor(n / 10)]}-${ONES[units]}` : TENS[Math.floor(n / 10)];
}

/** 1..999: "one hundred and twenty-one". */
function group(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (!hundreds) return belowHundred(rest);
  return rest ? `${ONES[hundreds]} hundred and ${belowHundred(rest)}` : `${ONES[hundreds]} hundred`;
}

/** 0 ≤ n ≤ 999 999 999 999 in words: "one hundred and twenty-one thousand". */
export function enCardinal(n: bigint): string {
  if (n === 0n) return 'zero';
  const parts: string[] = [];
  let rest = n;
  for (const [size, name] of SCALES) {
    const count = Number(rest / size);
    rest %= size;
    if (count) parts.push(`${group(count)} ${name}`);
  }
  if (rest) parts.push(parts.length && rest < 100n ? `and ${group(Number(rest))}` : group(Number(rest)));
  return parts.join(' ');
}

/** "Two thousand and three euros and 05 cents". */
export function enAmountInWords({ whole, cents }: WholeAndCents, currency: DocumentCurrency): string {
  const { unit, subunit } = CURRENCIES[currency];
  return `${enCardinal(whole)} ${whole === 1n ? unit[0] : unit[1]} and ${cents} ${cents === '01' ? subunit[0] : subunit[1]}`;
}
