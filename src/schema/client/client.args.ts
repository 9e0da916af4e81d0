import { ValidateNested } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { ClientFilter, ClientOrder } from './client.inputs';

@ArgsType()
export class ClientsArgs extends PageArgs {
  @Field(() => ClientFilter, { nullable: true, description: 'Which clients; active ones by default.' })
  @ValidateNested()
  filter?: ClientFilter | null;

  @Field(() => ClientOrder, { nullable: true, description: 'Sort order; by name ascending by default.' })
  @ValidateNested()
  orderBy?: ClientOrder | null;
}
