import { ValidateNested } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { UserFilter } from './user.inputs';

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => UserFilter, { nullable: true, description: 'Which users; all of the agency by default. Sorted by email.' })
  @ValidateNested()
  filter?: UserFilter | null;
}
