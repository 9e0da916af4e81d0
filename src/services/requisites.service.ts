import type { AuthedContext, } from '../context';
import { Agency, AgencyRequisites } from '../entities';
import { REQUISITE_DEFAULTS } from '../entities/requisites.entity';
import type { UpdateAgencyRequisitesInput } from '../schema/requisites/requisites.inputs';
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
const REQUIRED_KEYS = ['vatPayer', 'invoiceNumberPattern', 'actNumberPattern', 'contractNumberPattern', 'proposalNumberPattern', 'actSignDays', 'approvalWaitDays'] as const;

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
