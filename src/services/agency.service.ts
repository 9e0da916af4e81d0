import Decimal from 'decimal.js';
import type { AuthedContext } from '../context';
import { Agency } from '../entities';
import { NotFoundError } from '../errors';
import type { UpdateAgencySettingsInput } from '../schema/agency/agency.inputs';
import { ownAgency, updateOwnAgency, withTransaction } from './scope';
import { localDate } from './time';

/** The actor's agency: its settings (time zone, country, currency, tolerances) for every rule that needs them. */
export async function getOwnAgency(ctx: AuthedContext): Promise<Agency> {
  const agency = await ctx.loaders.agencyById.load(ctx.actor.agencyId);
  if (!agency) throw new NotFoundError('Agency');
  return agency;
}

/** The agency's "today" in its time zone: issue and signing dates, due checks, overdue flags. */
export async function agencyToday(ctx: AuthedContext, now: Date = new Date()): Promise<string> {
  return localDate(now, (await getOwnAgency(ctx)).timeZone);
}

export async function updateAgencySettings(ctx: AuthedContext, input: UpdateAgencySettingsInput): Promise<Agency> {
  return withTransaction(ctx, async (tx) => {
    const agency = await ownAgency(tx, [tx.actor.agencyId], { lock: true });
    if (!agency) throw new NotFoundError('Agency');
    const keys = ['name', 'timeZone', 'locale', 'defaultCurrency', 'toolMixTolerancePp', 'toolMixBasis', 'priceBasis', 'maxContactIntervalDays', 'protocolDueDays'] as const;
    const patch: Record<string, unknown> = {};
    for (const key of keys) {
      const value = input[key];
      if (value !== undefined && value !== null) patch[key] = typeof value === 'string' ? value.trim() : value;
    }
    // numeric(5,2): answer with the stored scale
    if (patch.toolMixTolerancePp !== undefined) patch.toolMixTolerancePp = new Decimal(patch.toolMixTolerancePp as string).toFixed(2);
    if (Object.keys(patch).length) await updateOwnAgency(tx, patch as Partial<Agency>);
    return Object.assign(agency, patch);
  });
}
