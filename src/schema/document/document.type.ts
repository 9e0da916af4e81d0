import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DocumentKind } from '../../documents/kinds';
import { Locale } from '../../entities/enums';
import { Connection } from '../common/connection';
import { PortalVisible } from '../common/visibility';

@ObjectType('GeneratedDocument', {
  description:
    'A generated PDF and its record: made from a source record (a meeting, an invoice …) in one language, versioned 1, 2 … per kind, source and language. Download it from `downloadPath` with a bearer token, or open `documentUrl`, a short-lived signed link.',
})
export class GeneratedDocumentType {
  @PortalVisible()
  @Field(() => ID, { description: 'Id.' })
  id: string;

  @PortalVisible()
  @Field(() => DocumentKind, { description: 'The kind of document.' })
  kind: DocumentKind;

  @PortalVisible()
  @Field(() => ID, { description: 'The record it was made from.' })
  sourceId: string;

  @PortalVisible()
  @Field(() => ID, { description: 'The client it is addressed to.' })
  clientId: string;

  @PortalVisible()
  @Field(() => Int, { description: 'Version for this kind, source and language: 1, 2 … without gaps.' })
  version: number;

  @PortalVisible()
  @Field(() => Locale, { description: 'The language it is written in.' })
  locale: Locale;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: "The document's own number when it has one (invoice №, act №)." })
  number: string | null;

  @PortalVisible()
  @Field({ description: 'File name in the document\'s language, with the extension, e.g. "Протокол встречи от 22.11.2026.pdf".' })
  fileName: string;

  @PortalVisible()
  @Field(() => Int, { description: 'Size of the PDF in bytes.' })
  byteSize: number;

  @PortalVisible()
  @Field(() => Int, { description: 'Number of pages.' })
  pageCount: number;

  @PortalVisible()
  @Field({ description: 'SHA-256 of the PDF bytes, hex (also the ETag of the download).' })
  sha256: string;

  @PortalVisible()
  @Field({ description: 'A legal record (an issued invoice, act …): generating it again returns this version unless a new one is asked for.' })
  immutable: boolean;

  @PortalVisible()
  @Field({ description: 'When it was generated (also the creation date inside the PDF).' })
  createdAt: Date;
}

@ObjectType('GeneratedDocumentConnection', { description: 'A page of generated documents, newest first.' })
export class GeneratedDocumentConnection extends Connection(GeneratedDocumentType, 'GeneratedDocument') {}
