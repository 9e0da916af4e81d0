import { Field, Int, ObjectType } from 'type-graphql';
import { ErrorResult } from '../common/error-result';
import { resultUnion } from '../common/result-union';
import { PortalVisible } from '../common/visibility';
import { ReportType } from './report.type';

@ObjectType('ReportAlreadyPublishedError', {
  implements: ErrorResult,
  description: 'The report is published and is never changed again (code REPORT_ALREADY_PUBLISHED): generate a new version instead. Nothing was changed.',
})
export class ReportAlreadyPublishedError extends ErrorResult {
  @PortalVisible()
  @Field(() => Int, { description: 'The published version.' })
  version: number;

  constructor(version: number) {
    super('REPORT_ALREADY_PUBLISHED', 'This report is published and cannot be changed');
    this.version = version;
  }
}

export const ReportResult = resultUnion('ReportResult', 'The report, or why it cannot be changed.', ReportType, [ReportAlreadyPublishedError]);
