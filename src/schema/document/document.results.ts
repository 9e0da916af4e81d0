import { Field, ObjectType } from 'type-graphql';
import { ErrorResult } from '../common/error-result';
import { resultUnion } from '../common/result-union';
import { PortalVisible } from '../common/visibility';
import { GeneratedDocumentType } from './document.type';

@ObjectType('DocumentNotAvailableError', {
  implements: ErrorResult,
  description:
    'The record exists, but this document cannot be made from it (code DOCUMENT_NOT_AVAILABLE), e.g. the protocol of a meeting that has not started yet. Nothing was stored.',
})
export class DocumentNotAvailableError extends ErrorResult {
  @PortalVisible()
  @Field({
    description:
      'Why, as a stable code: MEETING_NOT_HELD (the meeting has not started), NOT_SUPPORTED (this kind cannot be generated yet), or a code of the kind, e.g. NOT_A_VAT_PAYER.',
  })
  reason: string;

  constructor(reason: string) {
    super('DOCUMENT_NOT_AVAILABLE', `This document cannot be made from this record (${reason})`);
    this.reason = reason;
  }
}

export const GenerateDocumentResult = resultUnion(
  'GenerateDocumentResult',
  'The generated (or reused) document, or why it cannot be made.',
  GeneratedDocumentType,
  [DocumentNotAvailableError],
);
