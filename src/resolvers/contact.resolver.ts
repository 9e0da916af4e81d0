import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext, } from '../context';
import type { Contact } from '../entities';
import { ClientType } from '../schema/client/client.type';
import { CreateContactInput, UpdateContactInput } from '../schema/contact/contact.inputs';
import { ContactType } from '../schema/contact/contact.type';
import * as contacts from '../services/contact.service';
import { PortalVisible } from '../schema/common/visibility';
import { RowsAsRead } from '../schema/common/row-projection';

@Resolver(() => ContactType)
export class ContactResolver {
  @Authorized(STAFF)
  @Mutation(() => ContactType, { description: 'Adds a contact person to a client.' })
  createContact(@Ctx() ctx: AuthedContext, @Arg('input', () => CreateContactInput, { description: 'The operation input.' }) input: CreateContactInput) {
    return contacts.createContact(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => ContactType, { description: 'Changes a contact person; omitted fields stay as they are.' })
  updateContact(@Ctx() ctx: AuthedContext, @Arg('input', () => UpdateContactInput, { description: 'The operation input.' }) input: UpdateContactInput) {
    return contacts.updateContact(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => ContactType, { description: 'Archives a contact person (kept for history). Idempotent.' })
  archiveContact(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'Id of the record.' }) id: string) {
    return contacts.archiveContact(ctx, id);
  }

  @PortalVisible()
  @FieldResolver(() => ClientType, { description: 'The client this person works for.' })
  @RowsAsRead('clientId')
  client(@Root() contact: Contact, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.clientById.load(contact.clientId);
  }
}
