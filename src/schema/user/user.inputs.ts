import { IsBoolean, IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
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

@InputType({ description: 'A portal user for one of your clients. They set their own password with the invitation token.' })
export class InviteClientUserInput {
  @Field(() => ID, { description: 'The client the portal user belongs to.' })
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId: string;

  @Field(() => String, { description: 'Login email; unique across the platform.' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

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

@InputType({ description: 'Changes to a user of the agency (owner only). Omitted fields stay as they are.' })
export class UpdateUserInput {
  @Field(() => ID, { description: 'The user to change.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => String, { nullable: true, description: 'Full name.' })
  @IsOptional()
  @Length(1, 200)
  fullName?: string | null;

  @Field(() => Locale, { nullable: true, description: "Preferred language; null clears it (the agency's language applies)." })
  @IsOptional()
  @IsEnum(Locale)
  locale?: Locale | null;

  @Field(() => UserRole, {
    nullable: true,
    description: 'New role, between OWNER and MANAGER. Portal (CLIENT) users stay portal users.',
  })
  @IsOptional()
  @IsEnum(UserRole)
  role?: UserRole | null;
}

@InputType({ description: 'Your current password and the new one.' })
export class ChangePasswordInput {
  @Field(() => String, { description: 'Your current password.' })
  @Length(1, PASSWORD_MAX)
  oldPassword: string;

  @Field(() => String, { description: `The new password, ${PASSWORD_MIN}–${PASSWORD_MAX} characters, different from the current one.` })
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  newPassword: string;
}

@InputType({ description: 'A one-time token (from an invitation or a password reset) and the password to set.' })
export class ResetPasswordInput {
  @Field(() => String, { description: 'The token exactly as it was handed out.' })
  @Length(1, 200)
  token: string;

  @Field(() => String, { description: `The new password, ${PASSWORD_MIN}–${PASSWORD_MAX} characters.` })
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  newPassword: string;
}

@InputType({ description: 'Whose password to reset (owner only).' })
export class IssuePasswordResetInput {
  @Field(() => ID, { description: 'A user of your agency.' })
  @IsUUID('all', { message: 'userId must be a valid id' })
  userId: string;
}

@InputType({ description: 'Which users to list; all of the agency by default.' })
export class UserFilter {
  @Field(() => UserRole, { nullable: true, description: 'Only users with this role.' })
  @IsOptional()
  @IsEnum(UserRole)
  role?: UserRole | null;

  @Field(() => ID, { nullable: true, description: 'Only the portal users of this client.' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only active users; false: only deactivated ones; omitted: both.' })
  @IsOptional()
  @IsBoolean()
  isActive?: boolean | null;
}

