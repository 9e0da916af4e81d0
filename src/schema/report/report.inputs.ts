import { ArrayMaxSize, IsEmail, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ReportFrequency, ReportKind } from '../../entities/enums';
import { DateScalar } from '../common/scalars';
import './report.enums';

@InputType({ description: 'Which report, for which client, over which days (at most 366).' })
export class ReportDataInput {
  @Field(() => ID, { description: 'The client.' })
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId: string;

  @Field(() => ReportKind, { description: 'Who the report is for.' })
  kind: ReportKind;

  @Field(() => DateScalar, { description: 'First day of the period.' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day of the period (not before from); the previous period of equal length is compared with it.' })
  to: string;
}

@InputType({ description: 'A report to make now, over any period.' })
export class GenerateReportInput extends ReportDataInput {}

@InputType({ description: 'A report made for a client on a schedule; one schedule per client, kind and frequency (saving again changes it).' })
export class SaveReportScheduleInput {
  @Field(() => ID, { description: 'The client.' })
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId: string;

  @Field(() => ReportKind, { description: 'Who the report is for.' })
  kind: ReportKind;

  @Field(() => ReportFrequency, { description: 'Weekly or monthly.' })
  frequency: ReportFrequency;

  @Field(() => [String], { description: 'Email addresses told when a report of this schedule is published (up to 20).' })
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true })
  @MaxLength(254, { each: true })
  recipients: string[];

  @Field({ nullable: true, description: 'false pauses the schedule; true by default.' })
  @IsOptional()
  active?: boolean;
}

@InputType({ description: 'The development plan of a draft report.' })
export class UpdateReportPlanInput {
  @Field(() => ID, { description: 'The report (a draft).' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field({ description: "The manager's development plan: what the agency proposes next (up to 20 000 characters)." })
  @MaxLength(20_000)
  developmentPlan: string;
}
