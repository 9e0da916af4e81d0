import { approverLabel } from '../schema/contract/contract.results';
/**
 * Messages of error results (the ErrorResult types in `data`), rendered from their code and their
 * own fields: `results.<CODE>` with the result's fields as params, statuses shown in the reader's
 * language. A code without a key keeps the English message its service wrote.
 */
import { hasKey, Locale, translateKey } from './index';

/** The aggregate of a result type that carries a bare status (IllegalTransitionError names its own `entity`). */
const ENTITY_OF_TYPE: Record<string, string> = {
  ProposalNotEditableError: 'Proposal',
  ProposalValidityPassedError: 'Proposal',
  ContractNotEditableError: 'Contract',
  ContractApprovalsPendingError: 'Contract',
  ContractApprovalAlreadyDecidedError: 'Contract',
  ActNotEditableError: 'Act',
  InvoiceNotPayableError: 'Invoice',
  InvoiceNotCreditableError: 'Invoice',
};

type Fields = Record<string, unknown>;

/** Which variant of a code's message applies (i18next context: results.<CODE>_<variant>). */
const VARIANT: Record<string, (r: Fields, entity: string | undefined) => string | undefined> = {
  NOT_EDITABLE: (_r, entity) => entity,
  APPROVAL_ALREADY_DECIDED: (r) => (r.decision !== 'PENDING' ? 'decided' : r.round !== r.currentRound ? 'round' : 'status'),
  IMAGE_UNSUPPORTED_FORMAT: (r) => (r.detectedType ? 'detected' : undefined),
};


/** The result's own scalar fields as params; lists and objects only where a message shows them. */
function paramsOf(result: Fields): Fields {
  const params: Fields = {};
  for (const [k, v] of Object.entries(result)) {
    if (k === '__typename' || k === 'message') continue;
    if (v instanceof Date) params[k] = v.toISOString();
    else if (v === null || v === undefined) params[k] = '';
    else if (typeof v !== 'object') params[k] = v;
  }
  if (Array.isArray(result.pendingApprovers)) params.approvers = (result.pendingApprovers as { name: string; position: string | null }[]).map(approverLabel).join(', ');
  return params;
}

export function renderErrorResult(locale: Locale | null | undefined, typeName: string, result: Fields): string {
  const code = String(result.code ?? '');
  const key = `results.${code}`;
  if (!code || !hasKey(key)) return String(result.message ?? '');
  const entity = (typeof result.entity === 'string' ? result.entity : undefined) ?? ENTITY_OF_TYPE[typeName];
  const params = paramsOf(result);
  if (entity) params.entity = entity;
  const context = VARIANT[code]?.(result, entity);
  return translateKey(locale, key, context ? { ...params, context } : params);
}
