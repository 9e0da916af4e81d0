import { IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { SurveyFilter } from './survey.inputs';

@ArgsType()
export class SurveysArgs extends PageArgs {
  @Field(() => SurveyFilter, { nullable: true, description: 'Which surveys; all the actor may see by default.' })
  @IsOptional()
  @ValidateNested()
  filter?: SurveyFilter | null;
}
