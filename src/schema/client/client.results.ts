import { IllegalTransitionError } from '../common/error-results';
import { resultUnion } from '../common/result-union';
import { ClientType } from './client.type';

export const ClientStageResult = resultUnion('ClientStageResult', 'The client after the change, or why the change is not allowed.', ClientType, [
  IllegalTransitionError,
]);
