import type { AuthedContext } from '../context';
import { Client, Contact } from '../entities';
import { AddressForm } from '../entities/enums';
import { BadUserInputError } from '../errors';
import type { CreateContactInput, UpdateContactInput } from '../schema/contact/contact.inputs';
import { scoped, withTransaction } from './scope';
import { msg } from '../i18n';

type ContactPatch = Partial<Omit<CreateContactInput, 'clientId' | 'fullName'>> & { fullName?: string | null };

function normalizePhone(phone: string): string {
  return phone.replace(/[\s\-()]/g, '');
}

const PHONE_RE = /^\+[1-9]\d{6,14}$/;

function toColumns(input: ContactPatch): Partial<Contact> {
  const out: Partial<Contact> = {};
  if (input.fullName !== undefined) {
    const name = input.fullName?.trim();
    if (!name) throw new BadUserInputError([{ path: 'input.fullName', message: msg('validation.notEmpty', { field: 'fullName' }) }]);
    out.fullName = name;
  }
  for (const key of ['position', 'salutation', 'notes'] as const) {
    if (input[key] !== undefined) out[key] = input[key]?.trim() || null;
  }
  if (input.email !== undefined) out.email = input.email ? input.email.trim().toLowerCase() : null;
  if (input.phone !== undefined) {
    out.phone = input.phone ? normalizePhone(input.phone) : null;
    if (out.phone && !PHONE_RE.test(out.phone)) {
      throw new BadUserInputError([{ path: 'input.phone', message: 'phone must have 7–15 digits after the country code' }]);
    }
  }
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
    if (values.isPrimary) await demoteOtherPrimaries(tx, client.id, null);
    return scoped(tx, Contact).insert({ ...values, clientId: client.id });
  });
}

export async function updateContact(ctx: AuthedContext, input: UpdateContactInput): Promise<Contact> {
  const patch = toColumns(input);
  return withTransaction(ctx, async (tx) => {
    const contact = await scoped(tx, Contact).getById(input.id, 'input.id', { lock: true });
    if (patch.isPrimary && !contact.isPrimary) {
      await scoped(tx, Client).getById(contact.clientId, 'input.id', { lock: true });
      await demoteOtherPrimaries(tx, contact.clientId, contact.id);
    }
    return scoped(tx, Contact).update(contact, patch);
  });
}

export async function archiveContact(ctx: AuthedContext, id: string): Promise<Contact> {
  return withTransaction(ctx, async (tx) => {
    const contact = await scoped(tx, Contact).getById(id, 'id', { lock: true });
    if (contact.archivedAt) return contact;
    return scoped(tx, Contact).update(contact, { archivedAt: new Date(), isPrimary: false });
  });
}
