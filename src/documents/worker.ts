/**
 * The render pool's worker: one per thread. Fonts are parsed on the first document a thread
 * renders and reused by every later one.
 */
import { renderDocument } from './render';
import type { RenderKind, RenderOptions } from './kinds';

export interface RenderTask {
  kind: RenderKind;
  model: unknown;
  options: RenderOptions;
}

export interface RenderTaskResult {
  bytes: Uint8Array;
  pageCount: number;
}

export default async function render(task: RenderTask): Promise<RenderTaskResult> {
  const out = await renderDocument(task.kind, task.model, task.options);
  return { bytes: out.bytes, pageCount: out.pageCount };
}
