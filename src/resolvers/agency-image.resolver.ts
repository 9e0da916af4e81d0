import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext } from '../context';
import { AgencyImageKind, UserRole } from '../entities/enums';
import { UploadAgencyImageInput } from '../schema/agency-image/agency-image.inputs';
import { UploadAgencyImageResult } from '../schema/agency-image/agency-image.results';
import { AgencyImageType } from '../schema/agency-image/agency-image.type';
import * as images from '../services/agency-image.service';

/** The logo, stamp and signature on the agency's documents: read by its staff, changed by the owner. */
@Resolver(() => AgencyImageType)
export class AgencyImageResolver {
  @Authorized(STAFF)
  @Query(() => [AgencyImageType], { description: "The agency's document images (logo, stamp, signature) that are uploaded, logo first; the files themselves are not returned." })
  agencyImages(@Ctx() ctx: AuthedContext) {
    return images.listAgencyImages(ctx);
  }

  @Authorized(UserRole.OWNER)
  @Mutation(() => UploadAgencyImageResult, {
    description:
      'Uploads the logo, stamp or signature printed on the agency\'s documents, replacing the current one of that kind. PNG or JPEG, at most 512 KB, 16 to 4000 pixels a side, checked to be whole and printable. Owner only.',
  })
  uploadAgencyImage(@Ctx() ctx: AuthedContext, @Arg('input', () => UploadAgencyImageInput, { description: 'The operation input.' }) input: UploadAgencyImageInput) {
    return images.uploadAgencyImage(ctx, input);
  }

  @Authorized(UserRole.OWNER)
  @Mutation(() => Boolean, { description: 'Removes the agency\'s image of that kind from its documents: true when one was removed, false when there was none. Owner only.' })
  removeAgencyImage(@Ctx() ctx: AuthedContext, @Arg('kind', () => AgencyImageKind, { description: 'Which image to remove.' }) kind: AgencyImageKind) {
    return images.removeAgencyImage(ctx, kind);
  }
}
