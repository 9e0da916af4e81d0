import { ValidateNested } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { ActFilter } from './act.inputs';

@ArgsType()
export class ActsArgs extends PageArgs {
  @Field(() => ActFilter, { nullable: true, description: 'Which acts; all visible ones by default. Newest first.' })
  @ValidateNested()
  filter?: ActFilter | null;
}
