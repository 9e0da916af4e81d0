import { IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { DealFilter } from './deal.inputs';

@ArgsType()
export class DealsArgs extends PageArgs {
  @Field(() => DealFilter, { nullable: true, description: 'Which deals; all of the agency by default.' })
  @IsOptional()
  @ValidateNested()
  filter?: DealFilter | null;
}
