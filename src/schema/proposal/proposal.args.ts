import { ValidateNested } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { ProposalFilter, ProposalOrder } from './proposal.inputs';

@ArgsType()
export class ProposalsArgs extends PageArgs {
  @Field(() => ProposalFilter, { nullable: true, description: 'Which proposals; all visible ones by default.' })
  @ValidateNested()
  filter?: ProposalFilter | null;

  @Field(() => ProposalOrder, { nullable: true, description: 'Sort order; newest first by default.' })
  @ValidateNested()
  orderBy?: ProposalOrder | null;
}
