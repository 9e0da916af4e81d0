import { Field, Int, ObjectType } from 'type-graphql';
import { ErrorResult } from '../common/error-result';
import { resultUnion } from '../common/result-union';
import { AgencyImageType } from './agency-image.type';

@ObjectType('ImageTooLargeError', { implements: ErrorResult, description: 'The file is larger than the limit. Nothing was stored.' })
export class ImageTooLargeError extends ErrorResult {
  @Field(() => Int, { description: 'Size of the file sent, in bytes.' })
  byteSize: number;

  @Field(() => Int, { description: 'The largest file accepted, in bytes (512 KB).' })
  limitBytes: number;

  constructor(byteSize: number, limitBytes: number) {
    super('IMAGE_TOO_LARGE', `The image is ${byteSize} bytes; at most ${limitBytes} bytes are accepted`);
    this.byteSize = byteSize;
    this.limitBytes = limitBytes;
  }
}

@ObjectType('ImageUnsupportedFormatError', {
  implements: ErrorResult,
  description: 'The file is not a PNG or JPEG image (judged by its content, not its name). Nothing was stored.',
})
export class ImageUnsupportedFormatError extends ErrorResult {
  @Field(() => String, { nullable: true, description: 'What the file looks like, when recognised (e.g. image/gif, image/webp, application/pdf); null otherwise.' })
  detectedType: string | null;

  constructor(detectedType: string | null) {
    super('IMAGE_UNSUPPORTED_FORMAT', 'Only PNG and JPEG images are accepted');
    this.detectedType = detectedType;
  }
}

@ObjectType('ImageInvalidError', {
  implements: ErrorResult,
  description: 'The file starts like a PNG or JPEG but is damaged, truncated or of a kind documents cannot print (e.g. a 12-bit JPEG). Nothing was stored.',
})
export class ImageInvalidError extends ErrorResult {
  constructor() {
    super('IMAGE_INVALID', 'The image is damaged or cannot be printed; save it again as PNG or JPEG');
  }
}

@ObjectType('ImageDimensionsError', { implements: ErrorResult, description: 'The image is too small or too large in pixels. Nothing was stored.' })
export class ImageDimensionsError extends ErrorResult {
  @Field(() => Int, { description: 'Width of the image sent, in pixels.' })
  width: number;

  @Field(() => Int, { description: 'Height of the image sent, in pixels.' })
  height: number;

  @Field(() => Int, { description: 'The smallest side accepted, in pixels.' })
  minSide: number;

  @Field(() => Int, { description: 'The largest side accepted, in pixels.' })
  maxSide: number;

  constructor(width: number, height: number, minSide: number, maxSide: number) {
    super('IMAGE_DIMENSIONS', `The image is ${width}×${height} pixels; each side must be ${minSide} to ${maxSide}`);
    this.width = width;
    this.height = height;
    this.minSide = minSide;
    this.maxSide = maxSide;
  }
}

export const UploadAgencyImageResult = resultUnion('UploadAgencyImageResult', 'The stored image, or why the file was refused.', AgencyImageType, [
  ImageTooLargeError,
  ImageUnsupportedFormatError,
  ImageInvalidError,
  ImageDimensionsError,
]);
