/**
 * Reading our PDFs back the way a person or an accountant's software would: qpdf checks the
 * structure, pdffonts lists the fonts, pdftotext extracts the text, pdftoppm rasterises a page.
 * The tools come from Debian's qpdf and poppler-utils (.ci/run installs them); a missing tool
 * fails the test with a message instead of skipping it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(tool: string, args: string[], input?: Buffer): { stdout: string; status: number | null; stderr: string } {
  const r = spawnSync(tool, args, { input, maxBuffer: 64 * 1024 * 1024 });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`${tool} is not installed: install qpdf and poppler-utils (apt-get install -y qpdf poppler-utils)`);
  }
  return { stdout: r.stdout?.toString('utf8') ?? '', stderr: r.stderr?.toString('utf8') ?? '', status: r.status };
}

function withFile<T>(bytes: Buffer, fn: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
  const path = join(dir, 'doc.pdf');
  writeFileSync(path, bytes);
  try {
    return fn(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** qpdf --check: returns its output; throws when qpdf finds errors or warnings. */
export function qpdfCheck(bytes: Buffer): string {
  return withFile(bytes, (path) => {
    const r = run('qpdf', ['--check', path]);
    if (r.status !== 0) throw new Error(`qpdf --check failed (${r.status}): ${r.stdout}${r.stderr}`);
    return r.stdout;
  });
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/** The fonts pdffonts lists. */
export function pdfFonts(bytes: Buffer): PdfFont[] {
  return withFile(bytes, (path) => {
    const r = run('pdffonts', [path]);
    if (r.status !== 0) throw new Error(`pdffonts failed: ${r.stderr}`);
    return r.stdout
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((line) => {
        const cols = line.trim().split(/\s+/);
        // name type… encoding emb sub uni object ID: the last five columns are fixed
        const [emb, sub, uni] = cols.slice(-5, -2);
        return { name: cols[0], type: cols.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
      });
  });
}

/**
 * The text of the document (or of one page), as pdftotext extracts it: by layout (the default),
 * in reading order (`layout: false`), or in the order it was drawn (`raw`, which keeps text drawn
 * at an angle together).
 */
export function pdfText(bytes: Buffer, options: { page?: number; layout?: boolean; raw?: boolean } = {}): string {
  return withFile(bytes, (path) => {
    const mode = options.raw ? ['-raw'] : options.layout === false ? [] : ['-layout'];
    const args = [...mode, '-enc', 'UTF-8'];
    if (options.page) args.push('-f', String(options.page), '-l', String(options.page));
    const r = run('pdftotext', [...args, path, '-']);
    if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
    return r.stdout;
  });
}

/** The page texts, split on the form feed pdftotext writes between pages. */
export function pdfPages(bytes: Buffer): string[] {
  const pages = pdfText(bytes).split('\f');
  return pages[pages.length - 1].trim() === '' ? pages.slice(0, -1) : pages;
}

/** Collapses runs of whitespace (and the thin spaces of our number format) for robust matching. */
export function squash(text: string): string {
  return text.replace(/[\s\u2009\u202f\u00a0]+/g, ' ').trim();
}

/** The page count qpdf reports. */
export function pdfPageCount(bytes: Buffer): number {
  return withFile(bytes, (path) => Number(execFileSync('qpdf', ['--show-npages', path]).toString().trim()));
}

/** Page `page` rasterised to PNG at `dpi` (for QR decoding and for looking at pages). */
export function pdfPagePng(bytes: Buffer, page = 1, dpi = 150): Buffer {
  return withFile(bytes, (path, dir) => {
    const r = run('pdftoppm', ['-r', String(dpi), '-png', '-f', String(page), '-l', String(page), '-singlefile', path, join(dir, 'page')]);
    if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
    return readFileSync(join(dir, 'page.png'));
  });
}

/** The size of every page in points, as pdfinfo reports it: [{ width, height }, …]. */
export function pdfPageSizes(bytes: Buffer): Array<{ width: number; height: number }> {
  return withFile(bytes, (path) => {
    const r = run('pdfinfo', ['-f', '1', '-l', '9999', path]);
    if (r.status !== 0) throw new Error(`pdfinfo failed: ${r.stderr}`);
    return [...r.stdout.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  });
}

/** The images placed on each page (soft masks left out), as pdfimages lists them: [{ page, width, height }, …]. */
export function pdfImages(bytes: Buffer): Array<{ page: number; width: number; height: number }> {
  return withFile(bytes, (path) => {
    const r = run('pdfimages', ['-list', path]);
    if (r.status !== 0) throw new Error(`pdfimages failed: ${r.stderr}`);
    return r.stdout
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[2] === 'image')
      .map((cols) => ({ page: Number(cols[0]), width: Number(cols[3]), height: Number(cols[4]) }));
  });
}
