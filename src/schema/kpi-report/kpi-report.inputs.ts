import { IsISO8601 } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DateScalar } from '../common/scalars';
import { KpiReportGrouping } from './kpi-report.enums';

@InputType({ description: 'The period of the KPI report (calendar days, both included, at most 731 days) and how its rows are split.' })
export class KpiReportInput {
  @Field(() => DateScalar, { description: 'First day counted.' })
  @IsISO8601({ strict: true }, { message: 'from must be a date YYYY-MM-DD' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day counted; not before `from`.' })
  @IsISO8601({ strict: true }, { message: 'to must be a date YYYY-MM-DD' })
  to: string;

  @Field(() => KpiReportGrouping, { nullable: true, defaultValue: KpiReportGrouping.NONE, description: 'What the rows are split by besides the month; NONE by default.' })
  groupBy?: KpiReportGrouping | null;
}
