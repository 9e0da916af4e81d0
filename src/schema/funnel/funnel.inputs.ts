import { IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../common/scalars';

@InputType({ description: 'The period (calendar dates in the agency time zone, both days included) and optionally one manager.' })
export class FunnelInput {
  @Field(() => DateScalar, { description: 'First day of the period (from the start of that local day).' })
  @IsISO8601({ strict: true }, { message: 'from must be a date YYYY-MM-DD' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day of the period (to the end of that local day); not before `from`.' })
  @IsISO8601({ strict: true }, { message: 'to must be a date YYYY-MM-DD' })
  to: string;

  @Field(() => ID, { nullable: true, description: "Only deals whose responsible manager (Deal.manager) is this user." })
  @IsOptional()
  @IsUUID('all', { message: 'managerId must be a valid id' })
  managerId?: string | null;
}
