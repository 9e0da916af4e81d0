import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { KpiMetric } from '../../entities/enums';
import { DateScalar, DecimalScalar } from '../common/scalars';

@InputType({ description: "One day's figure of one stored metric." })
export class KpiMeasurementInput {
  @Field(() => KpiMetric, { description: 'A stored metric: IMPRESSIONS, CLICKS, CONVERSIONS, LEADS, SPEND, REVENUE or CUSTOM (derived ones are computed).' })
  metric: KpiMetric;

  @Field(() => DateScalar, { description: 'The day, within the campaign.' })
  date: string;

  @Field(() => DecimalScalar, { description: 'The figure of that day, not negative, up to 4 decimals.' })
  value: string;

  @Field(() => String, { nullable: true, description: 'Name of a CUSTOM metric (required for CUSTOM, refused for the others).' })
  @IsOptional()
  @MaxLength(100)
  customName?: string | null;
}

@InputType({ description: 'Daily figures of a campaign; a day sent again replaces what was recorded for it.' })
export class RecordKpiMeasurementsInput {
  @Field(() => ID, { description: 'The campaign (launched, paused or completed).' })
  @IsUUID('all', { message: 'campaignId must be a valid id' })
  campaignId: string;

  @Field(() => [KpiMeasurementInput], { description: 'The figures, 1–1000; each metric at most once per date.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  measurements: KpiMeasurementInput[];
}
