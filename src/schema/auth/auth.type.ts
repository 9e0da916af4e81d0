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
