import { Resolver } from 'type-graphql';

@Resolver()
export class MeetingResolver {}
