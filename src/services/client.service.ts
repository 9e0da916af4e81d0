import Decimal from 'decimal.js';
import type { AuthedContext, } from '../context';
import { Client, ClientStageChange } from '../entities';
import { LifecycleStage } from '../entities/enums';
import { BadUserInputError, ConflictError, FieldError, isUniqueViolation } from '../errors';
import type { ConnectionResult } from '../schema/common/connection';
import {
  type ChangeClientStageInput,
  type CreateClientInput,
  type ReactivateClientInput,
  type SetNextContactInput,
  type TerminateClientInput,
  type UpdateClientInput,
} from '../schema/client/client.inputs';
import { ClientListStatus, ClientSortField } from '../schema/client/client.enums';
import type { ClientsArgs } from '../schema/client/client.args';
import { LIFECYCLE_TRANSITIONS } from './lifecycle';
import { paginate, SortKey } from './pagination';
import { checkTransition, illegalTransition } from './transitions';
import { IllegalTransitionError } from '../schema/common/error-results';
import { scoped, withTransaction } from './scope';
import { agencyUser } from './links';
import { requireText, trimOrNull } from './text';
import { msg } from '../i18n';
import { projectedColumns } from '../schema/common/row-projection';

const SORT_KEYS: Record<ClientSortField, Omit<SortKey<Client>, 'direction'>> = {
  [ClientSortField.NAME]: { column: 'c."name"', value: (c) => c.name, property: 'name' },
  [ClientSortField.CREATED_AT]: { column: 'c."createdAt"', value: (c) => c.createdAt, cast: 'timestamptz', property: 'createdAt' },
  [ClientSortField.UPDATED_AT]: { column: 'c."updatedAt"', value: (c) => c.updatedAt, cast: 'timestamptz', property: 'updatedAt' },
};

type ClientPatch = Partial<Omit<CreateClientInput, 'name'>> & { name?: string | null };

/** Rules a client must satisfy whatever the operation: paired fields and tax ids by country. */
function checkClientRules(merged: Partial<Client>): void {
  const errors: FieldError[] = [];
  if ((merged.advertisingBudget == null) !== (merged.advertisingBudgetCurrency == null)) {
    errors.push({
      path: 'input.advertisingBudgetCurrency',
      message: msg('validation.budgetWithCurrency'),
    });
  }
  if (merged.country === 'BG' && (merged.inn || merged.kpp || merged.ogrn)) {
    errors.push({ path: 'input.inn', message: msg('validation.russianTaxIds') });
  }
  if (merged.country === 'RU' && (merged.eik || merged.vatNumber)) {
    errors.push({ path: 'input.eik', message: msg('validation.bulgarianTaxIds') });
  }
  if (merged.kpp && merged.inn && merged.inn.length === 12) {
    errors.push({ path: 'input.kpp', message: msg('validation.kppForEntrepreneur') });
  }
  if (errors.length) throw new BadUserInputError(errors);
}

async function checkOwner(ctx: AuthedContext, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  await agencyUser(ctx, ownerId, 'input.ownerId');
}

/** Turns an input into column values: trims text, keeps undefined as "not given". */
function toColumns(input: ClientPatch): Partial<Client> {
  const out: Partial<Client> = {};
  const text = ['legalName', 'address', 'website', 'industry', 'notes'] as const;
  for (const key of text) if (input[key] !== undefined) out[key] = trimOrNull(input[key]);
  const plain = [
    'country', 'inn', 'kpp', 'ogrn', 'eik', 'vatNumber', 'companySize', 'brandStrength', 'companyLifeStage',
    'advertisingBudget', 'advertisingBudgetCurrency', 'ownerId', 'relationshipStage',
  ] as const;
  for (const key of plain) if (input[key] !== undefined) (out as Record<string, unknown>)[key] = input[key] ?? null;
  // stored as numeric(18,2): answer with the stored scale ("100" → "100.00")
  if (typeof out.advertisingBudget === 'string') out.advertisingBudget = new Decimal(out.advertisingBudget).toFixed(2);
  if (input.lifecycleStage !== undefined) {
    if (input.lifecycleStage === null) {
      throw new BadUserInputError([{ path: 'input.lifecycleStage', message: msg('validation.cannotBeCleared', { field: 'lifecycleStage' }) }]);
    }
    out.lifecycleStage = input.lifecycleStage;
  }
  if (input.name !== undefined) {
    out.name = requireText(input.name, 'input.name', 'validation.notEmpty');
  }
  return out;
}

function duplicateTaxId(err: unknown): never {
  if (isUniqueViolation(err, 'clients_agency_inn_unique')) {
    throw new ConflictError('DUPLICATE_TAX_ID', msg('errors.conflict.DUPLICATE_INN'), 'input.inn');
  }
  if (isUniqueViolation(err, 'clients_agency_eik_unique')) {
    throw new ConflictError('DUPLICATE_TAX_ID', msg('errors.conflict.DUPLICATE_EIK'), 'input.eik');
  }
  throw err;
}

/** null when missing, archived-or-not, another agency's, or outside the portal user's client. */
export function getClient(ctx: AuthedContext, id: string): Promise<Client | null> {
  return scoped(ctx, Client).findById(id);
}

export async function listClients(ctx: AuthedContext, args: ClientsArgs): Promise<ConnectionResult<Client>> {
  const qb = scoped(ctx, Client).query('c');
  const f = args.filter;
  const status = f?.status ?? ClientListStatus.ACTIVE;
  if (status === ClientListStatus.ACTIVE) qb.andWhere('c."archivedAt" IS NULL');
  if (status === ClientListStatus.ARCHIVED) qb.andWhere('c."archivedAt" IS NOT NULL');
  if (f?.search) {
    const like = '%' + f.search.trim().replace(/[\\%_]/g, (m) => '\\' + m) + '%';
    qb.andWhere('(c."name" ILIKE :like OR c."legalName" ILIKE :like OR c."inn" LIKE :like OR c."eik" LIKE :like)', { like });
  }
  if (f?.lifecycleStages?.length) qb.andWhere('c."lifecycleStage" IN (:...stages)', { stages: f.lifecycleStages });
  if (f?.relationshipStages?.length) qb.andWhere('c."relationshipStage" IN (:...rstages)', { rstages: f.relationshipStages });
  if (f?.companySizes?.length) qb.andWhere('c."companySize" IN (:...sizes)', { sizes: f.companySizes });
  if (f?.ownerId) qb.andWhere('c."ownerId" = :ownerId', { ownerId: f.ownerId });
  if (f?.country) qb.andWhere('c."country" = :country', { country: f.country });
  const order = args.orderBy;
  const sort = SORT_KEYS[order?.field ?? ClientSortField.NAME];
  return paginate(qb, args, { ...sort, direction: order?.direction ?? 'ASC' }, projectedColumns(ctx, Client));
}

/** Creates a client; its creator becomes the owner (account manager) unless another one is given. */
export async function createClient(ctx: AuthedContext, input: CreateClientInput): Promise<Client> {
  const values = toColumns(input);
  values.lifecycleStage ??= LifecycleStage.ATTRACTION;
  values.ownerId ??= ctx.actor.userId;
  checkClientRules(values);
  return withTransaction(ctx, async (tx) => {
    await checkOwner(tx, values.ownerId);
    let client: Client;
    try {
      client = await scoped(tx, Client).insert({ ...values, stageChangedAt: new Date() });
    } catch (err) {
      return duplicateTaxId(err);
    }
    await recordStage(tx, client, null, client.lifecycleStage, client.stageChangedAt, { note: 'created' });
    return client;
  });
}

export async function updateClient(ctx: AuthedContext, input: UpdateClientInput): Promise<Client> {
  const patch = toColumns(input);
  return withTransaction(ctx, async (tx) => {
    const client = await scoped(tx, Client).getById(input.id, 'input.id', { lock: true });
    checkClientRules({ ...client, ...patch });
    if (patch.ownerId !== undefined) await checkOwner(tx, patch.ownerId);
    const { lifecycleStage: stage, ...rest } = patch;
    let saved: Client;
    try {
      saved = await scoped(tx, Client).update(client, rest);
    } catch (err) {
      return duplicateTaxId(err);
    }
    // the stage moves only by the rules of changeClientStage; the same stage is no change
    if (stage !== undefined && stage !== saved.lifecycleStage) {
      const moved = await moveStage(tx, saved, stage, null);
      if (moved instanceof IllegalTransitionError) {
        throw new BadUserInputError([{ path: 'input.lifecycleStage', message: msg('validation.stageChangeRefused', { from: moved.from, to: moved.to }) }]);
      }
      saved = moved;
    }
    return saved;
  });
}

/** Archiving hides the client from lists and keeps everything; doing it twice changes nothing. */
export async function archiveClient(ctx: AuthedContext, id: string): Promise<Client> {
  return withTransaction(ctx, async (tx) => {
    const client = await scoped(tx, Client).getById(id, 'id', { lock: true });
    if (client.archivedAt) return client;
    return scoped(tx, Client).update(client, { archivedAt: new Date() });
  });
}

export async function restoreClient(ctx: AuthedContext, id: string): Promise<Client> {
  return withTransaction(ctx, async (tx) => {
    const client = await scoped(tx, Client).getById(id, 'id', { lock: true });
    if (!client.archivedAt) return client;
    return scoped(tx, Client).update(client, { archivedAt: null });
  });
}

/** Records the end of cooperation; the lifecycle stage at that moment is kept. */
export async function terminateClient(ctx: AuthedContext, input: TerminateClientInput): Promise<Client> {
  return withTransaction(ctx, async (tx) => {
    const client = await scoped(tx, Client).getById(input.id, 'input.id', { lock: true });
    const already = client.terminatedAt !== null;
    const reason = input.reason.trim();
    if (!reason) throw new BadUserInputError([{ path: 'input.reason', message: msg('validation.notEmpty', { field: 'reason' }) }]);
    const saved = await scoped(tx, Client).update(client, {
      terminatedAt: client.terminatedAt ?? new Date(),
      terminationReason: reason,
    });
    if (!already) {
      await recordStage(tx, saved, saved.lifecycleStage, saved.lifecycleStage, saved.terminatedAt!, {
        terminated: true,
        note: saved.terminationReason,
      });
    }
    return saved;
  });
}

async function recordStage(
  tx: AuthedContext,
  client: Client,
  fromStage: LifecycleStage | null,
  toStage: LifecycleStage,
  changedAt: Date,
  opts: { terminated?: boolean; note?: string | null } = {},
): Promise<void> {
  await scoped(tx, ClientStageChange).insert({
    clientId: client.id,
    fromStage,
    toStage,
    changedAt,
    terminated: opts.terminated ?? false,
    actorId: tx.actor.userId,
    note: opts.note ?? null,
  });
}

/**
 * Moves a client to another lifecycle stage through the transition map; the change is kept in
 * the client's history with time and actor. A terminated client must be reactivated first.
 */
export async function changeClientStage(ctx: AuthedContext, input: ChangeClientStageInput): Promise<Client | IllegalTransitionError> {
  return withTransaction(ctx, async (tx) => {
    const client = await scoped(tx, Client).getById(input.clientId, 'input.clientId', { lock: true });
    return moveStage(tx, client, input.stage, trimOrNull(input.note));
  });
}

/**
 * The one way a lifecycle stage changes (changeClientStage, updateClient): through the transition
 * map, never for a terminated client, recorded in the history. The client must be locked.
 */
async function moveStage(tx: AuthedContext, client: Client, stage: LifecycleStage, note: string | null): Promise<Client | IllegalTransitionError> {
  if (client.terminatedAt) return illegalTransition('Client', 'TERMINATED', stage);
  const illegal = checkTransition('Client', LIFECYCLE_TRANSITIONS, client.lifecycleStage, stage);
  if (illegal) return illegal;
  const fromStage = client.lifecycleStage;
  const saved = await scoped(tx, Client).update(client, { lifecycleStage: stage, stageChangedAt: new Date() });
  await recordStage(tx, saved, fromStage, stage, saved.stageChangedAt, { note });
  return saved;
}

/** Resumes cooperation: clears the termination and records the re-entry in the history. */
export async function reactivateClient(ctx: AuthedContext, input: ReactivateClientInput): Promise<Client | IllegalTransitionError> {
  return withTransaction(ctx, async (tx) => {
    const client = await scoped(tx, Client).getById(input.id, 'input.id', { lock: true });
    const stage = input.stage ?? client.lifecycleStage;
    if (!client.terminatedAt) return illegalTransition('Client', client.lifecycleStage, stage);
    const fromStage = client.lifecycleStage;
    const saved = await scoped(tx, Client).update(client, {
      terminatedAt: null,
      terminationReason: null,
      lifecycleStage: stage,
      stageChangedAt: new Date(),
    });
    await recordStage(tx, saved, fromStage, stage, saved.stageChangedAt, {
      note: trimOrNull(input.note) ?? 'reactivated',
    });
    return saved;
  });
}

/** The development state between deals: when, why and about what to contact the client next. */
export async function setNextContact(ctx: AuthedContext, input: SetNextContactInput): Promise<Client> {
  if (input.on == null && (input.goal || input.product)) {
    throw new BadUserInputError([{ path: 'input.on', message: msg('validation.nextContactIncomplete') }]);
  }
  return withTransaction(ctx, async (tx) => {
    const client = await scoped(tx, Client).getById(input.clientId, 'input.clientId', { lock: true });
    return scoped(tx, Client).update(client, {
      nextContactOn: input.on ?? null,
      nextContactGoal: input.on ? trimOrNull(input.goal) : null,
      nextContactProduct: input.on ? trimOrNull(input.product) : null,
    });
  });
}

/**
 * A contact with the client at `at` (a logged interaction, a held meeting), inside the caller's
 * transaction: a contact later than the last one recorded becomes Client.lastContactAt and fulfils
 * the pending next contact (its date, goal and product are cleared); an older one changes nothing.
 * `plan` replaces the next contact instead (logInteraction with a new one).
 */
export async function recordClientContact(
  tx: AuthedContext,
  client: Client,
  at: Date,
  plan?: { on: string; goal: string | null; product: string | null },
): Promise<Client> {
  const patch: Partial<Client> = {};
  const latest = !client.lastContactAt || client.lastContactAt.getTime() < at.getTime();
  if (latest) patch.lastContactAt = at;
  if (plan) Object.assign(patch, { nextContactOn: plan.on, nextContactGoal: plan.goal, nextContactProduct: plan.product });
  else if (latest && client.nextContactOn) Object.assign(patch, { nextContactOn: null, nextContactGoal: null, nextContactProduct: null });
  return Object.keys(patch).length ? scoped(tx, Client).update(client, patch) : client;
}

/** The lifecycle history of many clients at once (for the per-request loader). */
