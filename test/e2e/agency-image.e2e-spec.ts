/**
 * The agency's document images: uploadAgencyImage / removeAgencyImage (owner only) and
 * agencyImages (agency staff), and what the document builders get (imagesForDocuments). Valid
 * PNG and JPEG files are stored and read back byte for byte; every refusal is its own result and
 * leaves the stored images as they were; other agencies, managers and portal users cannot change
 * them, and only the agency's staff can list them.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../../src/context';
import { UserRole } from '../../src/entities/enums';
import { imagesForDocuments } from '../../src/services/agency-image.service';
import { startTestApp, TestApp } from '../support/app';
import { contextFor } from '../support/context';
import { expectBadInput, expectCode, expectOk } from '../support/expect';
import { createClient, createUser, registerAgency, type AgencyActors } from '../support/factories';
import { padPngTo, pngjsImage, rawPng, TINY_JPEG } from '../support/images';

const IMAGE_FIELDS = 'kind mimeType width height byteSize sha256 uploadedAt';
const UPLOAD = /* GraphQL */ `
  mutation Upload($input: UploadAgencyImageInput!) {
    uploadAgencyImage(input: $input) {
      __typename
      ... on AgencyImage { ${IMAGE_FIELDS} }
      ... on ErrorResult { code message }
      ... on ImageTooLargeError { byteSize limitBytes }
      ... on ImageUnsupportedFormatError { detectedType }
      ... on ImageDimensionsError { width height minSide maxSide }
    }
  }
`;
const IMAGES = /* GraphQL */ `query Images { agencyImages { ${IMAGE_FIELDS} } }`;
const REMOVE = /* GraphQL */ `mutation Remove($kind: AgencyImageKind!) { removeAgencyImage(kind: $kind) }`;

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

function upload(token: string, kind: string, file: Buffer | string) {
  return t.gql(UPLOAD, { input: { kind, contentBase64: typeof file === 'string' ? file : file.toString('base64') } }, token);
}

async function uploaded(token: string, kind: string, file: Buffer): Promise<any> {
  const res = await upload(token, kind, file);
  const image = expectOk(res).uploadAgencyImage;
  expect(image.__typename).toBe('AgencyImage');
  return image;
}

async function listed(token: string): Promise<any[]> {
  return expectOk(await t.gql(IMAGES, {}, token)).agencyImages;
}

function ownerActor(a: AgencyActors): Actor {
  return { userId: a.ownerId, agencyId: a.agencyId, role: UserRole.OWNER, clientId: null };
}

/** What a document of the agency would carry, as base64 for readable comparisons. */
async function documentFiles(actor: Actor): Promise<Record<string, string>> {
  const files = await imagesForDocuments(contextFor(t.ds, actor));
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v!.toString('base64')]));
}

describe('uploadAgencyImage', () => {
  it('stores a PNG and a JPEG, lists them for the staff without the file, and gives the documents the same bytes', async () => {
    const a = await registerAgency(t);
    const logo = pngjsImage(120, 40);
    const saved = await uploaded(a.ownerToken, 'LOGO', logo);
    expect(saved).toEqual({
      __typename: 'AgencyImage',
      kind: 'LOGO',
      mimeType: 'image/png',
      width: 120,
      height: 40,
      byteSize: logo.length,
      sha256: sha256(logo),
      uploadedAt: expect.any(String),
    });
    const stamp = await uploaded(a.ownerToken, 'STAMP', TINY_JPEG);
    expect(stamp).toMatchObject({ kind: 'STAMP', mimeType: 'image/jpeg', width: 24, height: 16, byteSize: TINY_JPEG.length, sha256: sha256(TINY_JPEG) });

    const manager = await createUser(t, a.ownerToken, 'MANAGER');
    const expected = [
      { kind: 'LOGO', mimeType: 'image/png', width: 120, height: 40, byteSize: logo.length, sha256: sha256(logo), uploadedAt: saved.uploadedAt },
      { kind: 'STAMP', mimeType: 'image/jpeg', width: 24, height: 16, byteSize: TINY_JPEG.length, sha256: sha256(TINY_JPEG), uploadedAt: stamp.uploadedAt },
    ];
    expect(await listed(a.ownerToken)).toEqual(expected);
    expect(await listed(manager.token)).toEqual(expected);

    expect(await documentFiles(ownerActor(a))).toEqual({ logo: logo.toString('base64'), stamp: TINY_JPEG.toString('base64') });
  });

  it('replaces the image of the same kind, leaving the others', async () => {
    const a = await registerAgency(t);
    await uploaded(a.ownerToken, 'LOGO', rawPng(16, 16));
    await uploaded(a.ownerToken, 'SIGNATURE', TINY_JPEG);
    const second = rawPng(200, 80, { colorType: 4 });
    await uploaded(a.ownerToken, 'LOGO', second);
    expect((await listed(a.ownerToken)).map((i) => [i.kind, i.sha256, i.width])).toEqual([
      ['LOGO', sha256(second), 200],
      ['SIGNATURE', sha256(TINY_JPEG), 24],
    ]);
    expect(await documentFiles(ownerActor(a))).toEqual({ logo: second.toString('base64'), signature: TINY_JPEG.toString('base64') });
  });

  it('accepts a file of exactly 512 KB — about 700 KB of base64, within the request body limit — and refuses one byte more', async () => {
    const a = await registerAgency(t);
    const limit = padPngTo(rawPng(300, 200), 512 * 1024);
    expect(limit.toString('base64').length).toBe(699_052);
    expect(await uploaded(a.ownerToken, 'LOGO', limit)).toMatchObject({ byteSize: 524_288, width: 300, height: 200 });

    const over = padPngTo(rawPng(300, 200), 512 * 1024 + 1);
    const refused = expectOk(await upload(a.ownerToken, 'LOGO', over)).uploadAgencyImage;
    expect(refused).toEqual({
      __typename: 'ImageTooLargeError',
      code: 'IMAGE_TOO_LARGE',
      message: expect.stringMatching(/^Размер изображения 524\s289 байт; допускается не более 524\s288 байт$/),
      byteSize: 524_289,
      limitBytes: 524_288,
    });
    expect((await listed(a.ownerToken)).map((i) => i.sha256)).toEqual([sha256(limit)]);
  });

  describe('refuses a bad file with its own result and changes nothing', () => {
    let a: AgencyActors;
    const logo = rawPng(64, 64);
    let before: any[];

    beforeAll(async () => {
      a = await registerAgency(t, { locale: 'EN' });
      await uploaded(a.ownerToken, 'LOGO', logo);
      before = await listed(a.ownerToken);
    });

    afterEach(async () => {
      expect(await listed(a.ownerToken)).toEqual(before);
      expect(await documentFiles(ownerActor(a))).toEqual({ logo: logo.toString('base64') });
    });

    const png = rawPng(40, 40);
    it.each([
      ['a GIF', Buffer.from('GIF89a\x10\x00\x10\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00,\x00\x00\x00\x00\x10\x00\x10\x00\x00\x02\x02D\x01\x00;', 'latin1'), {
        __typename: 'ImageUnsupportedFormatError',
        code: 'IMAGE_UNSUPPORTED_FORMAT',
        message: 'Only PNG and JPEG images are accepted; this file is image/gif',
        detectedType: 'image/gif',
      }],
      ['a text file', Buffer.from('Логотип будет позже'), {
        __typename: 'ImageUnsupportedFormatError',
        code: 'IMAGE_UNSUPPORTED_FORMAT',
        message: 'Only PNG and JPEG images are accepted',
        detectedType: null,
      }],
      ['a PNG of 15 pixels', rawPng(15, 40), {
        __typename: 'ImageDimensionsError',
        code: 'IMAGE_DIMENSIONS',
        message: 'The image is 15×40 pixels; each side must be 16 to 4000 pixels',
        width: 15,
        height: 40,
        minSide: 16,
        maxSide: 4000,
      }],
      ['a PNG of 4001 pixels', rawPng(4001, 16, { colorType: 0, bitDepth: 1 }), expect.objectContaining({ code: 'IMAGE_DIMENSIONS', width: 4001, height: 16 })],
      ['a PNG cut short', png.subarray(0, png.length - 30), {
        __typename: 'ImageInvalidError',
        code: 'IMAGE_INVALID',
        message: 'The image is damaged or cannot be printed; save it again as PNG or JPEG',
      }],
      ['a JPEG cut short', TINY_JPEG.subarray(0, 150), expect.objectContaining({ code: 'IMAGE_INVALID' })],
    ])('%s', async (_what, file, expected) => {
      expect(expectOk(await upload(a.ownerToken, 'LOGO', file)).uploadAgencyImage).toEqual(expected);
    });

    it.each([
      ['not base64', 'это не base64'],
      ['without padding', TINY_JPEG.toString('base64').replace(/=+$/, '').slice(0, -1)],
      ['with line breaks', TINY_JPEG.toString('base64').replace(/(.{76})/g, '$1\n')],
      ['as a data: URL', `data:image/jpeg;base64,${TINY_JPEG.toString('base64')}`],
      ['URL-safe base64', TINY_JPEG.toString('base64url')],
      ['empty', ''],
    ])('BAD_USER_INPUT on input.contentBase64 for text %s', async (_what, text) => {
      expectBadInput(await upload(a.ownerToken, 'LOGO', text), 'input.contentBase64');
    });
  });
});

describe('removeAgencyImage', () => {
  it('removes the image of one kind (true), then has nothing to remove (false)', async () => {
    const a = await registerAgency(t);
    await uploaded(a.ownerToken, 'LOGO', rawPng(16, 16));
    await uploaded(a.ownerToken, 'STAMP', TINY_JPEG);
    expect(expectOk(await t.gql(REMOVE, { kind: 'LOGO' }, a.ownerToken)).removeAgencyImage).toBe(true);
    expect((await listed(a.ownerToken)).map((i) => i.kind)).toEqual(['STAMP']);
    expect(expectOk(await t.gql(REMOVE, { kind: 'LOGO' }, a.ownerToken)).removeAgencyImage).toBe(false);
    expect(await documentFiles(ownerActor(a))).toEqual({ stamp: TINY_JPEG.toString('base64') });
  });
});

describe('who may', () => {
  it('lets a manager read but not upload or remove, and refuses a portal user and an anonymous caller', async () => {
    const a = await registerAgency(t);
    const logo = rawPng(32, 32);
    await uploaded(a.ownerToken, 'LOGO', logo);
    const before = await listed(a.ownerToken);
    const manager = await createUser(t, a.ownerToken, 'MANAGER');
    const client = await createClient(t, a.ownerToken);
    const portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);

    expect(expectCode(await upload(manager.token, 'LOGO', TINY_JPEG), 'FORBIDDEN').requiredRoles).toEqual(['OWNER']);
    expect(expectCode(await t.gql(REMOVE, { kind: 'LOGO' }, manager.token), 'FORBIDDEN').requiredRoles).toEqual(['OWNER']);
    expectCode(await upload(portal.token, 'LOGO', TINY_JPEG), 'FORBIDDEN');
    expectCode(await t.gql(REMOVE, { kind: 'LOGO' }, portal.token), 'FORBIDDEN');
    expectCode(await t.gql(IMAGES, {}, portal.token), 'FORBIDDEN');
    expectCode(await t.gql(IMAGES, {}), 'UNAUTHENTICATED');
    expectCode(await upload('', 'LOGO', TINY_JPEG), 'UNAUTHENTICATED');

    expect(await listed(a.ownerToken)).toEqual(before);
    // a document the client opens still carries the agency's logo
    const portalActor: Actor = { userId: portal.id, agencyId: a.agencyId, role: UserRole.CLIENT, clientId: client.id };
    expect(await documentFiles(portalActor)).toEqual({ logo: logo.toString('base64') });
  });

  it("keeps each agency's images its own: another agency neither sees nor changes them", async () => {
    const a = await registerAgency(t);
    const b = await registerAgency(t);
    const logo = rawPng(48, 48);
    await uploaded(a.ownerToken, 'LOGO', logo);

    expect(await listed(b.ownerToken)).toEqual([]);
    expect(await documentFiles(ownerActor(b))).toEqual({});
    expect(expectOk(await t.gql(REMOVE, { kind: 'LOGO' }, b.ownerToken)).removeAgencyImage).toBe(false);
    const theirs = await uploaded(b.ownerToken, 'LOGO', TINY_JPEG);

    expect((await listed(a.ownerToken)).map((i) => i.sha256)).toEqual([sha256(logo)]);
    expect(await documentFiles(ownerActor(a))).toEqual({ logo: logo.toString('base64') });
    expect((await listed(b.ownerToken)).map((i) => i.sha256)).toEqual([theirs.sha256]);
  });
});
