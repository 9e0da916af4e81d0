import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { Locale, UserRole } from '../../entities/enums';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
/** generous for spaces, dashes and brackets in a typed number */
export const PHONE_INPUT_MAX = 40;

@InputType({ description: 'A new user of the agency (owner only).' })
export class CreateUserInput {
  @Field(() => String, { description: 'Login email; unique across the platform.' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @Field(() => String, { description: `Initial password, ${PASSWORD_MIN}–${PASSWORD_MAX} characters.` })
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  password: string;

  @Field(() => UserRole, { description: 'Role of the new user.' })
  @IsEnum(UserRole)
  role: UserRole;

  @Field(() => ID, { nullable: true, description: 'Required for CLIENT users: the client they belong to; forbidden otherwise.' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId?: string | null;

  @Field(() => String, { nullable: true, description: 'Full name.' })
  @IsOptional()
  @Length(1, 200)
  fullName?: string;

  @Field(() => Locale, { nullable: true, description: 'Preferred language.' })
  @IsOptional()
  @IsEnum(Locale)
  locale?: Locale | null;

  @Field(() => String, { nullable: true, description: "Phone, international (+79161234567) or national in the agency's country; stored as +79161234567." })
  @IsOptional()
  @IsString()
  @MaxLength(PHONE_INPUT_MAX)
  phone?: string | null;
}

@InputType({ description: "Changes to the logged-in user's own profile; omitted fields stay as they are, null clears an optional one." })
export class UpdateMyProfileInput {
  @Field(() => String, { nullable: true, description: 'Full name.' })
  @IsOptional()
  @Length(1, 200)
  fullName?: string;

  @Field(() => String, { nullable: true, description: "Phone, international (+79161234567) or national in the agency's country; null clears it." })
  @IsOptional()
  @IsString()
  @MaxLength(PHONE_INPUT_MAX)
  phone?: string | null;

  @Field(() => Locale, { nullable: true, description: "Preferred language; null falls back to the agency's." })
  @IsOptional()
  @IsEnum(Locale)
  locale?: Locale | null;
}
