import { ArrayMaxSize, IsEnum, IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { OptimizationCategory } from '../../entities/enums';
import { DateScalar } from '../common/scalars';

@InputType({ description: 'An optimization made to a launched or paused campaign.' })
export class LogOptimizationInput {
  @Field(() => ID, { description: 'The campaign (launched or paused).' })
  @IsUUID('all', { message: 'campaignId must be a valid id' })
  campaignId: string;

  @Field(() => OptimizationCategory, { description: 'What was changed.' })
  @IsEnum(OptimizationCategory)
  category: OptimizationCategory;

  @Field(() => String, { description: 'What was done and why, 1–5000 characters.' })
  @Length(1, 5000, { message: 'description must be 1–5000 characters long' })
  description: string;

  @Field(() => DateScalar, { nullable: true, description: "The day it was done, within the campaign and not in the future; today in the agency's time zone by default." })
  @IsOptional()
  performedOn?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The open deviations of this campaign it answers (none: an optimization not triggered by a deviation).' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'deviationIds must be valid ids' })
  deviationIds?: string[] | null;
}
