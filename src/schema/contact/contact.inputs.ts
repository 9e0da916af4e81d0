import { ArrayMaxSize, ArrayUnique, IsEmail, IsEnum, IsISO8601, IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { AddressForm, ContactChannel } from '../../entities/enums';
import { DateScalar } from '../common/scalars';


@InputType('ContactFieldsBase', { description: 'Shared fields (never exposed).' })
abstract class ContactFields {
  @Field(() => String, { nullable: true, description: 'Position.' })
  @IsOptional()
  @Length(1, 200)
  position?: string | null;

  @Field(() => String, { nullable: true, description: 'Email.' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Phone, international ("+7 916 123-45-67") or in the national form of the client\'s country ("8 (916) 123-45-67", "0888 123 456"; ' +
      "the agency's country when the client has none). Stored and returned as +79161234567.",
  })
  @IsOptional()
  @MaxLength(40, { message: 'phone must be at most 40 characters long' })
  phone?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Birthday.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'birthday must be a date YYYY-MM-DD' })
  birthday?: string | null;

  @Field(() => String, { nullable: true, description: 'Form of address in letters, e.g. «Иван Петрович».' })
  @IsOptional()
  @Length(1, 200)
  salutation?: string | null;

  @Field(() => AddressForm, { nullable: true, description: 'Formal (default) or informal.' })
  @IsOptional()
  @IsEnum(AddressForm)
  addressForm?: AddressForm | null;

  @Field(() => [ContactChannel], { nullable: true, description: 'Preferred channels, most preferred first.' })
  @IsOptional()
  @IsEnum(ContactChannel, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(7)
  preferredChannels?: ContactChannel[] | null;

  @Field(() => Boolean, { nullable: true, description: 'The main contact of the client.' })
  @IsOptional()
  isPrimary?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Internal notes.' })
  @IsOptional()
  @MaxLength(20_000)
  notes?: string | null;
}

@InputType({ description: 'A new contact person at a client.' })
export class CreateContactInput extends ContactFields {
  @Field(() => ID, { description: 'The client.' })
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId: string;

  @Field(() => String, { description: 'Full name, 1–200 characters.' })
  @Length(1, 200, { message: 'fullName must be 1–200 characters long' })
  fullName: string;
}

@InputType({ description: 'Changes to a contact; omitted fields stay, null clears an optional field.' })
export class UpdateContactInput extends ContactFields {
  @Field(() => ID, { description: 'The contact.' })
  @IsUUID('all', { message: 'id must be a valid id' })
  id: string;

  @Field(() => String, { nullable: true, description: 'Full name (cannot be cleared).' })
  @IsOptional()
  @Length(1, 200, { message: 'fullName must be 1–200 characters long' })
  fullName?: string | null;
}
