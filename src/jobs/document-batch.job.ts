import { GENERATE_DOCUMENTS_JOB, runDocumentBatch, type DocumentBatchResult, type GenerateDocumentsPayload } from '../services/document.service';
import { registerJob } from './registry';

/**
 * Makes a batch of documents one by one (generateDocuments). A run cut short is retried by the
 * queue from the first document: what it already stored is found and reused, not stored again.
 * Up to 500 renderings may take minutes on a busy pool, hence the longer limit of one run.
 */
export const generateDocumentsJob = registerJob<GenerateDocumentsPayload, DocumentBatchResult>({
  kind: GENERATE_DOCUMENTS_JOB,
  retryLimit: 2,
  expireInSeconds: 30 * 60,
  run: ({ ctx, payload, progress }) => runDocumentBatch(ctx, payload, (percent, message) => progress(percent, message)),
});
