import { IsBoolean, IsEnum, IsOptional, IsUUID } from 'class-validator';
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
