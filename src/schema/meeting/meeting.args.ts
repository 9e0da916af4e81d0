import { IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { MeetingFilter } from './meeting.inputs';

@ArgsType()
export class MeetingsArgs extends PageArgs {
  @Field(() => MeetingFilter, { nullable: true, description: 'Which meetings; all of the agency by default.' })
  @IsOptional()
  @ValidateNested()
  filter?: MeetingFilter | null;
}
