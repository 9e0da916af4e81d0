import { ArrayMaxSize, IsBoolean, IsEnum, IsISO8601, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ControlPointKind } from '../../entities/enums';
import { Connection, PageArgs } from '../common/connection';
import { DateScalar } from '../common/scalars';

registerEnumType(ControlPointKind, {
  name: 'ControlPointKind',
  description: 'What kind of dated obligation a control point is.',
  valuesConfig: {
    MEETING_PROTOCOL_NOT_SENT: { description: 'A meeting protocol not yet sent to the client (due some days after the meeting).' },
    ACTION_ITEM_DUE: { description: 'An open action item of a meeting protocol.' },
    PROPOSAL_VALIDITY_ENDING: { description: 'A sent proposal whose validity date is coming (or has passed).' },
    PROPOSAL_CORRECTION: { description: 'The planned date of a proposal correction.' },
    PRESENTATION_RETRY: { description: 'Retry date after the client refused a presentation.' },
    DEAL_DEVIATION_DUE: { description: 'Another dated deviation of a deal (correction, approval, payment part…).' },
    NEXT_CONTACT: { description: "The client's planned next contact (development state between deals)." },
    CONTACT_INTERVAL_EXCEEDED: { description: 'The client has not been contacted within the agency maximum interval.' },
    CONTACT_BIRTHDAY: { description: "A contact person's birthday (congratulations)." },
    INVOICE_DUE: { description: 'An issued invoice not fully paid: its payment due / expiry date.' },
    CONTRACT_APPROVAL_WAITING: { description: "A contract waiting for the client's approvals longer than the agency allows." },
    ACT_UNSIGNED: { description: 'An issued act of completed work not signed by the client after the allowed days.' },
  },
});

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

@ArgsType()
export class ControlPointsArgs extends PageArgs {
  @Field(() => ControlPointFilter, { nullable: true, description: 'Which control points.' })
  @ValidateNested()
  filter?: ControlPointFilter | null;
}
