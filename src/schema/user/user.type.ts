import { Field, ID, ObjectType } from 'type-graphql';
import { Locale, UserRole } from '../../entities/enums';

@ObjectType('User', { description: 'Someone who logs in: agency staff or a client-portal user.' })
export class UserType {
  @Field(() => ID, { description: 'User id.' })
  id: string;

  @Field({ description: 'Login email (lower-cased).' })
  email: string;

  @Field({ description: 'Full name.' })
  fullName: string;

  @Field(() => UserRole, { description: 'Role.' })
  role: UserRole;

  @Field(() => String, { nullable: true, description: 'For CLIENT users: the client they belong to.' })
  clientId: string | null;

  @Field(() => Locale, { nullable: true, description: "Preferred language; the agency's when empty." })
  locale: Locale | null;

  @Field({ description: 'Inactive users cannot log in.' })
  isActive: boolean;

  @Field(() => Date, { nullable: true, description: 'Last successful login.' })
  lastLoginAt: Date | null;

  @Field({ description: 'When the user was created.' })
  createdAt: Date;
}
