import { Field, ID, ObjectType } from 'type-graphql';
import { AddressForm, ContactChannel } from '../../entities/enums';
import { DateScalar } from '../common/scalars';
import { PortalHidden, PortalVisible } from '../common/visibility';
import { RowsOf } from '../common/row-projection';
import { Contact } from '../../entities';
import './contact.enums';

@RowsOf(Contact)
@ObjectType('Contact', { description: 'A person at the client.' })
export class ContactType {
  @PortalVisible()
  @Field(() => ID, { description: 'Contact id.' })
  id: string;

  @PortalVisible()
  @Field(() => ID, { description: 'The client this person works for.' })
  clientId: string;

  @PortalVisible()
  @Field({ description: 'Full name, e.g. Иванов Иван Петрович.' })
  fullName: string;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Position, e.g. Директор по маркетингу.' })
  position: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Email.' })
  email: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Phone in international format, e.g. +79161234567.' })
  phone: string | null;

  @PortalHidden()
  @Field(() => DateScalar, { nullable: true, description: 'Birthday (a congratulation control point).' })
  birthday: string | null;

  @PortalHidden()
  @Field(() => String, { nullable: true, description: 'How to address the person in letters, e.g. «Иван Петрович».' })
  salutation: string | null;

  @PortalHidden()
  @Field(() => AddressForm, { description: 'Formal or informal form of address.' })
  addressForm: AddressForm;

  @PortalHidden()
  @Field(() => [ContactChannel], { description: 'Preferred channels, most preferred first.' })
  preferredChannels: ContactChannel[];

  @PortalVisible()
  @Field({ description: 'The main contact of the client.' })
  isPrimary: boolean;

  @PortalHidden()
  @Field(() => String, { nullable: true, description: 'Internal notes.' })
  notes: string | null;

  @PortalHidden()
  @Field(() => Date, { nullable: true, description: 'When archived.' })
  archivedAt: Date | null;

  @PortalVisible()
  @Field({ description: 'When created.' })
  createdAt: Date;

  @PortalHidden()
  @Field({ description: 'When last changed.' })
  updatedAt: Date;
}
