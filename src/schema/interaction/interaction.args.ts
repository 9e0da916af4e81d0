import { ValidateNested } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { InteractionFilter } from './interaction.inputs';

@ArgsType()
export class InteractionsArgs extends PageArgs {
  @Field(() => InteractionFilter, { nullable: true, description: 'Which interactions.' })
  @ValidateNested()
  filter?: InteractionFilter | null;
}
