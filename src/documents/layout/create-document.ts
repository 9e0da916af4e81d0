/**
 * The document writer: an A4 pdfkit document with our fonts, margins, metadata and named styles,
 * and a cursor that content flows along. Blocks (tables, key-value lists, parties, totals,
 * signatures) are drawn at the cursor and ask for space first, so nothing is placed at an
 * absolute y and long content breaks across pages.
 *
 * Deterministic: the creation date comes from the caller and pdfkit derives nothing else from the
 * clock or randomness, so the same model and date give the same bytes.
 */
import PDFDocument from 'pdfkit';
import type { Locale } from '../../entities/enums';
import { documentFonts, type FontFace } from './fonts';
import { COLORS, THEME, type StyleName, type TextStyle } from './theme';
import { encodeTrueTypeSubset, type FontkitSubset, type FontkitTrueType } from './ttf-subset';

/** A4 in points (portrait), and the margins of a Russian/Bulgarian business letter (left wider for binding). */
export const PAGE = { width: 595.28, height: 841.89 };
export const MARGINS = { top: 45, bottom: 56, left: 62, right: 40 };

export type PageLayout = 'portrait' | 'landscape';
export type Margins = typeof MARGINS;

export interface DocumentMeta {
  title: string;
  subject?: string;
  author: string;
  keywords?: string;
  locale: Locale;
  /** when the document was made: the one date it carries besides its content (fixed in tests) */
  createdAt: Date;
  /** A4 upright (the default) or on its side, for wide forms such as the счёт-фактура */
  layout?: PageLayout;
  /** margins other than the letter's, e.g. a dense landscape form (the footer needs ≥ 30 at the bottom) */
  margins?: Partial<Margins>;
}

/** What the page chrome prints on every page, drawn once all pages exist ("page N of M"). */
export interface PageChrome {
  /** small text at the top of every page after the first, e.g. "Invoice № 12 of 22.11.2026" */
  runningHeader?: string;
  /** small text at the bottom left of every page, e.g. the agency's name */
  footerLeft?: string;
  /** the "page N of M" text */
  pageLabel: (page: number, pages: number) => string;
}

export interface RenderedDocument {
  bytes: Buffer;
  pageCount: number;
}

export interface TextOptions {
  align?: 'left' | 'right' | 'center' | 'justify';
  /** start this many points right of the left margin */
  indent?: number;
  width?: number;
  /** space after the text, in points */
  gapAfter?: number;
}

/** What we reach into pdfkit's EmbeddedFont for (stable across pdfkit 0.1x). */
interface EmbeddedFontInternals {
  layoutCache?: object;
  font: FontkitTrueType;
  subset: FontkitSubset & { encode: () => Uint8Array };
}

const LAYOUT_CACHE_LIMIT = 20_000;
const layoutCaches = new Map<FontFace, Record<string, unknown>>();
let cachedWords = 0;

/**
 * One word-shaping cache per face for the whole process. A shaped word is the same in every
 * document (same font, same scale); pdfkit only reads it. Bounded: cleared when it grows large.
 */
function sharedLayoutCache(face: FontFace): Record<string, unknown> {
  let cache = layoutCaches.get(face);
  if (!cache || cachedWords > LAYOUT_CACHE_LIMIT) {
    if (cachedWords > LAYOUT_CACHE_LIMIT) {
      layoutCaches.clear();
      cachedWords = 0;
    }
    cache = new Proxy(Object.create(null) as Record<string, unknown>, {
      set(target, key, value) {
        if (!(key in target)) cachedWords++;
        target[key as string] = value;
        return true;
      },
    });
    layoutCaches.set(face, cache);
  }
  return cache;
}

export class DocumentWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly left: number;
  readonly right: number;
  readonly width: number;
  readonly locale: Locale;
  readonly layout: PageLayout;

  constructor(
    meta: DocumentMeta,
    private readonly chrome: PageChrome,
  ) {
    const fonts = documentFonts();
    this.locale = meta.locale;
    this.layout = meta.layout ?? 'portrait';
    const margins: Margins = { ...MARGINS, ...meta.margins };
    const pageWidth = this.layout === 'landscape' ? PAGE.height : PAGE.width;
    this.left = margins.left;
    this.right = pageWidth - margins.right;
    this.width = this.right - this.left;
    this.doc = new PDFDocument({
      size: 'A4',
      // later pages (addPage, pdfkit's own breaks) take the same layout and margins
      layout: this.layout,
      margins,
      bufferPages: true,
      autoFirstPage: true,
      pdfVersion: '1.7',
      lang: meta.locale,
      displayTitle: true,
      // no default font: pdfkit would load Helvetica's metrics for every document; we always
      // pick a style (and so one of our faces) before drawing text
      font: null as unknown as string,
      info: {
        Title: meta.title,
        Subject: meta.subject ?? meta.title,
        Author: meta.author,
        Keywords: meta.keywords ?? '',
        Creator: 'Agency platform',
        Producer: 'Agency platform (pdfkit)',
        CreationDate: meta.createdAt,
        ModDate: meta.createdAt,
      },
    });
    for (const face of Object.keys(fonts) as FontFace[]) {
      this.doc.registerFont(face, fonts[face] as unknown as string);
      // shaping a word with fontkit is the costliest step of a small document; the shaped words
      // are shared by every document of the process (pdfkit keeps them per document)
      this.doc.font(face);
      const embedded = (this.doc as unknown as { _font: EmbeddedFontInternals })._font;
      embedded.layoutCache = sharedLayoutCache(face);
      // fontkit's subset writer re-encodes the hinting tables value by value; ours copies them
      const subset = embedded.subset;
      subset.encode = () => encodeTrueTypeSubset(embedded.font, subset);
    }
  }

  get y(): number {
    return this.doc.y;
  }

  /** The lowest y content may reach on the current page. */
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  get top(): number {
    return this.doc.page.margins.top;
  }

  /** Selects a named style for what is drawn next and returns it. */
  use(style: StyleName): TextStyle {
    const s = THEME[style];
    this.doc.font(s.face).fontSize(s.size).fillColor(s.color);
    return s;
  }

  /** The height `text` takes in `style` at `width`. */
  heightOf(style: StyleName, text: string, width: number, align: TextOptions['align'] = 'left'): number {
    const s = this.use(style);
    return this.doc.heightOfString(text, { width, lineGap: s.lineGap, align });
  }

  widthOf(style: StyleName, text: string): number {
    this.use(style);
    return this.doc.widthOfString(text);
  }

  /** Starts a new page unless `height` points still fit below the cursor. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
  }

  /** Text at the cursor, flowing over pages when long (pdfkit breaks lines and pages). */
  text(style: StyleName, text: string, options: TextOptions = {}): void {
    const s = this.use(style);
    const x = this.left + (options.indent ?? 0);
    const width = options.width ?? this.right - x;
    // keep at least the first line on the current page
    this.ensureSpace(s.size * 1.3 + s.lineGap);
    this.doc.text(text, x, this.doc.y, { width, align: options.align ?? 'left', lineGap: s.lineGap });
    this.doc.x = this.left;
    if (options.gapAfter) this.gap(options.gapAfter);
  }

  /** Text at an explicit box (for blocks that lay out columns); does not move the cursor. */
  textAt(style: StyleName, text: string, x: number, y: number, width: number, align: TextOptions['align'] = 'left'): number {
    const s = this.use(style);
    const saved = this.doc.y;
    this.doc.text(text, x, y, { width, align, lineGap: s.lineGap, lineBreak: true });
    const height = this.doc.y - y;
    this.doc.y = saved;
    this.doc.x = this.left;
    return height;
  }

  /** Moves the cursor down; at the bottom of a page the next content starts on a new one. */
  gap(points: number): void {
    this.doc.y = Math.min(this.doc.y + points, this.bottom);
  }

  /** A thin horizontal rule across the content width. */
  rule(gapBefore = 2, gapAfter = 6): void {
    this.gap(gapBefore);
    this.ensureSpace(1);
    this.doc.save().moveTo(this.left, this.doc.y).lineTo(this.right, this.doc.y).lineWidth(0.5).strokeColor(COLORS.rule).stroke().restore();
    this.gap(gapAfter);
  }

  /** Draws the chrome on every page (now that the page count is known) and returns the bytes. */
  finish(): Promise<RenderedDocument> {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    const pages = range.count;
    for (let i = 0; i < pages; i++) {
      doc.switchToPage(range.start + i);
      drawChrome(this, this.chrome, i + 1, pages);
    }
    const chunks: Buffer[] = [];
    return new Promise<RenderedDocument>((resolve, reject) => {
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve({ bytes: Buffer.concat(chunks), pageCount: pages }));
      doc.on('error', reject);
      doc.end();
    });
  }
}

function drawChrome(w: DocumentWriter, chrome: PageChrome, page: number, pages: number): void {
  const { doc } = w;
  const margins = doc.page.margins;
  // drawing inside the margins must not trigger pdfkit's automatic page break
  const savedBottom = margins.bottom;
  margins.bottom = 0;
  const footerY = doc.page.height - savedBottom + 18;
  w.use('chrome');
  doc.save().moveTo(w.left, footerY - 5).lineTo(w.right, footerY - 5).lineWidth(0.4).strokeColor(COLORS.rule).stroke().restore();
  w.use('chrome');
  if (chrome.footerLeft) doc.text(chrome.footerLeft, w.left, footerY, { width: w.width * 0.7, lineBreak: false, ellipsis: true });
  doc.text(chrome.pageLabel(page, pages), w.left + w.width * 0.7, footerY, { width: w.width * 0.3, align: 'right', lineBreak: false });
  if (page > 1 && chrome.runningHeader) {
    doc.text(chrome.runningHeader, w.left, margins.top - 22, { width: w.width, align: 'right', lineBreak: false, ellipsis: true });
  }
  margins.bottom = savedBottom;
}
