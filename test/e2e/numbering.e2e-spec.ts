import { UserRole } from '../../src/entities/enums';
import { CurrencyCode } from '../../src/entities/enums';
import { createInvoice, issueInvoice } from '../../src/services/invoice.service';
import { startTestApp, TestApp } from '../support/app';
import { contextFor } from '../support/context';
import { createClient, registerAgency } from '../support/factories';

let t: TestApp;
beforeAll(async () => {
  // 32 connections: every concurrent issue below gets its own
  t = await startTestApp({ poolSize: 40 });
});
afterAll(() => t.close());

describe('gapless invoice numbering under concurrency', () => {
  it('issues 200 invoices from 32 concurrent connections across 3 agencies, some aborting, and numbers form exactly 1..N per agency', async () => {
    const agencies = await Promise.all([0, 1, 2].map(() => registerAgency(t)));
    const drafts: { agencyIndex: number; invoiceId: string }[] = [];
    for (const [i, a] of agencies.entries()) {
      const client = await createClient(t, a.ownerToken);
      const ctx = contextFor(t.ds, { userId: a.ownerId, agencyId: a.agencyId, role: UserRole.OWNER, clientId: null });
      for (let n = 0; n < 80; n++) {
        const inv = await createInvoice(ctx, {
          clientId: client.id,
          currency: CurrencyCode.RUB,
          dueDate: '2026-12-31',
          lines: [{ description: `Услуга ${n}`, quantity: '1', unitPrice: '1000.00' }],
        } as never);
        drafts.push({ agencyIndex: i, invoiceId: inv.id });
      }
    }
    // 200 issue attempts over the 240 drafts, interleaved across agencies; every 7th aborts after taking its number
    const attempts = drafts.filter((_, k) => k % 6 !== 5).slice(0, 200).sort(() => Math.random() - 0.5);
    expect(attempts).toHaveLength(200);
    let cursor = 0;
    let aborted = 0;
    const worker = async () => {
      while (cursor < attempts.length) {
        const k = cursor++;
        const { agencyIndex, invoiceId } = attempts[k];
        const a = agencies[agencyIndex];
        const abort = k % 7 === 3;
        try {
          await t.ds.transaction(async (manager) => {
            const ctx = contextFor(t.ds, { userId: a.ownerId, agencyId: a.agencyId, role: UserRole.OWNER, clientId: null }, manager);
            const result = await issueInvoice(ctx, { id: invoiceId, issueDate: '2026-06-15' } as never);
            if (!('number' in result) || !result.number) throw new Error('not issued');
            if (abort) throw new Error('forced abort after the number was taken');
          });
        } catch (err) {
          if (!abort) throw err;
          aborted++;
        }
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    expect(aborted).toBeGreaterThan(20);

    for (const a of agencies) {
      const rows: { number: string }[] = await t.ds.query(
        `SELECT number FROM invoices WHERE "agencyId" = $1 AND number IS NOT NULL ORDER BY number`,
        [a.agencyId],
      );
      const seqs = rows.map((r) => Number(r.number.split('-')[1])).sort((x, y) => x - y);
      expect(seqs.length).toBeGreaterThan(0);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      expect(rows.every((r) => /^2026-\d{6}$/.test(r.number))).toBe(true);
      const counter = await t.ds.query(`SELECT "lastNumber" FROM document_counters WHERE "agencyId" = $1 AND kind = 'INVOICE'`, [a.agencyId]);
      expect(counter[0].lastNumber).toBe(seqs.length);
    }
    const issued = await t.ds.query(
      `SELECT count(*)::int AS n FROM invoices WHERE "agencyId" = ANY($1) AND status = 'ISSUED'`,
      [agencies.map((a) => a.agencyId)],
    );
    expect(issued[0].n).toBe(200 - aborted);
  });
});
