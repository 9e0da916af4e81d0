import { createUnionType, Field, ObjectType } from 'type-graphql';
import { ActStatus } from '../../entities/enums';
import { ErrorResult } from '../common/error-result';
import { IllegalTransitionErrorType, resolveResultType } from '../common/error-results';
import { ActType } from './act.type';
import { PortalVisible } from '../common/visibility';

@ObjectType('ActNotEditableError', {
  implements: ErrorResult,
  description: 'Only a DRAFT act can be edited; a DISPUTED one goes back to DRAFT with reviseAct. Nothing was changed.',
})
export class ActNotEditableErrorType extends ErrorResult {
  @PortalVisible()
  @Field(() => ActStatus, { description: 'The current status.' })
  status: ActStatus;
}

const resolveType = resolveResultType('Act');

export const ActResult = createUnionType({
  name: 'ActResult',
  description: 'The act after the status change, or why the change is not allowed.',
  types: () => [ActType, IllegalTransitionErrorType] as const,
  resolveType,
});

export const UpdateActResult = createUnionType({
  name: 'UpdateActResult',
  description: 'The changed act, or why it cannot be changed.',
  types: () => [ActType, ActNotEditableErrorType] as const,
  resolveType,
});
