import { ValidateNested } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { ControlPointFilter } from './control-point.inputs';

@ArgsType()
export class ControlPointsArgs extends PageArgs {
  @Field(() => ControlPointFilter, { nullable: true, description: 'Which control points.' })
  @ValidateNested()
  filter?: ControlPointFilter | null;
}
