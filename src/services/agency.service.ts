import Decimal from 'decimal.js';
import type { AuthedContext } from '../context';
import { Agency } from '../entities';
import { NotFoundError } from '../errors';
import type { UpdateAgencySettingsInput } from '../schema/agency/agency.inputs';
import { withTransaction } from './scope';

/** The actor's own agency (the tenant row itself, so no scoped repository applies). */
export async function getOwnAgency(ctx: AuthedContext): Promise<Agency> {
  const agency = await ctx.loaders.agencyById.load(ctx.actor.agencyId);
  if (!agency) throw new NotFoundError('Agency');
  return agency;
}

export async function updateAgencySettings(ctx: AuthedContext, input: UpdateAgencySettingsInput): Promise<Agency> {
  return withTransaction(ctx, async (tx) => {
    const repo = tx.manager.getRepository(Agency);
    const agency = await repo.findOne({ where: { id: ctx.actor.agencyId }, lock: { mode: 'pessimistic_write' } });
    if (!agency) throw new NotFoundError('Agency');
    const keys = ['name', 'timeZone', 'locale', 'defaultCurrency', 'toolMixTolerancePp', 'maxContactIntervalDays', 'protocolDueDays'] as const;
    for (const key of keys) {
      const value = input[key];
      if (value !== undefined && value !== null) (agency as unknown as Record<string, unknown>)[key] = typeof value === 'string' ? value.trim() : value;
    }
    // numeric(5,2): answer with the stored scale
    agency.toolMixTolerancePp = new Decimal(agency.toolMixTolerancePp).toFixed(2);
    const saved = await repo.save(agency);
    ctx.loaders.agencyById.clear(saved.id).prime(saved.id, saved);
    return saved;
  });
}
