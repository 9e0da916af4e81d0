import type { AuthedContext, } from '../context';
import { Agency, AgencyRequisites } from '../entities';
import { REQUISITE_DEFAULTS } from '../entities/agency-requisites.entity';
import type { UpdateAgencyRequisitesInput } from '../schema/requisites/requisites.types';
import { withTransaction } from './scope';

/** The agency's requisites row, or the defaults when it has never been saved. */
export async function getRequisites(ctx: AuthedContext): Promise<AgencyRequisites> {
  const agencyId = ctx.actor.agencyId;
  const repo = ctx.manager.getRepository(AgencyRequisites);
  // an agency that never saved requisites gets the column defaults (create() does not apply them)
  return (
    (await repo.findOneBy({ agencyId })) ??
    repo.create({ agencyId, ...REQUISITE_DEFAULTS })
  );
}

/** Same, for writers: inside a transaction, locked. */
export async function getRequisitesForUpdate(tx: AuthedContext): Promise<AgencyRequisites> {
  const repo = tx.manager.getRepository(AgencyRequisites);
  const agencyId = tx.actor.agencyId;
  await tx.manager.query(`INSERT INTO agency_requisites ("agencyId") VALUES ($1) ON CONFLICT DO NOTHING`, [agencyId]);
  return repo.findOneOrFail({ where: { agencyId }, lock: { mode: 'pessimistic_write' } });
}

const REQUISITE_KEYS = [
  'legalName', 'inn', 'kpp', 'ogrn', 'eik', 'vatNumber', 'address', 'bankName', 'bic', 'settlementAccount',
  'correspondentAccount', 'iban', 'signatoryName', 'signatoryPosition',
] as const;
const REQUIRED_KEYS = ['vatPayer', 'invoiceNumberPattern', 'actNumberPattern', 'contractNumberPattern', 'actSignDays', 'approvalWaitDays'] as const;

/** Owner edits what goes on documents; currency, time zone and language live on the agency row. */
export async function updateAgencyRequisites(ctx: AuthedContext, input: UpdateAgencyRequisitesInput): Promise<AgencyRequisites> {
  return withTransaction(ctx, async (tx) => {
    const req = await getRequisitesForUpdate(tx);
    for (const key of REQUISITE_KEYS) {
      const v = input[key];
      if (v !== undefined) (req as unknown as Record<string, unknown>)[key] = typeof v === 'string' ? v.trim() || null : null;
    }
    for (const key of REQUIRED_KEYS) {
      const v = input[key];
      if (v !== undefined && v !== null) (req as unknown as Record<string, unknown>)[key] = v;
    }
    const saved = await tx.manager.getRepository(AgencyRequisites).save(req);
    const agencyPatch: Partial<Agency> = {};
    if (input.defaultCurrency) agencyPatch.defaultCurrency = input.defaultCurrency;
    if (input.timeZone) agencyPatch.timeZone = input.timeZone;
    if (input.documentLanguage) agencyPatch.locale = input.documentLanguage;
    if (Object.keys(agencyPatch).length) {
      await tx.manager.getRepository(Agency).update({ id: tx.actor.agencyId }, agencyPatch);
      ctx.loaders.agencyById.clear(tx.actor.agencyId);
    }
    return saved;
  });
}

/**
 * The agency and its requisites in one query: what issuing a document needs (time zone, country,
 * VAT status, numbering patterns). Documents are issued on a hot path; this saves a round trip.
 */
export async function documentSettings(ctx: AuthedContext): Promise<{ agency: Agency; requisites: AgencyRequisites }> {
  const agencyId = ctx.actor.agencyId;
  const agency = await ctx.manager
    .getRepository(Agency)
    .createQueryBuilder('a')
    .leftJoinAndMapOne('a.requisites', AgencyRequisites, 'r', 'r."agencyId" = a.id')
    .where('a.id = :agencyId', { agencyId })
    .getOneOrFail();
  const joined = (agency as Agency & { requisites?: AgencyRequisites | null }).requisites;
  const requisites = joined ?? ctx.manager.getRepository(AgencyRequisites).create({ agencyId, ...REQUISITE_DEFAULTS });
  return { agency, requisites };
}
