import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext, } from '../context';
import type { Invoice } from '../entities';
import { ClientType } from '../schema/client/client.type';
import { InvoicesArgs } from '../schema/invoice/invoice.args';
import { CancelInvoiceInput, CreateInvoiceInput, IssueInvoiceInput, RecordPaymentInput, RefundPaymentInput } from '../schema/invoice/invoice.inputs';
import { CancelInvoiceResult, IssueInvoiceResult, RecordPaymentResult, RefundPaymentResult } from '../schema/invoice/invoice.results';
import { InvoiceConnection, InvoiceLineType, InvoiceType, PaymentType } from '../schema/invoice/invoice.type';
import * as invoiceReads from '../services/invoice.reads';
import * as invoices from '../services/invoice.service';
import { sub } from '../services/money/totals';
import { InvoiceStatus } from '../entities/enums';
import { totalBgnEquivalent } from '../services/invoice.rules';
import { DecimalScalar } from '../schema/common/scalars';
import { PortalVisible } from '../schema/common/visibility';
import { RowsAsRead } from '../schema/common/row-projection';

@Resolver(() => InvoiceType)
export class InvoiceResolver {
  @Authorized()
  @PortalVisible()
  @Query(() => InvoiceType, { nullable: true, description: 'An invoice by id; null when missing or not yours (portal users see issued ones of their client).' })
  invoice(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'Id of the record.' }) id: string) {
    return invoiceReads.getInvoice(ctx, id);
  }

  @Authorized()
  @PortalVisible()
  @Query(() => InvoiceConnection, { description: 'Invoices, newest first.' })
  @RowsAsRead()
  invoices(@Ctx() ctx: AuthedContext, @Args(() => InvoicesArgs) args: InvoicesArgs) {
    return invoiceReads.listInvoices(ctx, args);
  }

  @Authorized(STAFF)
  @Mutation(() => InvoiceType, { description: 'Creates a draft invoice (no number). Safe to retry with an idempotencyKey.' })
  createInvoice(@Ctx() ctx: AuthedContext, @Arg('input', () => CreateInvoiceInput, { description: 'The operation input.' }) input: CreateInvoiceInput) {
    return invoices.createInvoice(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => IssueInvoiceResult, { description: 'Issues a draft: legal number, issue date, VAT by the supply date, totals; immutable afterwards.' })
  issueInvoice(@Ctx() ctx: AuthedContext, @Arg('input', () => IssueInvoiceInput, { description: 'The operation input.' }) input: IssueInvoiceInput) {
    return invoices.issueInvoice(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => CancelInvoiceResult, { description: 'Cancels an invoice on which nothing is paid (INVOICE_HAS_PAYMENTS otherwise) and that no issued act closes (INVOICE_IN_ACT).' })
  cancelInvoice(@Ctx() ctx: AuthedContext, @Arg('input', () => CancelInvoiceInput, { description: 'The operation input.' }) input: CancelInvoiceInput) {
    return invoices.cancelInvoice(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => RecordPaymentResult, { description: 'Records money received against an invoice. Safe to retry with an idempotencyKey.' })
  recordPayment(@Ctx() ctx: AuthedContext, @Arg('input', () => RecordPaymentInput, { description: 'The operation input.' }) input: RecordPaymentInput) {
    return invoices.recordPayment(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => RefundPaymentResult, { description: 'Returns (part of) a payment to the client. Safe to retry with an idempotencyKey.' })
  refundPayment(@Ctx() ctx: AuthedContext, @Arg('input', () => RefundPaymentInput, { description: 'The operation input.' }) input: RefundPaymentInput) {
    return invoices.refundPayment(ctx, input);
  }

  @PortalVisible()
  @FieldResolver(() => [InvoiceLineType], { description: 'Lines, in order.' })
  @RowsAsRead('id')
  lines(@Root() invoice: Invoice, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.invoiceLines.load(invoice.id);
  }

  @PortalVisible()
  @FieldResolver(() => [PaymentType], { description: 'Payments and refunds, by date.' })
  payments(@Root() invoice: Invoice, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.invoicePayments.load(invoice.id);
  }

  @PortalVisible()
  @FieldResolver()
  balanceDue(@Root() invoice: Invoice) {
    // a cancelled invoice is owed by nobody
    return invoice.status === InvoiceStatus.CANCELLED ? '0.00' : sub(invoice.amountDue, invoice.paidAmount);
  }

  @PortalVisible()
  @FieldResolver()
  overdue(@Root() invoice: Invoice, @Ctx() ctx: AuthedContext) {
    return invoiceReads.invoiceOverdue(ctx, invoice);
  }

  @PortalVisible()
  @FieldResolver(() => ClientType, { nullable: true, description: 'The client.' })
  @RowsAsRead('clientId')
  client(@Root() invoice: Invoice, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.clientById.load(invoice.clientId);
  }

  @PortalVisible()
  @FieldResolver(() => DecimalScalar, {
    nullable: true,
    description: 'Bulgarian agencies, EUR invoices issued 2026-01-01…2026-08-08: the total in BGN at the fixed rate 1.95583 (dual display).',
  })
  async totalBgnEquivalent(@Root() invoice: Invoice, @Ctx() ctx: AuthedContext) {
    const agency = await ctx.loaders.agencyById.load(invoice.agencyId);
    return totalBgnEquivalent(invoice, agency?.country ?? null);
  }
}
