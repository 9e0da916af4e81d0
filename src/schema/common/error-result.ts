import { Field, InterfaceType } from 'type-graphql';
import { PortalVisible } from './visibility';

/**
 * The business-outcome channel: an expected result a client must handle (illegal status change,
 * policy violation), returned in `data` as a member of the operation's result union.
 *
 * Each outcome is declared once, as a subclass that is both its GraphQL object type and what a
 * service returns (`return new InvoiceOverpaymentError(balanceDue, attempted)`); result unions
 * tell them from the success type with `instanceof` (see result-union.ts).
 */
@InterfaceType('ErrorResult', {
  description: 'An expected business outcome returned in data (not in errors[]). `code` is stable, SCREAMING_SNAKE_CASE.',
})
export abstract class ErrorResult {
  @PortalVisible()
  @Field({ description: 'Stable machine-readable code, e.g. ILLEGAL_TRANSITION.' })
  code: string;

  @PortalVisible()
  @Field({ description: "Human-readable explanation, in the agency's language." })
  message: string;

  constructor(code: string, message: string) {
    this.code = code;
    this.message = message;
  }
}

/** True for a business error result (as opposed to the operation's success value). */
export function isErrorResult(value: unknown): value is ErrorResult {
  return value instanceof ErrorResult;
}
