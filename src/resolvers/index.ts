import type { NonEmptyArray } from 'type-graphql';
import { AgencyResolver } from './agency.resolver';
import { AuthResolver, UserResolver } from './auth.resolver';
import { BriefResolver } from './brief.resolver';
import { ClientResolver } from './client.resolver';
import { ContactResolver } from './contact.resolver';
import { ControlPointResolver } from './control-point.resolver';
import { DealResolver } from './deal.resolver';
import { InteractionResolver } from './interaction.resolver';
import { MeetingResolver } from './meeting.resolver';
import { ProposalResolver } from './proposal.resolver';

export const RESOLVERS: NonEmptyArray<Function> = [
  AuthResolver,
  AgencyResolver,
  UserResolver,
  ClientResolver,
  ContactResolver,
  ControlPointResolver,
  InteractionResolver,
  BriefResolver,
  MeetingResolver,
  ProposalResolver,
  DealResolver,
];
