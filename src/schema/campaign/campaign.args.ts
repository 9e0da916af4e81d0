import { IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { CampaignFilter } from './campaign.inputs';

@ArgsType()
export class CampaignsArgs extends PageArgs {
  @Field(() => CampaignFilter, { nullable: true, description: 'Which campaigns; all visible by default.' })
  @IsOptional()
  @ValidateNested()
  filter?: CampaignFilter | null;
}
