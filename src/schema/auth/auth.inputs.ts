import { IsEmail, IsEnum, IsISO31661Alpha2, IsOptional, IsTimeZone, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { CurrencyCode, Locale } from '../../entities/enums';
import { PASSWORD_MAX, PASSWORD_MIN } from '../user/user.inputs';

@InputType({ description: 'Registers a new agency together with its owner (at once, or once the emailed link is opened: see RegisterAgencyPayload).' })
export class RegisterAgencyInput {
  @Field(() => String, { description: 'Agency display name.' })
  @Length(1, 200)
  agencyName: string;

  @Field(() => String, { description: "Owner's login email." })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @Field(() => String, { description: `Owner's password, ${PASSWORD_MIN}–${PASSWORD_MAX} characters.` })
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  password: string;

  @Field(() => String, { nullable: true, description: "Owner's full name." })
  @IsOptional()
  @Length(1, 200)
  fullName?: string;

  @Field(() => String, { nullable: true, description: 'IANA time zone, default Europe/Moscow.' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @Field(() => Locale, { nullable: true, description: 'Default document language, default ru.' })
  @IsOptional()
  @IsEnum(Locale)
  locale?: Locale;

  @Field(() => CurrencyCode, { nullable: true, description: 'Default currency, default RUB.' })
  @IsOptional()
  @IsEnum(CurrencyCode)
  defaultCurrency?: CurrencyCode;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country of the agency, default RU.' })
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;

  @Field(() => String, { nullable: true, description: "An invitation code from the server's operator: required when the server's sign-up is by invitation (SIGNUP=invite), ignored otherwise." })
  @IsOptional()
  @MaxLength(200)
  inviteCode?: string;
}

@InputType({ description: 'Email and password.' })
export class LoginInput {
  @Field(() => String, { description: 'Login email (case-insensitive).' })
  @MaxLength(254)
  email: string;

  @Field(() => String, { description: 'Password.' })
  @MaxLength(PASSWORD_MAX)
  password: string;
}

@InputType({ description: 'The token of a sign-up confirmation link.' })
export class ConfirmSignUpInput {
  @Field(() => String, { description: 'The `token` parameter of the link in the confirmation email, exactly as it came.' })
  @Length(1, 200)
  token: string;
}

@InputType({ description: 'The email of an account whose password is forgotten.' })
export class RequestPasswordResetInput {
  @Field(() => String, { description: 'Login email (case-insensitive).' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;
}
