import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { BadUserInputError } from '../../errors';

/** What people type: digits, a leading "+", and the usual separators. No letters, no extension. */
const PHONE_TEXT = /^\+?[0-9\s\-().\/]+$/;

export type PhoneParse = { ok: true; e164: string } | { ok: false; message: string };

/**
 * A phone as typed (international `+7 916 123-45-67`, or national `8 (916) 123-45-67`,
 * `0888 123 456`) → E.164 (`+79161234567`). National forms are read in `country` (ISO alpha-2:
 * the client's country, else the agency's). Validity comes from the full libphonenumber
 * metadata ("max"), so a number of the right length but an unused range is refused too.
 */
export function parsePhone(raw: string, country: string | null | undefined): PhoneParse {
  const text = raw.trim();
  if (!PHONE_TEXT.test(text) || !/[0-9]/.test(text)) {
    return { ok: false, message: 'phone may contain only digits, a leading "+", spaces, "-", "(", ")", "." and "/"' };
  }
  const region = country && isSupportedCountry(country.toUpperCase()) ? (country.toUpperCase() as CountryCode) : undefined;
  if (!text.startsWith('+') && !region) {
    return { ok: false, message: 'give the phone in international format, e.g. +359 888 123 456' };
  }
  const parsed = parsePhoneNumberFromString(text, region ? { defaultCountry: region } : undefined);
  if (!parsed || !parsed.isValid()) {
    const where = text.startsWith('+') || !region ? '' : ` (read as a ${region} number)`;
    return { ok: false, message: `phone is not a valid number${where}; e.g. +7 916 123-45-67 or +359 888 123 456` };
  }
  return { ok: true, e164: parsed.number };
}

/** parsePhone for an input field: E.164, or BAD_USER_INPUT naming the field. null/blank clears. */
export function normalizePhone(raw: string | null | undefined, country: string | null | undefined, path = 'input.phone'): string | null {
  if (raw == null || raw.trim() === '') return null;
  const result = parsePhone(raw, country);
  if (!result.ok) throw new BadUserInputError([{ path, message: result.message }]);
  return result.e164;
}
