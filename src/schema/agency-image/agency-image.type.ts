import { Field, Int, ObjectType } from 'type-graphql';
import { AgencyImageKind } from '../../entities/enums';
import './agency-image.enums';

@ObjectType('AgencyImage', {
  description: 'An image the agency puts on its documents (logo, stamp, signature): what was checked and stored; the file itself goes only into the documents.',
})
export class AgencyImageType {
  @Field(() => AgencyImageKind, { description: 'Which image this is.' })
  kind: AgencyImageKind;

  @Field({ description: 'image/png or image/jpeg, read from the file itself.' })
  mimeType: string;

  @Field(() => Int, { description: 'Width in pixels.' })
  width: number;

  @Field(() => Int, { description: 'Height in pixels.' })
  height: number;

  @Field(() => Int, { description: 'Size of the file in bytes.' })
  byteSize: number;

  @Field({ description: 'SHA-256 of the file, in lower-case hex: tells whether a file on disk is the one stored.' })
  sha256: string;

  @Field({ description: 'When it was uploaded.' })
  uploadedAt: Date;
}
