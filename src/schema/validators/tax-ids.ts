import { ValidateBy, ValidationOptions, buildMessage } from 'class-validator';

// Digit-only regexes use [0-9] rather than \d so the intent (ASCII digits only) is explicit.
const DIGITS_9 = /^[0-9]{9}$/;
const DIGITS_10 = /^[0-9]{10}$/;
const DIGITS_12 = /^[0-9]{12}$/;
const DIGITS_13 = /^[0-9]{13}$/;
const DIGITS_15 = /^[0-9]{15}$/;
const KPP_RE = /^[0-9]{4}[0-9A-Z]{2}[0-9]{3}$/;
const BG_VAT_RE = /^BG([0-9]{9}|[0-9]{10})$/;

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const INN12_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const INN12_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;

const EIK9_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const EIK9_FALLBACK_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10] as const;
const EIK13_WEIGHTS = [2, 7, 3, 5] as const;
const EIK13_FALLBACK_WEIGHTS = [4, 9, 5, 7] as const;

// BigInt() instead of `11n` literals so the file compiles with targets below ES2020 too.
const BIG_10 = BigInt(10);
const BIG_11 = BigInt(11);
const BIG_13 = BigInt(13);

/** Digit at position `i` of a string already known to be all ASCII digits. */
function digitAt(v: string, i: number): number {
  return v.charCodeAt(i) - 48;
}

/** Weighted digit sum of `v` starting at `offset`. */
function weightedSum(v: string, weights: readonly number[], offset = 0): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i]! * digitAt(v, offset + i);
  return sum;
}

/** INN check digit: weighted sum mod 11, then mod 10 (a remainder of 10 becomes 0). */
function innCheckDigit(v: string, weights: readonly number[]): number {
  return (weightedSum(v, weights) % 11) % 10;
}

/** EIK check digit: mod 11 with a second weight set when the first gives 10, and 0 if that gives 10 too. */
function eikCheckDigit(
  v: string,
  weights: readonly number[],
  fallback: readonly number[],
  offset: number,
): number {
  const first = weightedSum(v, weights, offset) % 11;
  if (first !== 10) return first;
  const second = weightedSum(v, fallback, offset) % 11;
  return second === 10 ? 0 : second;
}

/** Russian INN (ИНН, taxpayer number): 10 digits for organisations, 12 for individuals, with FNS check digits. */
export function isValidInn(v: string): boolean {
  // Runtime guard: decorators and untyped callers may hand us anything.
  if (typeof v !== 'string') return false;
  if (DIGITS_10.test(v)) {
    return innCheckDigit(v, INN10_WEIGHTS) === digitAt(v, 9);
  }
  if (DIGITS_12.test(v)) {
    return (
      innCheckDigit(v, INN12_WEIGHTS_11) === digitAt(v, 10) &&
      innCheckDigit(v, INN12_WEIGHTS_12) === digitAt(v, 11)
    );
  }
  return false;
}

/** Russian KPP (КПП, tax registration reason code): NNNN PP NNN, where PP may be digits or A–Z. */
export function isValidKpp(v: string): boolean {
  return typeof v === 'string' && KPP_RE.test(v);
}

/** Russian OGRN (ОГРН, 13 digits, mod 11) or OGRNIP (ОГРНИП, 15 digits, mod 13) state registration number. */
export function isValidOgrn(v: string): boolean {
  if (typeof v !== 'string') return false;
  // BigInt keeps the remainder exact without relying on the prefix staying below 2^53.
  if (DIGITS_13.test(v)) {
    return (BigInt(v.slice(0, 12)) % BIG_11) % BIG_10 === BigInt(digitAt(v, 12));
  }
  if (DIGITS_15.test(v)) {
    return (BigInt(v.slice(0, 14)) % BIG_13) % BIG_10 === BigInt(digitAt(v, 14));
  }
  return false;
}

/** Bulgarian EIK / BULSTAT (ЕИК / БУЛСТАТ): 9 digits, or 13 digits for a branch, with mod 11 check digits. */
export function isValidEik(v: string): boolean {
  if (typeof v !== 'string') return false;
  if (!DIGITS_9.test(v) && !DIGITS_13.test(v)) return false;
  // A 13-digit code is a 9-digit EIK plus a branch suffix, so the first 9 digits must stand alone.
  if (eikCheckDigit(v, EIK9_WEIGHTS, EIK9_FALLBACK_WEIGHTS, 0) !== digitAt(v, 8)) return false;
  if (v.length === 9) return true;
  return eikCheckDigit(v, EIK13_WEIGHTS, EIK13_FALLBACK_WEIGHTS, 8) === digitAt(v, 12);
}

/** Bulgarian VAT number (ИН по ЗДДС): "BG" + a valid 9-digit EIK, or "BG" + a 10-digit EGN (digits only). */
export function isValidBgVatNumber(v: string): boolean {
  if (typeof v !== 'string' || !BG_VAT_RE.test(v)) return false;
  const rest = v.slice(2);
  // EGN checksums are deliberately not checked for the 10-digit (individual) form.
  return rest.length === 10 || isValidEik(rest);
}

// class-validator decorators. ValidateBy passes the raw property value; each isValid* rejects non-strings.

export const IS_INN = 'isInn';
export const IS_KPP = 'isKpp';
export const IS_OGRN = 'isOgrn';
export const IS_EIK = 'isEik';
export const IS_BG_VAT_NUMBER = 'isBgVatNumber';

function taxIdDecorator(
  name: string,
  check: (v: string) => boolean,
  description: string,
  validationOptions?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && check(value),
        defaultMessage: buildMessage(
          (eachPrefix) => `${eachPrefix}$property must be ${description}`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}

/** class-validator decorator: the property must be a string holding a valid Russian INN. */
export function IsInn(validationOptions?: ValidationOptions): PropertyDecorator {
  return taxIdDecorator(
    IS_INN,
    isValidInn,
    'a valid Russian INN (10 or 12 digits with a correct checksum)',
    validationOptions,
  );
}

/** class-validator decorator: the property must be a string holding a well-formed Russian KPP. */
export function IsKpp(validationOptions?: ValidationOptions): PropertyDecorator {
  return taxIdDecorator(
    IS_KPP,
    isValidKpp,
    'a valid Russian KPP (9 characters: 4 digits, 2 digits or uppercase Latin letters, 3 digits)',
    validationOptions,
  );
}

/** class-validator decorator: the property must be a string holding a valid Russian OGRN or OGRNIP. */
export function IsOgrn(validationOptions?: ValidationOptions): PropertyDecorator {
  return taxIdDecorator(
    IS_OGRN,
    isValidOgrn,
    'a valid Russian OGRN (13 digits) or OGRNIP (15 digits) with a correct checksum',
    validationOptions,
  );
}

/** class-validator decorator: the property must be a string holding a valid Bulgarian EIK/BULSTAT. */
export function IsEik(validationOptions?: ValidationOptions): PropertyDecorator {
  return taxIdDecorator(
    IS_EIK,
    isValidEik,
    'a valid Bulgarian EIK/BULSTAT (9 or 13 digits with a correct checksum)',
    validationOptions,
  );
}

/** class-validator decorator: the property must be a string holding a valid Bulgarian VAT number. */
export function IsBgVatNumber(validationOptions?: ValidationOptions): PropertyDecorator {
  return taxIdDecorator(
    IS_BG_VAT_NUMBER,
    isValidBgVatNumber,
    'a valid Bulgarian VAT number ("BG" followed by a 9-digit EIK with a correct checksum or 10 digits)',
    validationOptions,
  );
}
