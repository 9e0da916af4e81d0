import { Field, InterfaceType } from 'type-graphql';
import { PortalVisible } from './visibility';

/**
 * The business-outcome channel: an expected result a client must handle (illegal status change,
 * policy violation), returned in `data` as a member of the operation's result union.
 */
@InterfaceType('ErrorResult', {
  description: 'An expected business outcome returned in data (not in errors[]). `code` is stable, SCREAMING_SNAKE_CASE.',
})
export abstract class ErrorResult {
  @PortalVisible()
  @Field({ description: 'Stable machine-readable code, e.g. ILLEGAL_TRANSITION.' })
  code: string;

  @PortalVisible()
  @Field({ description: 'Human-readable explanation (English).' })
  message: string;
}
