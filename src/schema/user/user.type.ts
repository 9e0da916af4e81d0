import { Field, ID, ObjectType } from 'type-graphql';
import { Locale, UserRole } from '../../entities/enums';
import { PortalVisible } from '../common/visibility';

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
