/**
 * A table that flows with the cursor: each row asks for its height first; a row that does not fit
 * starts a new page, where the header is drawn again. Column widths are fractions of the content
 * width; numbers are right-aligned by their column.
 *
 * Forms (the счёт-фактура) also need a two-level header (a group label over some columns, the
 * other headers spanning both levels), a row of column numbers under the header, and cells that
 * span several columns ("Всего к оплате"); all three are optional.
 */
import type { DocumentWriter } from './create-document';
import { COLORS, type StyleName } from './theme';

export interface TableColumn {
  header: string;
  /** share of the content width (normalised over all columns) */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface TableRow {
  cells: string[];
  bold?: boolean;
  /** a row spanning all columns (a group heading inside the table) */
  span?: boolean;
  /** never starts a page: travels with the row before it (a subtotal under its group) */
  keepWithPrevious?: boolean;
  /** how many columns each cell covers (one entry per cell, summing to the column count) */
  spans?: number[];
  /** alignment per cell when it differs from its column's (e.g. a label spanning number columns) */
  aligns?: Array<TableColumn['align'] | undefined>;
}

/** A label over `span` consecutive columns starting at column `from` (0-based). */
export interface HeaderGroup {
  from: number;
  span: number;
  label: string;
}

export interface TableOptions {
  /** rows drawn after the body with the same columns (e.g. "Total") and kept with the last row */
  footer?: TableRow[];
  /**
   * points of what follows the table (totals, the amount in words) that should stay on the page
   * of its last row, so that block never starts a page without a line of the table above it
   */
  keepWithLast?: number;
  headerStyle?: StyleName;
  cellStyle?: StyleName;
  /** the style of rows marked bold (default tableCellBold) */
  boldStyle?: StyleName;
  /** labels over groups of columns; the headers of the other columns span both header levels */
  headerGroups?: HeaderGroup[];
  /** a row of column numbers ("1", "1а", …) under the header, repeated with it on every page */
  columnNumbers?: string[];
}

const PAD_X = 3.5;
const PAD_Y = 3;
const SOFT_HYPHEN = '\u00ad';

/**
 * A header's long words broken where they carry a soft hyphen (U+00AD) when they do not fit the
 * column ("Коли-" / "чество"), as printed forms hyphenate their narrow columns; pdfkit would cut
 * such a word at any letter. The soft hyphens themselves are dropped.
 */
export function breakAtSoftHyphens(text: string, width: number, measure: (s: string) => number): string {
  if (!text.includes(SOFT_HYPHEN)) return text;
  return text
    .split(' ')
    .map((word) => {
      const parts = word.split(SOFT_HYPHEN);
      if (parts.length === 1 || measure(parts.join('')) <= width) return parts.join('');
      const lines: string[] = [];
      let current = '';
      parts.forEach((part, i) => {
        const hyphen = i < parts.length - 1 ? '-' : '';
        if (current && measure(current + part + hyphen) > width) {
          lines.push(current + '-');
          current = part;
        } else current += part;
      });
      lines.push(current);
      return lines.join('\n');
    })
    .join(' ');
}

interface Cell {
  text: string;
  x: number;
  width: number;
  align: TableColumn['align'];
}

/** Draws the table at the cursor and leaves the cursor below it. Returns the pages it touched. */
export function drawTable(w: DocumentWriter, columns: TableColumn[], rows: Array<TableRow | string[]>, options: TableOptions = {}): number {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * w.width);
  const xs = widths.map((_, i) => w.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const headerStyle = options.headerStyle ?? 'tableHeader';
  const cellStyle = options.cellStyle ?? 'tableCell';
  const boldStyle = options.boldStyle ?? 'tableCellBold';
  const body = rows.map((r) => (Array.isArray(r) ? { cells: r } : r));
  const footer = options.footer ?? [];
  const groups = options.headerGroups ?? [];
  let pages = 1;

  const styleOf = (row: TableRow): StyleName => (row.bold ? boldStyle : cellStyle);

  /** The cells of a row with their boxes: one per column, or merged by `spans`. */
  const cellsOf = (row: TableRow): Cell[] => {
    if (row.span) return [{ text: row.cells[0] ?? '', x: w.left, width: w.width, align: 'left' }];
    let column = 0;
    return row.cells.map((text, i) => {
      const span = row.spans?.[i] ?? 1;
      const first = column;
      column += span;
      const width = widths.slice(first, first + span).reduce((a, b) => a + b, 0);
      return { text, x: xs[first], width, align: row.aligns?.[i] ?? columns[first]?.align ?? 'left' };
    });
  };

  const rowHeight = (row: TableRow, style: StyleName): number =>
    Math.max(0, ...cellsOf(row).map((c) => w.heightOf(style, c.text, c.width - 2 * PAD_X, c.align))) + 2 * PAD_Y;

  const drawRow = (row: TableRow, style: StyleName, height: number, fill?: string) => {
    const { doc } = w;
    const y = w.y;
    const cells = cellsOf(row);
    doc.save();
    if (fill) doc.rect(w.left, y, w.width, height).fill(fill);
    doc.lineWidth(0.4).strokeColor(COLORS.rule);
    cells.forEach((c) => doc.rect(c.x, y, c.width, height).stroke());
    doc.restore();
    cells.forEach((c) => w.textAt(style, c.text, c.x + PAD_X, y + PAD_Y, c.width - 2 * PAD_X, c.align ?? 'left'));
    w.doc.y = y + height;
  };

  // --- the header: one level, or two when columns are grouped; then the column numbers
  const groupOf = (i: number) => groups.find((g) => i >= g.from && i < g.from + g.span);
  const groupBox = (g: HeaderGroup) => ({ x: xs[g.from], width: widths.slice(g.from, g.from + g.span).reduce((a, b) => a + b, 0) });
  // pdfkit measures a word with the space after it: leave room for one
  const fitted = (text: string, width: number) => breakAtSoftHyphens(text, width - 2 * PAD_X, (t) => w.widthOf(headerStyle, `${t} `));
  const textHeight = (text: string, width: number) => w.heightOf(headerStyle, fitted(text, width), width - 2 * PAD_X, 'center') + 2 * PAD_Y;
  const groupHeight = Math.max(0, ...groups.map((g) => textHeight(g.label, groupBox(g).width)));
  const lowerHeight = Math.max(0, ...columns.map((c, i) => (groupOf(i) ? textHeight(c.header, widths[i]) : 0)));
  const fullHeight = Math.max(0, ...columns.map((c, i) => (groupOf(i) ? 0 : textHeight(c.header, widths[i]))));
  const labelsHeight = groups.length ? Math.max(groupHeight + lowerHeight, fullHeight) : fullHeight;
  const numbers = options.columnNumbers;
  const numbersHeight = numbers ? textHeight(numbers.join(''), w.width) : 0;
  const headerHeight = labelsHeight + numbersHeight;

  /** Header text centred in its box, as forms print it (the boxes of one header differ in height). */
  const headerCell = (label: string, x: number, y: number, width: number, height: number) => {
    w.doc.save().lineWidth(0.4).strokeColor(COLORS.rule).rect(x, y, width, height).stroke().restore();
    const text = fitted(label, width);
    const h = w.heightOf(headerStyle, text, width - 2 * PAD_X, 'center');
    w.textAt(headerStyle, text, x + PAD_X, y + Math.max(PAD_Y, (height - h) / 2), width - 2 * PAD_X, 'center');
  };

  const drawHeader = () => {
    if (!groups.length && !numbers) {
      drawRow({ cells: columns.map((c, i) => fitted(c.header, widths[i])) }, headerStyle, labelsHeight, COLORS.headerFill);
      return;
    }
    const y = w.y;
    w.doc.save().rect(w.left, y, w.width, labelsHeight).fill(COLORS.headerFill).restore();
    for (const g of groups) {
      const box = groupBox(g);
      headerCell(g.label, box.x, y, box.width, groupHeight);
    }
    columns.forEach((c, i) => {
      if (groupOf(i)) headerCell(c.header, xs[i], y + groupHeight, widths[i], labelsHeight - groupHeight);
      else headerCell(c.header, xs[i], y, widths[i], labelsHeight);
    });
    if (numbers) {
      w.doc.y = y + labelsHeight;
      drawRow({ cells: numbers, aligns: numbers.map(() => 'center') }, headerStyle, numbersHeight);
    }
    w.doc.y = y + headerHeight;
  };

  // the header never stands alone at the bottom of a page
  const firstHeight = body.length ? rowHeight(body[0], styleOf(body[0])) : 0;
  w.ensureSpace(headerHeight + firstHeight);
  drawHeader();
  const footerHeights = footer.map((r) => rowHeight(r, styleOf(r)));
  const footerHeight = footerHeights.reduce((a, b) => a + b, 0);
  const heights = body.map((row) => rowHeight(row, styleOf(row)));
  body.forEach((row, index) => {
    const style = styleOf(row);
    const height = heights[index];
    // rows that keep with this one come along, and the last body row travels with the footer
    // rows and with what follows the table (as far as a page holds them together), so neither a
    // subtotal nor "Total" nor the totals after the table ever start a page alone
    let needed = height;
    let next = index + 1;
    while (next < body.length && body[next].keepWithPrevious) needed += heights[next++];
    if (next === body.length) {
      const room = w.bottom - w.top - headerHeight;
      needed = Math.min(needed + footerHeight + (options.keepWithLast ?? 0), Math.max(room, needed + footerHeight));
    }
    if (w.y + needed > w.bottom) {
      w.newPage();
      pages++;
      drawHeader();
    }
    drawRow(row, style, height);
  });
  footer.forEach((row, i) => drawRow(row, styleOf(row), footerHeights[i]));
  w.doc.x = w.left;
  return pages;
}
