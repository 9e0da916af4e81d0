import { Field, ID, ObjectType } from 'type-graphql';
import { AddressForm, ContactChannel } from '../../entities/enums';
import { DateScalar } from '../common/scalars';

@ObjectType('Contact', { description: 'A person at the client.' })
export class ContactType {
  @Field(() => ID, { description: 'Contact id.' })
  id: string;

  @Field(() => ID, { description: 'The client this person works for.' })
  clientId: string;

  @Field({ description: 'Full name, e.g. Иванов Иван Петрович.' })
  fullName: string;

  @Field(() => String, { nullable: true, description: 'Position, e.g. Директор по маркетингу.' })
  position: string | null;

  @Field(() => String, { nullable: true, description: 'Email.' })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'Phone in international format, e.g. +79161234567.' })
  phone: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Birthday (a congratulation control point).' })
  birthday: string | null;

  @Field(() => String, { nullable: true, description: 'How to address the person in letters, e.g. «Иван Петрович».' })
  salutation: string | null;

  @Field(() => AddressForm, { description: 'Formal or informal form of address.' })
  addressForm: AddressForm;

  @Field(() => [ContactChannel], { description: 'Preferred channels, most preferred first.' })
  preferredChannels: ContactChannel[];

  @Field({ description: 'The main contact of the client.' })
  isPrimary: boolean;

  @Field(() => String, { nullable: true, description: 'Internal notes.' })
  notes: string | null;

  @Field(() => Date, { nullable: true, description: 'When archived.' })
  archivedAt: Date | null;

  @Field({ description: 'When created.' })
  createdAt: Date;

  @Field({ description: 'When last changed.' })
  updatedAt: Date;
}
