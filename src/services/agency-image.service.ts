import { createHash } from 'node:crypto';
import type { AuthedContext, RequestContext } from '../context';
import { AgencyImage } from '../entities';
import { AgencyImageKind } from '../entities/enums';
import type { UploadAgencyImageInput } from '../schema/agency-image/agency-image.inputs';
import { ImageTooLargeError } from '../schema/agency-image/agency-image.results';
import { base64ByteLength, checkImage, IMAGE_MAX_BYTES, type ImageRefusal } from './agency-image.rules';
import { agencyKeyed, withTransaction } from './scope';

/** The agency's images (without their bytes), logo first. */
export function listAgencyImages(ctx: AuthedContext): Promise<AgencyImage[]> {
  return agencyKeyed(ctx, AgencyImage).findAll({ kind: 'ASC' });
}

/** Checks the file and makes it the agency's image of its kind (replacing the previous one), or says why not. */
export async function uploadAgencyImage(ctx: AuthedContext, input: UploadAgencyImageInput): Promise<AgencyImage | ImageRefusal> {
  // the size is known from the text: an oversized file is refused before it is decoded
  const size = base64ByteLength(input.contentBase64);
  if (size > IMAGE_MAX_BYTES) return new ImageTooLargeError(size, IMAGE_MAX_BYTES);
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const checked = await checkImage(bytes);
  if (!('mimeType' in checked)) return checked;
  return withTransaction(ctx, async (tx) => {
    const images = agencyKeyed(tx, AgencyImage);
    await images.upsert(
      {
        kind: input.kind,
        mimeType: checked.mimeType,
        bytes,
        width: checked.width,
        height: checked.height,
        byteSize: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        uploadedAt: new Date(),
        uploadedById: tx.actor.userId,
      },
      ['kind'],
    );
    return (await images.findOne({ kind: input.kind }))!;
  });
}

/** Removes the agency's image of that kind; false when there was none. */
export async function removeAgencyImage(ctx: AuthedContext, kind: AgencyImageKind): Promise<boolean> {
  return withTransaction(ctx, async (tx) => {
    const images = agencyKeyed(tx, AgencyImage);
    if (!(await images.findOne({ kind }, { lock: true }))) return false;
    await images.delete({ kind });
    return true;
  });
}

/**
 * The files the document builders place: the actor's agency's logo, stamp and signature (a kind
 * the agency has not uploaded is absent). Any actor of the agency, a portal user included: a
 * document its client opens carries the agency's images.
 */
export async function imagesForDocuments(ctx: RequestContext): Promise<{ logo?: Buffer; stamp?: Buffer; signature?: Buffer }> {
  const rows = await agencyKeyed(ctx, AgencyImage).findAll({ kind: 'ASC' }, { select: ['kind', 'bytes'] });
  const files: { logo?: Buffer; stamp?: Buffer; signature?: Buffer } = {};
  for (const row of rows) {
    if (row.kind === AgencyImageKind.LOGO) files.logo = row.bytes;
    else if (row.kind === AgencyImageKind.STAMP) files.stamp = row.bytes;
    else files.signature = row.bytes;
  }
  return files;
}
