import { Field, ObjectType } from 'type-graphql';
import { ErrorResult } from './error-result';
import { PortalVisible } from './visibility';

@ObjectType('IllegalTransitionError', {
  implements: ErrorResult,
  description: 'The requested status change is not allowed from the current status. Nothing was changed.',
})
export class IllegalTransitionErrorType extends ErrorResult {
  @PortalVisible()
  @Field({ description: 'What kind of record, e.g. Proposal.' })
  entity: string;

  @PortalVisible()
  @Field({ description: 'The current status.' })
  from: string;

  @PortalVisible()
  @Field({ description: 'The requested status.' })
  to: string;
}

/**
 * Resolves a result union member by the `__typename` the service put on its error results;
 * anything without one is the success type.
 */
export function resolveResultType(successType: string) {
  return (value: object): string => (value as { __typename?: string }).__typename ?? successType;
}
