import { Field, ID, ObjectType } from 'type-graphql';
import { Locale, UserRole } from '../../entities/enums';
import { PortalVisible } from '../common/visibility';
import { Connection } from '../common/connection';
import './user.enums';

@ObjectType('User', { description: 'Someone who logs in: agency staff or a client-portal user.' })
export class UserType {
  @PortalVisible()
  @Field(() => ID, { description: 'User id.' })
  id: string;

  @PortalVisible()
  @Field({ description: 'Login email (lower-cased).' })
  email: string;

  @PortalVisible()
  @Field({ description: 'Full name.' })
  fullName: string;

  @PortalVisible()
  @Field(() => UserRole, { description: 'Role.' })
  role: UserRole;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'For CLIENT users: the client they belong to.' })
  clientId: string | null;

  @PortalVisible()
  @Field(() => Locale, { nullable: true, description: "Preferred language; the agency's when empty." })
  locale: Locale | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Phone in international format, e.g. +79161234567.' })
  phone: string | null;

  @PortalVisible()
  @Field({ description: 'Inactive users cannot log in.' })
  isActive: boolean;

  @PortalVisible()
  @Field(() => Date, { nullable: true, description: 'Last successful login.' })
  lastLoginAt: Date | null;

  @PortalVisible()
  @Field({ description: 'When the user was created.' })
  createdAt: Date;
}

@ObjectType('AccountManager', {
  description: "The agency person responsible for a client: whom the client's people call or write to (also shown in the client portal).",
})
export class AccountManagerType {
  @PortalVisible()
  @Field({ description: 'Full name.' })
  fullName: string;

  @PortalVisible()
  @Field({ description: 'Work email.' })
  email: string;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Phone in international format, e.g. +79161234567; null when not given.' })
  phone: string | null;
}

@ObjectType('UserConnection', { description: 'A page of users.' })
export class UserConnection extends Connection(UserType, 'User') {}

@ObjectType('ClientUserInvitation', {
  description: 'A new portal user and the one-time token with which they set their password (resetPassword). Hand it over yourself; it is shown only here.',
})
export class ClientUserInvitationType {
  @Field(() => UserType, { description: 'The portal user, active but without a password until the token is used.' })
  user: UserType;

  @Field(() => String, { description: 'One-time token for resetPassword; shown only once.' })
  token: string;

  @Field({ description: 'When the token stops being accepted (7 days).' })
  expiresAt: Date;
}

@ObjectType('PasswordResetTicket', {
  description: 'A one-time token with which the user sets a new password (resetPassword). Shown only here; earlier unused tokens of the user stop working.',
})
export class PasswordResetTicketType {
  @Field(() => UserType, { description: 'Whose password the token resets.' })
  user: UserType;

  @Field(() => String, { description: 'One-time token for resetPassword; shown only once.' })
  token: string;

  @Field({ description: 'When the token stops being accepted (24 hours).' })
  expiresAt: Date;
}
