import type { AuthedContext, } from '../context';
import { Client, Contact, Interaction } from '../entities';
import { BadUserInputError } from '../errors';
import type { InteractionsArgs } from '../schema/interaction/interaction.args';
import type { LogInteractionInput } from '../schema/interaction/interaction.inputs';
import { recordClientContact } from './client.service';
import { latestFirst, matching, paginate } from './pagination';
import { scoped, withTransaction } from './scope';
import { trimOrNull } from './text';
import { msg } from '../i18n';

/**
 * Logs a touch and keeps the client's lastContactAt current; the latest contact fulfils the
 * pending next contact, unless the input plans a new one (see recordClientContact).
 */
export async function logInteraction(ctx: AuthedContext, input: LogInteractionInput, now: Date = new Date()): Promise<Interaction> {
  const occurredAt = input.occurredAt ?? now;
  if (occurredAt.getTime() > now.getTime() + 60_000) {
    throw new BadUserInputError([{ path: 'input.occurredAt', message: msg('validation.notInFuture', { field: 'occurredAt' }) }]);
  }
  if (!input.nextContactOn && (input.nextContactGoal || input.nextContactProduct)) {
    throw new BadUserInputError([{ path: 'input.nextContactOn', message: msg('validation.nextContactIncomplete') }]);
  }
  return withTransaction(ctx, async (tx) => {
    const client = await scoped(tx, Client).getById(input.clientId, 'input.clientId', { lock: true });
    if (input.contactId) {
      const contact = await scoped(tx, Contact).getById(input.contactId, 'input.contactId');
      if (contact.clientId !== client.id) {
        throw new BadUserInputError([{ path: 'input.contactId', message: msg('validation.contactOfOtherClient') }]);
      }
    }
    const interaction = await scoped(tx, Interaction).insert({
      clientId: client.id,
      contactId: input.contactId ?? null,
      userId: tx.actor.userId,
      kind: input.kind,
      occurredAt,
      durationMinutes: input.durationMinutes ?? null,
      summary: input.summary.trim(),
    });
    const plan = input.nextContactOn
      ? { on: input.nextContactOn, goal: trimOrNull(input.nextContactGoal), product: trimOrNull(input.nextContactProduct) }
      : undefined;
    await recordClientContact(tx, client, occurredAt, plan);
    return interaction;
  });
}

export async function listInteractions(ctx: AuthedContext, args: InteractionsArgs) {
  const f = args.filter;
  const qb = matching(scoped(ctx, Interaction).query('i'), 'i', { clientId: f?.clientId, contactId: f?.contactId, userId: f?.userId, kind: f?.kinds });
  return paginate(qb, args, latestFirst('i', 'occurredAt'));
}
