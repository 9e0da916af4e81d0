import type { AuthedContext } from '../context';
import { Client, Contact } from '../entities';
import { AddressForm } from '../entities/enums';
import { BadUserInputError } from '../errors';
import type { CreateContactInput, UpdateContactInput } from '../schema/contact/contact.inputs';
import { normalizePhone } from '../schema/validators/phone';
import { getOwnAgency } from './agency.service';
import { scoped, withTransaction } from './scope';
import { trimOrNull } from './text';
import { msg } from '../i18n';

type ContactPatch = Partial<Omit<CreateContactInput, 'clientId' | 'fullName'>> & { fullName?: string | null };

function toColumns(input: ContactPatch): Partial<Contact> {
  const out: Partial<Contact> = {};
  if (input.fullName !== undefined) {
    const name = input.fullName?.trim();
    if (!name) throw new BadUserInputError([{ path: 'input.fullName', message: msg('validation.notEmpty', { field: 'fullName' }) }]);
    out.fullName = name;
  }
  for (const key of ['position', 'salutation', 'notes'] as const) {
    if (input[key] !== undefined) out[key] = trimOrNull(input[key]);
  }
  if (input.email !== undefined) out.email = input.email ? input.email.trim().toLowerCase() : null;
  // the phone is normalized once the client's country is known (withPhone)
  if (input.birthday !== undefined) {
    if (input.birthday && input.birthday > new Date().toISOString().slice(0, 10)) {
      throw new BadUserInputError([{ path: 'input.birthday', message: msg('validation.notInFuture', { field: 'birthday' }) }]);
    }
    out.birthday = input.birthday ?? null;
  }
  if (input.addressForm !== undefined) out.addressForm = input.addressForm ?? AddressForm.FORMAL;
  if (input.preferredChannels !== undefined) out.preferredChannels = input.preferredChannels ?? [];
  if (input.isPrimary !== undefined) out.isPrimary = input.isPrimary ?? false;
  return out;
}

/** The country national phone forms are read in: the client's, else the agency's. */
async function phoneCountry(tx: AuthedContext, client: Client): Promise<string> {
  return client.country ?? (await getOwnAgency(tx)).country;
}

/** Adds the E.164 phone to the columns when the input gives one (null clears it). */
async function withPhone(tx: AuthedContext, client: Client, phone: string | null | undefined, values: Partial<Contact>): Promise<Partial<Contact>> {
  if (phone === undefined) return values;
  return { ...values, phone: phone ? normalizePhone(phone, await phoneCountry(tx, client), 'input.phone') : null };
}

/**
 * At most one primary contact per client (also a partial unique index): making one primary
 * demotes the others first. Callers hold the client's row lock.
 */
async function demoteOtherPrimaries(tx: AuthedContext, clientId: string, exceptId: string | null): Promise<void> {
  const qb = scoped(tx, Contact).query('c').andWhere('c."clientId" = :clientId AND c."isPrimary"', { clientId });
  if (exceptId) qb.andWhere('c.id <> :exceptId', { exceptId });
  const others = await qb.getMany();
  for (const other of others) await scoped(tx, Contact).update(other, { isPrimary: false });
}

export async function createContact(ctx: AuthedContext, input: CreateContactInput): Promise<Contact> {
  const values = toColumns(input);
  return withTransaction(ctx, async (tx) => {
    // the client row lock serialises "make me primary" requests of one client
    const client = await scoped(tx, Client).getById(input.clientId, 'input.clientId', { lock: Boolean(values.isPrimary) });
    const columns = await withPhone(tx, client, input.phone, values);
    if (values.isPrimary) await demoteOtherPrimaries(tx, client.id, null);
    return scoped(tx, Contact).insert({ ...columns, clientId: client.id });
  });
}

export async function updateContact(ctx: AuthedContext, input: UpdateContactInput): Promise<Contact> {
  const patch = toColumns(input);
  return withTransaction(ctx, async (tx) => {
    const contact = await scoped(tx, Contact).getById(input.id, 'input.id', { lock: true });
    const promote = Boolean(patch.isPrimary && !contact.isPrimary);
    let columns = patch;
    if (promote || input.phone !== undefined) {
      const client = await scoped(tx, Client).getById(contact.clientId, 'input.id', { lock: promote });
      columns = await withPhone(tx, client, input.phone, patch);
    }
    if (promote) await demoteOtherPrimaries(tx, contact.clientId, contact.id);
    return scoped(tx, Contact).update(contact, columns);
  });
}

export async function archiveContact(ctx: AuthedContext, id: string): Promise<Contact> {
  return withTransaction(ctx, async (tx) => {
    const contact = await scoped(tx, Contact).getById(id, 'id', { lock: true });
    if (contact.archivedAt) return contact;
    return scoped(tx, Contact).update(contact, { archivedAt: new Date(), isPrimary: false });
  });
}
