import Decimal from 'decimal.js';
import type { AuthedContext, } from '../context';
import { Agency, AgencyRequisites, AgencyVatRegime } from '../entities';
import { VatRegime } from '../entities/enums';
import { REQUISITE_DEFAULTS } from '../entities/requisites.entity';
import { BadUserInputError, type FieldError } from '../errors';
import { msg } from '../i18n';
import type { SetAgencyVatRegimeInput, UpdateAgencyRequisitesInput } from '../schema/requisites/requisites.inputs';
import { exemptionNoteOf, REGIME_COUNTRY, USN_REDUCED_FROM, USN_REDUCED_RATES, vatTreatment, type VatRegimePeriod, type VatTreatment } from './money/vat';
import { trimOrNull } from './text';
import { agencyKeyed, ownAgencyWithRequisites, updateOwnAgency, withTransaction } from './scope';

/** The agency's requisites row, or the defaults when it has never been saved. */
export async function getRequisites(ctx: AuthedContext): Promise<AgencyRequisites> {
  const rows = agencyKeyed(ctx, AgencyRequisites);
  // an agency that never saved requisites gets the column defaults (create() does not apply them)
  return (await rows.findOne()) ?? rows.create(REQUISITE_DEFAULTS);
}

/** Same, for writers: inside a transaction, locked. */
export async function getRequisitesForUpdate(tx: AuthedContext): Promise<AgencyRequisites> {
  const rows = agencyKeyed(tx, AgencyRequisites);
  await rows.insertIfAbsent({});
  return (await rows.findOne({}, { lock: true }))!;
}

const REQUISITE_KEYS = [
  'legalName', 'inn', 'kpp', 'ogrn', 'eik', 'vatNumber', 'address', 'bankName', 'bic', 'settlementAccount',
  'correspondentAccount', 'iban', 'signatoryName', 'signatoryPosition',
] as const;
const REQUIRED_KEYS = [
  'vatPayer',
  'invoiceNumberPattern',
  'actNumberPattern',
  'contractNumberPattern',
  'creditNoteNumberPattern',
  'proposalNumberPattern',
  'actSignDays',
  'approvalWaitDays',
] as const;

/** Owner edits what goes on documents; currency, time zone and language live on the agency row. */
export async function updateAgencyRequisites(ctx: AuthedContext, input: UpdateAgencyRequisitesInput): Promise<AgencyRequisites> {
  return withTransaction(ctx, async (tx) => {
    await getRequisitesForUpdate(tx);
    const patch: Record<string, unknown> = {};
    for (const key of REQUISITE_KEYS) {
      const v = input[key];
      if (v !== undefined) patch[key] = typeof v === 'string' ? trimOrNull(v) : null;
    }
    for (const key of REQUIRED_KEYS) {
      const v = input[key];
      if (v !== undefined && v !== null) patch[key] = v;
    }
    if (Object.keys(patch).length) await agencyKeyed(tx, AgencyRequisites).update({}, patch as Partial<AgencyRequisites>);
    const agencyPatch: Partial<Agency> = {};
    if (input.defaultCurrency) agencyPatch.defaultCurrency = input.defaultCurrency;
    if (input.timeZone) agencyPatch.timeZone = input.timeZone;
    if (input.documentLanguage) agencyPatch.locale = input.documentLanguage;
    if (Object.keys(agencyPatch).length) await updateOwnAgency(tx, agencyPatch);
    return (await agencyKeyed(tx, AgencyRequisites).findOne())!;
  });
}

/**
 * The agency and its requisites in one query: what issuing a document needs (time zone, country,
 * VAT status, numbering patterns). Documents are issued on a hot path; this saves a round trip.
 */
export async function documentSettings(ctx: AuthedContext): Promise<{ agency: Agency; requisites: AgencyRequisites }> {
  const { agency, requisites } = await ownAgencyWithRequisites(ctx);
  return { agency, requisites: requisites ?? agencyKeyed(ctx, AgencyRequisites).create(REQUISITE_DEFAULTS) };
}

// ---------------------------------------------------------------------------------------------
// VAT regimes, dated like the rates

/** The agency's VAT regime periods, oldest first. */
export function vatRegimePeriods(ctx: AuthedContext): Promise<AgencyVatRegime[]> {
  return agencyKeyed(ctx, AgencyVatRegime).findAll({ validFrom: 'ASC' });
}

/** The periods as shown: the note each prints (the legal wording unless the agency gave its own), rates at two decimals. */
export async function vatRegimesView(ctx: AuthedContext): Promise<VatRegimePeriod[]> {
  return (await vatRegimePeriods(ctx)).map((p) => ({
    validFrom: p.validFrom,
    regime: p.regime,
    rate: p.rate === null ? null : new Decimal(p.rate).toFixed(2),
    exemptionNote: exemptionNoteOf(p),
  }));
}

/**
 * How a document dated `date` charges VAT (rate of automatic lines, whether a line may carry a
 * rate, the exemption note): the agency's regime in force on that date, else its `vatPayer`.
 */
export async function vatTreatmentOn(ctx: AuthedContext, date: string, settings?: { agency: Agency; requisites: AgencyRequisites }): Promise<VatTreatment> {
  const { agency, requisites } = settings ?? (await documentSettings(ctx));
  return vatTreatment(agency.country, await vatRegimePeriods(ctx), requisites.vatPayer, date);
}

/** The regime's own rules: its country, the reduced rate (5 or 7, from 2025) only where it belongs, a note only without VAT. */
function checkRegime(country: string, input: SetAgencyVatRegimeInput): FieldError[] {
  const errors: FieldError[] = [];
  const regimeCountry = REGIME_COUNTRY[input.regime];
  if (regimeCountry && regimeCountry !== country) {
    errors.push({ path: 'input.regime', message: msg('validation.vatRegimeCountry', { regime: input.regime, country: regimeCountry }) });
  }
  const reduced = input.regime === VatRegime.RU_USN_REDUCED;
  if (reduced) {
    const rate = input.rate == null ? null : new Decimal(input.rate).toFixed(2);
    if (!rate || !(USN_REDUCED_RATES as readonly string[]).includes(rate)) {
      errors.push({ path: 'input.rate', message: msg('validation.usnReducedRate') });
    }
    if (input.validFrom < USN_REDUCED_FROM) {
      errors.push({ path: 'input.validFrom', message: msg('validation.usnReducedFrom', { date: USN_REDUCED_FROM }) });
    }
  } else if (input.rate != null) {
    errors.push({ path: 'input.rate', message: msg('validation.vatRegimeWithoutRate', { regime: input.regime }) });
  }
  if (input.exemptionNote != null && (reduced || input.regime === VatRegime.STANDARD)) {
    errors.push({ path: 'input.exemptionNote', message: msg('validation.exemptionNoteWithVat') });
  }
  return errors;
}

/** Owner sets the regime from a date (replacing a period of the same date); the requisites come back with every period. */
export async function setAgencyVatRegime(ctx: AuthedContext, input: SetAgencyVatRegimeInput): Promise<AgencyRequisites> {
  return withTransaction(ctx, async (tx) => {
    const { agency } = await documentSettings(tx);
    const errors = checkRegime(agency.country, input);
    if (errors.length) throw new BadUserInputError(errors);
    const rate = input.regime === VatRegime.RU_USN_REDUCED ? new Decimal(input.rate!).toFixed(2) : null;
    const note = input.exemptionNote?.trim() || null;
    await agencyKeyed(tx, AgencyVatRegime).upsert({ validFrom: input.validFrom, regime: input.regime, rate, exemptionNote: note }, ['validFrom']);
    return getRequisites(tx);
  });
}
