import { IsBase64, IsEnum, IsNotEmpty } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { AgencyImageKind } from '../../entities/enums';

const BASE64 = 'contentBase64 must be the file in standard base64 (RFC 4648, with = padding; no data: prefix, no line breaks)';

@InputType({ description: 'An image for the agency\'s documents: replaces the current image of its kind.' })
export class UploadAgencyImageInput {
  @Field(() => AgencyImageKind, { description: 'Which image it is.' })
  @IsEnum(AgencyImageKind)
  kind: AgencyImageKind;

  @Field({
    description:
      'The PNG or JPEG file in standard base64 (RFC 4648, with = padding), without a data: prefix. At most 512 KB of file (about 700 KB of base64); 16 to 4000 pixels a side. The format is read from the file itself.',
  })
  @IsNotEmpty({ message: BASE64 })
  @IsBase64(undefined, { message: BASE64 })
  contentBase64: string;
}
