import { IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { BriefFilter } from './brief.inputs';

@ArgsType()
export class BriefsArgs extends PageArgs {
  @Field(() => BriefFilter, { nullable: true, description: 'Which briefs; all of the agency by default.' })
  @IsOptional()
  @ValidateNested()
  filter?: BriefFilter | null;
}
