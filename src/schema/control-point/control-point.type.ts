import { Field, ID, ObjectType } from 'type-graphql';
import { ControlPointKind } from '../../entities/enums';
import { Connection } from '../common/connection';
import { DateScalar } from '../common/scalars';
import './control-point.enums';

@ObjectType('ControlPoint', { description: 'A dated obligation to watch.' })
export class ControlPointType {
  @Field(() => ControlPointKind, { description: 'What kind of obligation.' })
  kind: ControlPointKind;

  @Field(() => DateScalar, { description: 'Calendar date by which it must be done (agency time zone).' })
  dueOn: string;

  @Field({ description: "True once the due date's day is over in the agency time zone." })
  overdue: boolean;

  @Field(() => ID, { description: 'The client it concerns.' })
  clientId: string;

  @Field({ description: 'Kind of record it belongs to: Meeting, Proposal, Deal, Client, Contact…' })
  objectType: string;

  @Field(() => ID, { description: 'Id of that record.' })
  objectId: string;

  @Field({ description: 'Short human-readable description.' })
  title: string;

  @Field(() => ID, { nullable: true, description: 'Responsible agency user, if known.' })
  managerId: string | null;
}

@ObjectType('ControlPointConnection', { description: 'A page of control points, by due date.' })
export class ControlPointConnection extends Connection(ControlPointType, 'ControlPoint') {}
