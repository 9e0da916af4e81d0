/**
 * A table that flows with the cursor: each row asks for its height first; a row that does not fit
 * starts a new page, where the header is drawn again. Column widths are fractions of the content
 * width; numbers are right-aligned by their column.
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
}

const PAD_X = 3.5;
const PAD_Y = 3;

/** Draws the table at the cursor and leaves the cursor below it. Returns the pages it touched. */
export function drawTable(w: DocumentWriter, columns: TableColumn[], rows: Array<TableRow | string[]>, options: TableOptions = {}): number {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * w.width);
  const xs = widths.map((_, i) => w.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const headerStyle = options.headerStyle ?? 'tableHeader';
  const cellStyle = options.cellStyle ?? 'tableCell';
  const body = rows.map((r) => (Array.isArray(r) ? { cells: r } : r));
  const footer = options.footer ?? [];
  let pages = 1;

  const rowHeight = (row: TableRow, style: StyleName): number => {
    if (row.span) return w.heightOf(style, row.cells[0] ?? '', w.width - 2 * PAD_X) + 2 * PAD_Y;
    let h = 0;
    row.cells.forEach((cell, i) => {
      h = Math.max(h, w.heightOf(style, cell, widths[i] - 2 * PAD_X, columns[i].align));
    });
    return h + 2 * PAD_Y;
  };
  const headerRow: TableRow = { cells: columns.map((c) => c.header) };
  const headerHeight = rowHeight(headerRow, headerStyle);

  const drawRow = (row: TableRow, style: StyleName, height: number, fill?: string) => {
    const { doc } = w;
    const y = w.y;
    doc.save();
    if (fill) doc.rect(w.left, y, w.width, height).fill(fill);
    doc.lineWidth(0.4).strokeColor(COLORS.rule);
    if (row.span) doc.rect(w.left, y, w.width, height).stroke();
    else xs.forEach((x, i) => doc.rect(x, y, widths[i], height).stroke());
    doc.restore();
    if (row.span) w.textAt(style, row.cells[0] ?? '', w.left + PAD_X, y + PAD_Y, w.width - 2 * PAD_X);
    else row.cells.forEach((cell, i) => w.textAt(style, cell, xs[i] + PAD_X, y + PAD_Y, widths[i] - 2 * PAD_X, columns[i].align ?? 'left'));
    w.doc.y = y + height;
  };
  const drawHeader = () => drawRow(headerRow, headerStyle, headerHeight, COLORS.headerFill);

  // the header never stands alone at the bottom of a page
  const firstHeight = body.length ? rowHeight(body[0], body[0].bold ? 'tableCellBold' : cellStyle) : 0;
  w.ensureSpace(headerHeight + firstHeight);
  drawHeader();
  const footerHeights = footer.map((r) => rowHeight(r, r.bold ? 'tableCellBold' : cellStyle));
  const footerHeight = footerHeights.reduce((a, b) => a + b, 0);
  body.forEach((row, index) => {
    const style: StyleName = row.bold ? 'tableCellBold' : cellStyle;
    const height = rowHeight(row, style);
    // the last body row travels with the footer rows, so "Total" never starts a page alone
    // (what follows it too, as far as a page can hold them together)
    const room = w.bottom - w.top - headerHeight;
    const needed = index === body.length - 1 ? Math.min(height + footerHeight + (options.keepWithLast ?? 0), Math.max(room, height + footerHeight)) : height;
    if (w.y + needed > w.bottom) {
      w.newPage();
      pages++;
      drawHeader();
    }
    drawRow(row, style, height);
  });
  footer.forEach((row, i) => drawRow(row, row.bold ? 'tableCellBold' : cellStyle, footerHeights[i]));
  w.doc.x = w.left;
  return pages;
}
