import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext } from '../context';
import type { CreditNote, Invoice } from '../entities';
import { PortalVisible } from '../schema/common/visibility';
import { CreditNotesArgs } from '../schema/credit-note/credit-note.args';
import { IssueCreditNoteInput } from '../schema/credit-note/credit-note.inputs';
import { IssueCreditNoteResult } from '../schema/credit-note/credit-note.results';
import { CreditNoteConnection, CreditNoteLineType, CreditNoteType } from '../schema/credit-note/credit-note.type';
import { InvoiceType } from '../schema/invoice/invoice.type';
import * as creditNoteReads from '../services/credit-note.reads';
import * as creditNotes from '../services/credit-note.service';

@Resolver(() => CreditNoteType)
export class CreditNoteResolver {
  @Authorized()
  @PortalVisible()
  @Query(() => CreditNoteType, { nullable: true, description: 'A credit note by id; null when missing or not yours (portal users see those of their client).' })
  creditNote(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'Id of the record.' }) id: string) {
    return creditNoteReads.getCreditNote(ctx, id);
  }

  @Authorized()
  @PortalVisible()
  @Query(() => CreditNoteConnection, { description: 'Credit notes, newest first.' })
  creditNotes(@Ctx() ctx: AuthedContext, @Args(() => CreditNotesArgs) args: CreditNotesArgs) {
    return creditNoteReads.listCreditNotes(ctx, args);
  }

  @Authorized(STAFF)
  @Mutation(() => IssueCreditNoteResult, {
    description:
      'Issues a credit note against an issued invoice (an amount or whole lines, at most the unpaid balance): numbered in its own series, the invoice\'s amount due reduced. Safe to retry with an idempotencyKey.',
  })
  issueCreditNote(@Ctx() ctx: AuthedContext, @Arg('input', () => IssueCreditNoteInput, { description: 'The operation input.' }) input: IssueCreditNoteInput) {
    return creditNotes.issueCreditNote(ctx, input);
  }

  @PortalVisible()
  @FieldResolver(() => [CreditNoteLineType], { description: 'Lines, in order: what each invoice line is reduced by.' })
  lines(@Root() note: CreditNote, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.creditNoteLines.load(note.id);
  }
}

/** `Invoice.creditNotes`: lives with the credit notes it lists. */
@Resolver(() => InvoiceType)
export class InvoiceCreditNotesResolver {
  @PortalVisible()
  @FieldResolver(() => [CreditNoteType], { description: 'Credit notes issued against this invoice, in the order they were issued.' })
  creditNotes(@Root() invoice: Invoice, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.invoiceCreditNotes.load(invoice.id);
  }
}
