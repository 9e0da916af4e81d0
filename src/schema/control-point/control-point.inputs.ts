import { ArrayMaxSize, IsBoolean, IsEnum, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ControlPointKind } from '../../entities/enums';
import { DateScalar } from '../common/scalars';

@InputType({ description: 'Which control points to list.' })
export class ControlPointFilter {
  @Field(() => DateScalar, { nullable: true, description: 'Only those due on or before this date.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueBefore?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only overdue; false: only not yet overdue.' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean | null;

  @Field(() => [ControlPointKind], { nullable: true, description: 'Only these kinds.' })
  @IsOptional()
  @IsEnum(ControlPointKind, { each: true })
  @ArrayMaxSize(20)
  kinds?: ControlPointKind[] | null;

  @Field(() => ID, { nullable: true, description: 'Only for this client.' })
  @IsOptional()
  @IsUUID('all')
  clientId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only those this agency user is responsible for.' })
  @IsOptional()
  @IsUUID('all')
  managerId?: string | null;
}
