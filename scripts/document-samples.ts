/**
 * `npm run documents:samples [dir]`: renders a sample of every document kind in ru, bg and en
 * (and the long variants the benchmark uses) into ./samples (not committed), to look at.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderDocument } from '../src/documents/render';
import { SAMPLES, SAMPLE_CREATED_AT, type SampleLocale } from '../test/support/document-samples';
import type { DocumentKind } from '../src/documents/kinds';

async function main(): Promise<void> {
  const dir = resolve(process.argv[2] ?? 'samples');
  mkdirSync(dir, { recursive: true });
  for (const [kind, build] of Object.entries(SAMPLES) as Array<[DocumentKind, NonNullable<(typeof SAMPLES)[DocumentKind]>]>) {
    for (const locale of ['ru', 'bg', 'en'] as SampleLocale[]) {
      for (const size of ['short', 'long'] as const) {
        const { bytes, pageCount } = await renderDocument(kind, build(locale, size), { locale, createdAt: SAMPLE_CREATED_AT });
        const file = join(dir, `${kind.toLowerCase().replace(/_/g, '-')}.${locale}${size === 'long' ? '.long' : ''}.pdf`);
        writeFileSync(file, bytes);
        console.log(`${file}  ${pageCount} page(s), ${(bytes.length / 1024).toFixed(0)} KB`);
      }
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
