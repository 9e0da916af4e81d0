import { Field, ObjectType } from 'type-graphql';
import { AgencyType } from '../agency/agency.type';
import { PortalVisible } from '../common/visibility';
import { UserType } from '../user/user.type';

@ObjectType('AuthPayload', { description: 'A bearer token and who it belongs to.' })
export class AuthPayloadType {
  @PortalVisible()
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`.' })
  token: string;

  @PortalVisible()
  @Field({ description: 'When the token stops being accepted.' })
  expiresAt: Date;

  @PortalVisible()
  @Field(() => UserType, { description: 'The logged-in user.' })
  user: UserType;

  @PortalVisible()
  @Field(() => AgencyType, { description: "The user's agency." })
  agency: AgencyType;
}

@ObjectType('RegisterAgencyPayload', {
  description:
    'What registerAgency did. On a server that confirms sign-ups by email (the production default), `confirmationSent` is true and nothing else is set, whatever the email: the address receives a link to finish with confirmSignUp (or, if it already has an account, a note saying so). On a server without confirmation (development, the embedded database), the agency and owner exist at once and the owner is logged in.',
})
export class RegisterAgencyPayloadType {
  @PortalVisible()
  @Field(() => Boolean, {
    description: 'True: check your inbox; the agency is created by confirmSignUp with the emailed link (valid 24 hours), and the other fields are null. False: registered and logged in.',
  })
  confirmationSent: boolean;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: "The owner's bearer token (null while the sign-up waits for its confirmation)." })
  token: string | null;

  @PortalVisible()
  @Field(() => Date, { nullable: true, description: 'When the token stops being accepted (null with it).' })
  expiresAt: Date | null;

  @PortalVisible()
  @Field(() => UserType, { nullable: true, description: 'The new owner (null while the sign-up waits for its confirmation).' })
  user: UserType | null;

  @PortalVisible()
  @Field(() => AgencyType, { nullable: true, description: 'The new agency (null while the sign-up waits for its confirmation).' })
  agency: AgencyType | null;
}

@ObjectType('RequestPasswordResetPayload', {
  description:
    'What requestPasswordReset did: the same for every email. If the email belongs to an active user, a link to choose a new password (resetPassword) is on its way; otherwise nothing is sent.',
})
export class RequestPasswordResetPayloadType {
  @PortalVisible()
  @Field(() => Boolean, { description: 'Always true: check the inbox of that email (the link works once, for 60 minutes).' })
  accepted: boolean;
}
