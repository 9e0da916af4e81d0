import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext } from '../context';
import type { GeneratedDocument } from '../entities';
import { PortalHidden, PortalVisible } from '../schema/common/visibility';
import { DocumentsArgs } from '../schema/document/document.args';
import { GenerateDocumentInput, GenerateDocumentsInput } from '../schema/document/document.inputs';
import { GenerateDocumentResult } from '../schema/document/document.results';
import { GeneratedDocumentConnection, GeneratedDocumentType } from '../schema/document/document.type';
import { JobType } from '../schema/job/job.type';
import { UserType } from '../schema/user/user.type';
import * as documentReads from '../services/document.reads';
import { downloadPath } from '../services/document.rules';
import * as documents from '../services/document.service';

@Resolver(() => GeneratedDocumentType)
export class DocumentResolver {
  @Authorized()
  @PortalVisible()
  @Query(() => GeneratedDocumentType, {
    nullable: true,
    description: 'A generated document by id; null when missing or not yours (portal users see the documents of their client).',
  })
  document(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'Id of the record.' }) id: string) {
    return documentReads.getDocument(ctx, id);
  }

  @Authorized()
  @PortalVisible()
  @Query(() => GeneratedDocumentConnection, { description: 'Generated documents, newest first (portal users: those of their client).' })
  documents(@Ctx() ctx: AuthedContext, @Args(() => DocumentsArgs) args: DocumentsArgs) {
    return documentReads.listDocuments(ctx, args);
  }

  @Authorized(STAFF)
  @Mutation(() => GenerateDocumentResult, {
    description:
      "Generates a PDF from a record (a meeting's protocol, an invoice …) in the agency's language or the one given, and stores it as the next version. " +
      'Returns the latest version instead when the document is immutable (an issued invoice is served as first made) or nothing it shows has changed, unless newVersion is true. ' +
      'NOT_FOUND (field input.sourceId) when the record is not the agency\'s; DocumentNotAvailableError when this document cannot be made from it.',
  })
  generateDocument(@Ctx() ctx: AuthedContext, @Arg('input', () => GenerateDocumentInput, { description: 'The operation input.' }) input: GenerateDocumentInput) {
    return documents.generateDocument(ctx, input);
  }

  @Authorized(STAFF)
  @Mutation(() => JobType, {
    description:
      'Generates documents of one kind from up to 500 records (e.g. every invoice or act of a month) as a background job, each exactly as generateDocument would, and returns the job at once: follow it with job(id). ' +
      'Its result lists { generated: [{ sourceId, documentId }], failed: [{ sourceId, code, message, reason }] }: a record that is missing or not the agency\'s fails with NOT_FOUND, one this document cannot be made from with DOCUMENT_NOT_AVAILABLE and its reason (as DocumentNotAvailableError.reason); the others are still made. ' +
      'An unchanged document already made is reused, not stored again.',
  })
  generateDocuments(@Ctx() ctx: AuthedContext, @Arg('input', () => GenerateDocumentsInput, { description: 'The operation input.' }) input: GenerateDocumentsInput) {
    return documents.generateDocuments(ctx, input);
  }

  @PortalVisible()
  @FieldResolver(() => String, { description: 'Where to download the PDF with a bearer token: "/documents/<id>.pdf" (add ?download=1 to save it as a file).' })
  downloadPath(@Root() doc: GeneratedDocument) {
    return downloadPath(doc.id);
  }

  @PortalVisible()
  @FieldResolver(() => String, {
    description:
      'A short-lived signed link to the PDF, "/documents/<id>.pdf?token=…": opens it without a bearer token (a browser tab, an <a href>), as the user who asked for it; valid 5 minutes by default. Ask again for a fresh one.',
  })
  documentUrl(@Root() doc: GeneratedDocument, @Ctx() ctx: AuthedContext) {
    return documents.signedDocumentUrl(ctx, doc);
  }

  @PortalHidden()
  @FieldResolver(() => UserType, { nullable: true, description: 'Who generated it.' })
  createdBy(@Root() doc: GeneratedDocument, @Ctx() ctx: AuthedContext) {
    return doc.createdById ? ctx.loaders.userById.load(doc.createdById) : null;
  }
}
