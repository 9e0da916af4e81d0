/** A subtotal row that keeps with the row before it never opens a page. */
import { DocumentWriter } from '../../src/documents/layout/create-document';
import { drawTable, type TableRow } from '../../src/documents/layout/table';
import { pdfPages, squash } from '../support/pdf';

async function table(lines: number, keep: boolean) {
  const w = new DocumentWriter({ title: 'T', author: 'A', locale: 'ru' as never, createdAt: new Date('2026-11-22T09:30:00Z') }, { pageLabel: () => '' });
  const rows: TableRow[] = Array.from({ length: lines }, (_, i) => ({ cells: [`Строка ${i + 1}`, '100,00'] }));
  rows.push({ cells: ['Подытог', `${lines}00,00`], bold: true, keepWithPrevious: keep });
  rows.push({ cells: ['Ещё строка', '1,00'] });
  drawTable(w, [{ header: 'Позиция', width: 70 }, { header: 'Сумма', width: 30, align: 'right' }], rows, { footer: [{ cells: ['Всего', '0,00'], bold: true }] });
  return pdfPages((await w.finish()).bytes).map(squash);
}

describe('a row kept with the one before it', () => {
  it('travels to the next page with it instead of opening the page alone', async () => {
    // find the plan length at which a free subtotal would open the second page
    let lines = 0;
    for (let n = 40; n < 90 && !lines; n++) {
      const pages = await table(n, false);
      if (pages.length > 1 && /^Позиция Сумма Подытог/.test(pages[1])) lines = n;
    }
    expect(lines).toBeGreaterThan(0);
    const pages = await table(lines, true);
    expect(pages[1]).toMatch(new RegExp(`^Позиция Сумма Строка ${lines} 100,00 Подытог`));
    expect(pages[0]).not.toContain(`Строка ${lines} `);
  });
});
