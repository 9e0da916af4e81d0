import { isValidInn, isValidKpp } from '../../schema/validators/tax-ids';

/**
 * What a payment QR code says, built from the payee's requisites and the amount due. Pure: no
 * drawing, no I/O. Two formats:
 * - Russian unified payment format (ГОСТ Р 56042-2014), read by every Russian bank's app;
 * - EPC069-12 "SEPA Credit Transfer" (GiroCode), read by European banks' apps.
 *
 * A requisite that is missing or cannot be right throws a `PaymentQrError` naming the field, so a
 * document prints "QR unavailable: fill in the bank details" instead of a code that sends money
 * to the wrong account.
 */

/** Why a requisite is refused. */
export type PaymentQrProblem =
  /** absent or blank */
  | 'missing'
  /** wrong shape: not 20 digits, not a date, not an IBAN, … */
  | 'format'
  /** the right shape, but its check digits do not match (a typo) */
  | 'checksum'
  /** longer than the format allows */
  | 'too-long'
  /** an amount outside what the format can carry */
  | 'range';

/** A requisite a payment QR code cannot be built from. `field` is the input's property name. */
export class PaymentQrError extends Error {
  override readonly name = 'PaymentQrError';

  constructor(
    readonly field: string,
    readonly problem: PaymentQrProblem,
    detail: string,
  ) {
    super(`${field}: ${detail}`);
  }
}

// ---------------------------------------------------------------------------------------------
// ГОСТ Р 56042-2014
// ---------------------------------------------------------------------------------------------

export interface GostPaymentInput {
  /** Payee's name (Name, up to 160 characters) */
  name: string;
  /** Payee's account (PersonalAcc, 20 digits) */
  personalAcc: string;
  /** Payee's bank (BankName; cut to the format's 45 characters: the BIC identifies the bank) */
  bankName: string;
  /** Bank's БИК (BIC, 9 digits) */
  bic: string;
  /** Bank's correspondent account (CorrespAcc, 20 digits), or "0" when the bank has none */
  correspAcc: string;
  /** Amount in roubles, a decimal string with at most two decimals ("1250.50"); written in kopecks */
  sum: string;
  /** Purpose of payment (Purpose, up to 210 characters) */
  purpose: string;
  /** Payee's ИНН (PayeeINN, 10 or 12 digits) */
  payeeInn?: string | null;
  /** Payee's КПП (KPP, 9 characters) */
  kpp?: string | null;
  /** Number of the document paid (DocNo, up to 15 characters) */
  docNo?: string | null;
  /** Date of the document paid, ISO "YYYY-MM-DD" (DocDate, written "DD.MM.YYYY") */
  docDate?: string | null;
}

/** Format "ST", version "0001", encoding "2" (UTF-8). */
export const GOST_HEADER = 'ST00012';
export const GOST_SEPARATOR = '|';
/**
 * What a `|` inside a value becomes. The separator may not occur in any value; the standard
 * would allow another separator, but bank apps in practice expect `|`, so the value gives way.
 */
export const GOST_SEPARATOR_REPLACEMENT = '/';

const GOST_LIMITS = { Name: 160, BankName: 45, Purpose: 210, DocNo: 15 } as const;
/** Sum is at most 18 digits of kopecks. */
const GOST_SUM_DIGITS = 18;

/**
 * The ГОСТ Р 56042-2014 payload (UTF-8 variant): `ST00012|Name=…|PersonalAcc=…|BankName=…|BIC=…|
 * CorrespAcc=…|Sum=<kopecks>|Purpose=…[|PayeeINN=…][|KPP=…][|DocNo=…][|DocDate=DD.MM.YYYY]`.
 *
 * Text values lose line breaks and control characters (runs of white space become one space), and
 * a `|` in them becomes `/`. The account is checked against the BIC with the Bank of Russia's
 * control key, so a mistyped digit is refused rather than printed.
 */
export function gostPaymentPayload(p: GostPaymentInput): string {
  const name = gostText('name', p.name, GOST_LIMITS.Name);
  const bankName = truncate(gostText('bankName', p.bankName), GOST_LIMITS.BankName);
  const bic = digits('bic', p.bic, 9, 'a 9-digit БИК');
  const correspAcc = correspondentAccount(p.correspAcc, bic);
  const personalAcc = settlementAccount(p.personalAcc, bic, correspAcc);
  const sum = kopecks('sum', p.sum);
  const purpose = gostText('purpose', p.purpose, GOST_LIMITS.Purpose);

  const fields: [string, string][] = [
    ['Name', name],
    ['PersonalAcc', personalAcc],
    ['BankName', bankName],
    ['BIC', bic],
    ['CorrespAcc', correspAcc],
    ['Sum', sum],
    ['Purpose', purpose],
  ];
  const payeeInn = optional(p.payeeInn);
  if (payeeInn !== null) {
    if (!isValidInn(payeeInn)) throw new PaymentQrError('payeeInn', /^(\d{10}|\d{12})$/.test(payeeInn) ? 'checksum' : 'format', 'must be a valid ИНН of 10 or 12 digits');
    fields.push(['PayeeINN', payeeInn]);
  }
  const kpp = optional(p.kpp);
  if (kpp !== null) {
    if (!isValidKpp(kpp)) throw new PaymentQrError('kpp', 'format', 'must be a valid КПП of 9 characters');
    fields.push(['KPP', kpp]);
  }
  const docNo = optional(p.docNo);
  if (docNo !== null) fields.push(['DocNo', gostText('docNo', docNo, GOST_LIMITS.DocNo)]);
  const docDate = optional(p.docDate);
  if (docDate !== null) fields.push(['DocDate', russianDate('docDate', docDate)]);

  return [GOST_HEADER, ...fields.map(([k, v]) => `${k}=${v}`)].join(GOST_SEPARATOR);
}

export interface GostPayload {
  /** the standard's version, "0001" */
  version: string;
  encoding: 'windows-1251' | 'utf-8' | 'koi8-r';
  /** the requisites by their names in the code (Name, PersonalAcc, Sum, …), in the code's order */
  fields: Record<string, string>;
}

const GOST_ENCODINGS: Record<string, GostPayload['encoding']> = { '1': 'windows-1251', '2': 'utf-8', '3': 'koi8-r' };

/**
 * Reads a ГОСТ Р 56042-2014 payload (already decoded to text). The separator is the character
 * after the 7-character header, as the standard defines it; empty segments are skipped.
 */
export function parseGostPayload(s: string): GostPayload {
  const m = /^ST(\d{4})([123])/.exec(s);
  if (!m) throw new PaymentQrError('payload', 'format', 'does not start with a ГОСТ Р 56042 header (ST0001 + encoding 1, 2 or 3)');
  const fields: Record<string, string> = {};
  if (s.length > 7) {
    const separator = s[7];
    for (const segment of s.slice(8).split(separator)) {
      if (segment === '') continue;
      const eq = segment.indexOf('=');
      if (eq <= 0) throw new PaymentQrError('payload', 'format', `segment "${segment}" is not Key=Value`);
      const key = segment.slice(0, eq);
      if (key in fields) throw new PaymentQrError('payload', 'format', `${key} occurs twice`);
      fields[key] = segment.slice(eq + 1);
    }
  }
  for (const key of ['Name', 'PersonalAcc', 'BankName', 'BIC', 'CorrespAcc']) {
    if (!(key in fields)) throw new PaymentQrError('payload', 'missing', `mandatory requisite ${key} is absent`);
  }
  return { version: m[1], encoding: GOST_ENCODINGS[m[2]], fields };
}

/** Name, bank name, purpose, document number: one line, no separator, within the limit. */
function gostText(field: string, value: unknown, limit?: number): string {
  const text = required(field, value).split(GOST_SEPARATOR).join(GOST_SEPARATOR_REPLACEMENT);
  if (limit !== undefined && length(text) > limit) throw new PaymentQrError(field, 'too-long', `at most ${limit} characters (got ${length(text)})`);
  return text;
}

function correspondentAccount(value: unknown, bic: string): string {
  const acc = required('correspAcc', value);
  if (acc === '0') return acc;
  if (!/^\d{20}$/.test(acc)) throw new PaymentQrError('correspAcc', 'format', 'must be 20 digits, or "0" when the bank has no correspondent account');
  // A credit institution's correspondent account at the Bank of Russia ends with its BIC's last three digits.
  if (acc.startsWith('301') && acc.slice(17) !== bic.slice(6)) {
    throw new PaymentQrError('correspAcc', 'checksum', `does not belong to the bank with BIC ${bic} (must end with ${bic.slice(6)})`);
  }
  if (!controlKeyMatches('0' + bic.slice(4, 6), acc)) throw new PaymentQrError('correspAcc', 'checksum', `its control key does not match BIC ${bic}`);
  return acc;
}

function settlementAccount(value: unknown, bic: string, correspAcc: string): string {
  const acc = digits('personalAcc', value, 20, 'a 20-digit account');
  // The key of an account at a credit institution is computed with the BIC's last three digits.
  // Accounts held directly at the Bank of Russia or the Treasury (no 301… correspondent account)
  // follow other rules and are taken as given.
  if (correspAcc.startsWith('301') && !controlKeyMatches(bic.slice(6), acc)) {
    throw new PaymentQrError('personalAcc', 'checksum', `its control key does not match BIC ${bic}`);
  }
  return acc;
}

/** The Bank of Russia's account control key: weights 7, 1, 3 over the prefix and the 20 digits, sum ≡ 0 (mod 10). */
function controlKeyMatches(prefix: string, account: string): boolean {
  const weights = [7, 1, 3];
  const all = prefix + account;
  let sum = 0;
  for (let i = 0; i < all.length; i++) sum += Number(all[i]) * weights[i % 3];
  return sum % 10 === 0;
}

/** A positive rouble amount as integer kopecks ("1250.5" → "125050"), no rounding. */
function kopecks(field: string, value: unknown): string {
  const s = required(field, value);
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) throw new PaymentQrError(field, 'format', `must be a decimal amount with at most two decimals, like "1250.50" (got "${s}")`);
  const minor = (m[1] + (m[2] ?? '').padEnd(2, '0')).replace(/^0+/, '');
  if (minor === '') throw new PaymentQrError(field, 'range', 'must be more than zero');
  if (minor.length > GOST_SUM_DIGITS) throw new PaymentQrError(field, 'range', `at most ${GOST_SUM_DIGITS} digits of kopecks`);
  return minor;
}

function russianDate(field: string, value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !date || date.toISOString().slice(0, 10) !== value) throw new PaymentQrError(field, 'format', `must be a date "YYYY-MM-DD" (got "${value}")`);
  return `${m[3]}.${m[2]}.${m[1]}`;
}

// ---------------------------------------------------------------------------------------------
// EPC069-12, SEPA Credit Transfer
// ---------------------------------------------------------------------------------------------

export interface EpcPaymentInput {
  /** Beneficiary's name, up to 70 characters */
  name: string;
  /** Beneficiary's IBAN (spaces allowed, any case) */
  iban: string;
  /** Beneficiary bank's BIC (8 or 11 characters); version 002 lets it be left out inside the EEA */
  bic?: string | null;
  /** Amount in euros, a decimal string with at most two decimals, 0.01 to 999999999.99 */
  amount: string;
  /** Unstructured remittance information, up to 140 characters */
  remittance: string;
}

/** The whole payload may not exceed 331 bytes (a version 13 code at error correction level M). */
export const EPC_MAX_BYTES = 331;
const EPC_LIMITS = { name: 70, remittance: 140 } as const;

/**
 * The EPC069-12 payload, version 002, character set 1 (UTF-8), one element per line (LF):
 * `BCD`, `002`, `1`, `SCT`, BIC (may be empty), name, IBAN, `EUR<amount>`, purpose code (empty),
 * structured reference (empty), remittance text. Nothing follows the last element.
 */
export function epcPaymentPayload(p: EpcPaymentInput): string {
  const name = epcText('name', p.name, EPC_LIMITS.name);
  const iban = validIban(p.iban);
  const bicValue = optional(p.bic);
  const bic = bicValue === null ? '' : validBic(bicValue);
  const amount = euros('amount', p.amount);
  const remittance = epcText('remittance', p.remittance, EPC_LIMITS.remittance);
  const payload = ['BCD', '002', '1', 'SCT', bic, name, iban, `EUR${amount}`, '', '', remittance].join('\n');
  const bytes = Buffer.byteLength(payload, 'utf8');
  if (bytes > EPC_MAX_BYTES) throw new PaymentQrError('remittance', 'too-long', `the whole code may take at most ${EPC_MAX_BYTES} bytes (got ${bytes})`);
  return payload;
}

export interface EpcPayload {
  version: '001' | '002';
  /** 1 = UTF-8, 2 = ISO 8859-1, … 8 = ISO 8859-15 */
  characterSet: number;
  /** empty when left out */
  bic: string;
  name: string;
  iban: string;
  /** the amount without its currency ("1250.50"), or null when the code leaves it to the payer */
  amount: string | null;
  purpose: string;
  reference: string;
  remittance: string;
  information: string;
}

/** Reads an EPC069-12 payload (lines separated by LF or CR LF). */
export function parseEpcPayload(s: string): EpcPayload {
  const lines = s.split(/\r?\n/);
  const [service, version, charset, identification] = lines;
  if (service !== 'BCD') throw new PaymentQrError('payload', 'format', 'service tag is not BCD');
  if (version !== '001' && version !== '002') throw new PaymentQrError('payload', 'format', `unknown version "${version}"`);
  if (!/^[1-8]$/.test(charset ?? '')) throw new PaymentQrError('payload', 'format', `unknown character set "${charset}"`);
  if (identification !== 'SCT') throw new PaymentQrError('payload', 'format', 'identification is not SCT');
  if (lines.length < 7 || lines.length > 12) throw new PaymentQrError('payload', 'format', `has ${lines.length} lines, expected 7 to 12`);
  const at = (i: number) => lines[i] ?? '';
  const amountLine = at(7);
  if (amountLine !== '' && !/^EUR\d+(\.\d{1,2})?$/.test(amountLine)) throw new PaymentQrError('payload', 'format', `amount "${amountLine}" is not EUR<amount>`);
  return {
    version,
    characterSet: Number(charset),
    bic: at(4),
    name: at(5),
    iban: at(6),
    amount: amountLine === '' ? null : amountLine.slice(3),
    purpose: at(8),
    reference: at(9),
    remittance: at(10),
    information: at(11),
  };
}

function epcText(field: string, value: unknown, limit: number): string {
  const text = required(field, value);
  if (length(text) > limit) throw new PaymentQrError(field, 'too-long', `at most ${limit} characters (got ${length(text)})`);
  return text;
}

/** An IBAN without spaces, upper case, whose ISO 13616 check digits hold (mod 97 = 1). */
function validIban(value: unknown): string {
  const iban = required('iban', value).replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) throw new PaymentQrError('iban', 'format', 'must be an IBAN: country code, 2 check digits, up to 30 letters or digits');
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const n = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of n) remainder = (remainder * 10 + Number(d)) % 97;
  }
  if (remainder !== 1) throw new PaymentQrError('iban', 'checksum', 'its check digits do not match (mod 97)');
  return iban;
}

function validBic(value: string): string {
  const bic = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic)) throw new PaymentQrError('bic', 'format', 'must be a SWIFT BIC of 8 or 11 characters');
  return bic;
}

/** A euro amount in the EPC form: dot, no thousands separator, two decimals ("1250.50"). */
function euros(field: string, value: unknown): string {
  const s = required(field, value);
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) throw new PaymentQrError(field, 'format', `must be a decimal amount with at most two decimals, like "1250.50" (got "${s}")`);
  const whole = m[1].replace(/^0+(?=\d)/, '');
  const cents = (m[2] ?? '').padEnd(2, '0');
  if (whole === '0' && cents === '00') throw new PaymentQrError(field, 'range', 'must be at least 0.01');
  if (whole.length > 9) throw new PaymentQrError(field, 'range', 'must be at most 999999999.99');
  return `${whole}.${cents}`;
}

// ---------------------------------------------------------------------------------------------

/** One line of text: control characters and line breaks become spaces, runs of space one, trimmed. */
function required(field: string, value: unknown): string {
  if (typeof value !== 'string') throw new PaymentQrError(field, 'missing', 'is required');
  const text = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/\s+/g, ' ').trim();
  if (text === '') throw new PaymentQrError(field, 'missing', 'is required');
  return text;
}

function optional(value: string | null | undefined): string | null {
  if (value == null) return null;
  const text = value.trim();
  return text === '' ? null : text;
}

function digits(field: string, value: unknown, count: number, what: string): string {
  const s = required(field, value);
  if (!new RegExp(`^\\d{${count}}$`).test(s)) throw new PaymentQrError(field, 'format', `must be ${what} (got "${s}")`);
  return s;
}

/** Length in characters (code points), as the formats count them. */
function length(s: string): number {
  return [...s].length;
}

function truncate(s: string, limit: number): string {
  const chars = [...s];
  return chars.length <= limit ? s : chars.slice(0, limit).join('').trimEnd();
}
