import { IllegalTransitionError } from '../common/error-results';
import { resultUnion } from '../common/result-union';
import { DealDeviationType, DealType } from './deal.type';

export const MoveDealResult = resultUnion('MoveDealResult', 'The moved deal, or why the move is not allowed (nothing changed).', DealType, [
  IllegalTransitionError,
]);

export const CloseDealResult = resultUnion('CloseDealResult', 'The closed deal, or why it cannot be closed that way (nothing changed).', DealType, [
  IllegalTransitionError,
]);

export const DecideDealApprovalResult = resultUnion(
  'DecideDealApprovalResult',
  'The deviation with the decision recorded, or why the decision is not allowed (nothing changed).',
  DealDeviationType,
  [IllegalTransitionError],
);
