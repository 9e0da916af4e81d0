import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DocumentKind } from '../../documents/kinds';
import { Locale } from '../../entities/enums';

@InputType({ description: 'Which document to generate, from which record, in which language.' })
export class GenerateDocumentInput {
  @Field(() => DocumentKind, { description: 'The kind of document.' })
  @IsEnum(DocumentKind)
  kind: DocumentKind;

  @Field(() => ID, { description: 'The record it is made from: the meeting of a MEETING_PROTOCOL, the invoice of an INVOICE …' })
  @IsUUID('all', { message: 'sourceId must be a valid id' })
  sourceId: string;

  @Field(() => Locale, { nullable: true, description: "The document's language; the agency's language by default." })
  @IsOptional()
  @IsEnum(Locale)
  locale?: Locale | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: always render and store a new version. Otherwise the latest version is returned as it is when the document is immutable, or when nothing it shows has changed.',
  })
  @IsOptional()
  @IsBoolean()
  newVersion?: boolean | null;
}

/** The most documents one batch makes (a month of invoices or acts of a large agency). */
export const DOCUMENT_BATCH_MAX = 500;

@InputType({ description: 'Which documents to generate in one background job: one kind, from several records, in one language.' })
export class GenerateDocumentsInput {
  @Field(() => DocumentKind, { description: 'The kind of every document of the batch.' })
  @IsEnum(DocumentKind)
  kind: DocumentKind;

  @Field(() => [ID], { description: `The records to make them from (the invoices of INVOICE, the acts of ACT …): 1–${DOCUMENT_BATCH_MAX}, each once.` })
  @ArrayMinSize(1, { message: `sourceIds must hold from 1 to ${DOCUMENT_BATCH_MAX} ids` })
  @ArrayMaxSize(DOCUMENT_BATCH_MAX, { message: `sourceIds must hold from 1 to ${DOCUMENT_BATCH_MAX} ids` })
  // ids differing only in letter case name the same record
  @ArrayUnique((id: unknown) => String(id).toLowerCase(), { message: 'sourceIds must not repeat an id' })
  @IsUUID('all', { each: true, message: 'sourceIds must be valid ids' })
  sourceIds: string[];

  @Field(() => Locale, { nullable: true, description: "The documents' language; the agency's language (when the batch is asked for) by default." })
  @IsOptional()
  @IsEnum(Locale)
  locale?: Locale | null;
}

@InputType({ description: 'Which generated documents to list.' })
export class DocumentFilter {
  @Field(() => DocumentKind, { nullable: true, description: 'Only of this kind.' })
  @IsOptional()
  @IsEnum(DocumentKind)
  kind?: DocumentKind | null;

  @Field(() => ID, { nullable: true, description: 'Only made from this record (every version, every language).' })
  @IsOptional()
  @IsUUID('all', { message: 'sourceId must be a valid id' })
  sourceId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only addressed to this client.' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a valid id' })
  clientId?: string | null;
}
