import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { BadUserInputError } from '../../errors';
import { msg, type Msg } from '../../i18n';

/** What people type: digits, a leading "+", and the usual separators. No letters, no extension. */
const PHONE_TEXT = /^\+?[0-9\s\-().\/]+$/;

export type PhoneParse = { ok: true; e164: string } | { ok: false; message: Msg };

/**
 * A phone as typed (international `+7 916 123-45-67`, or national `8 (916) 123-45-67`,
 * `0888 123 456`) → E.164 (`+79161234567`). National forms are read in `country` (ISO alpha-2:
 * the client's country, else the agency's). Validity comes from the full libphonenumber
 * metadata ("max"), so a number of the right length but an unused range is refused too.
 */
export function parsePhone(raw: string, country: string | null | undefined): PhoneParse {
  const text = raw.trim();
  if (!PHONE_TEXT.test(text) || !/[0-9]/.test(text)) {
    return { ok: false, message: msg('validation.phoneCharacters') };
  }
  const region = country && isSupportedCountry(country.toUpperCase()) ? (country.toUpperCase() as CountryCode) : undefined;
  if (!text.startsWith('+') && !region) {
    return { ok: false, message: msg('validation.phoneInternational') };
  }
  const parsed = parsePhoneNumberFromString(text, region ? { defaultCountry: region } : undefined);
  if (!parsed || !parsed.isValid()) {
    return text.startsWith('+') || !region
      ? { ok: false, message: msg('validation.phoneInvalid') }
      : { ok: false, message: msg('validation.phoneInvalidIn', { country: region }) };
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
