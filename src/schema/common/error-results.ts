import { Field, ObjectType } from 'type-graphql';
import { PortalVisible } from './visibility';
import { ErrorResult } from './error-result';

@ObjectType('IllegalTransitionError', {
  implements: ErrorResult,
  description: 'The requested status change is not allowed from the current status. Nothing was changed.',
})
export class IllegalTransitionError extends ErrorResult {
  @PortalVisible()
  @Field({ description: 'What kind of record, e.g. Proposal.' })
  entity: string;

  @PortalVisible()
  @Field({ description: 'The current status.' })
  from: string;

  @PortalVisible()
  @Field({ description: 'The requested status.' })
  to: string;

  constructor(entity: string, from: string, to: string) {
    super('ILLEGAL_TRANSITION', `${entity} cannot go from ${from} to ${to}`);
    this.entity = entity;
    this.from = from;
    this.to = to;
  }
}

/**
 * "Only a DRAFT can be edited", declared once for every aggregate with drafts: each gets its own
 * GraphQL type (ProposalNotEditableError, …) whose `status` is typed with the aggregate's status
 * enum, so a client can select `status` on the record and on the error in one query.
 */
export function NotEditableErrorOf<S extends string>(entity: string, statusEnum: object, description: string, hint = '') {
  @ObjectType(`${entity}NotEditableError`, { implements: ErrorResult, description })
  class NotEditable extends ErrorResult {
    @PortalVisible()
    @Field(() => statusEnum, { description: 'The current (effective) status.' })
    status: S;

    constructor(status: S) {
      super('NOT_EDITABLE', `A ${status} ${entity.toLowerCase()} cannot be edited; only a DRAFT can${hint}`);
      this.status = status;
    }
  }
  return NotEditable;
}
