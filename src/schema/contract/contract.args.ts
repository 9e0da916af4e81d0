import { ValidateNested } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { ContractFilter } from './contract.inputs';

@ArgsType()
export class ContractsArgs extends PageArgs {
  @Field(() => ContractFilter, { nullable: true, description: 'Which contracts; all visible ones by default (newest first).' })
  @ValidateNested()
  filter?: ContractFilter | null;
}
