import { ActStatus } from '../../entities/enums';
import { IllegalTransitionError, NotEditableErrorOf } from '../common/error-results';
import { resultUnion } from '../common/result-union';
import { ActType } from './act.type';

export const ActNotEditableError = NotEditableErrorOf<ActStatus>(
  'Act',
  ActStatus,
  'Only a DRAFT act can be edited; a DISPUTED one goes back to DRAFT with reviseAct. Nothing was changed.',
  ' (a DISPUTED act goes back to DRAFT with reviseAct)',
);
export type ActNotEditableError = InstanceType<typeof ActNotEditableError>;

export const ActResult = resultUnion('ActResult', 'The act after the status change, or why the change is not allowed.', ActType, [
  IllegalTransitionError,
]);

export const UpdateActResult = resultUnion('UpdateActResult', 'The changed act, or why it cannot be changed.', ActType, [ActNotEditableError]);
