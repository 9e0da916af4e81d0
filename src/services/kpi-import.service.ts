import type { AuthedContext } from '../context';
import { Campaign } from '../entities';
import { render } from '../i18n';
import type { ImportKpiFileInput } from '../schema/kpi-import/kpi-import.inputs';
import type { KpiImportReportType } from '../schema/kpi-import/kpi-import.type';
import { storeMeasurements } from './kpi-measurement.service';
import { parseKpiFile } from './kpi-import/sources';
import { checkImport, nameKey, type CampaignLookup, type ImportCampaign } from './kpi-import/validate';
import { scoped, withTransaction } from './scope';

/** Importing a measurements file: parse, check every line, then record through the same path as typed figures. */

/**
 * Imports a file in one transaction. With any problem nothing is written unless
 * `skipInvalidRows`, then only the valid lines are. A line sent again replaces its figures, so
 * importing a file twice leaves the same data.
 */
export function importKpiFile(ctx: AuthedContext, input: ImportKpiFileInput, now: Date = new Date()): Promise<KpiImportReportType> {
  const parsed = parseKpiFile(input.source, input.content, { moneyInMicros: input.moneyInMicros ?? true });
  return withTransaction(ctx, async (tx) => {
    const campaigns = scoped(tx, Campaign);
    const lookup: CampaignLookup = { forced: null, byId: new Map(), byName: new Map() };
    if (input.campaignId) {
      lookup.forced = await campaigns.getById(input.campaignId, 'input.campaignId');
    } else {
      const ids = [...new Set(parsed.rows.filter((r) => r.refKind === 'ID' && r.campaignRef).map((r) => r.campaignRef as string))];
      for (const c of await campaigns.findByIds(ids)) lookup.byId.set(c.id, c);
      const names = [...new Set(parsed.rows.filter((r) => r.refKind === 'NAME' && r.campaignRef).map((r) => nameKey(r.campaignRef as string)))];
      if (names.length) {
        const named: ImportCampaign[] = await campaigns.query('c').andWhere('lower(btrim(c.name)) IN (:...names)', { names }).getMany();
        for (const c of named) lookup.byName.set(nameKey(c.name), [...(lookup.byName.get(nameKey(c.name)) ?? []), c]);
      }
    }
    const checked = checkImport(parsed, lookup);
    const refused = checked.problems.length > 0 && !input.skipInvalidRows;
    if (!refused) {
      // Locked in id order, so two imports touching the same campaigns cannot deadlock.
      for (const id of [...checked.figures.keys()].sort()) {
        const campaign = await campaigns.getById(id, 'input.content', { lock: true });
        await storeMeasurements(tx, campaign, checked.figures.get(id) ?? [], now);
      }
    }
    return {
      imported: refused ? 0 : checked.importedLines,
      skipped: refused ? checked.importedLines + checked.skippedLines : checked.skippedLines,
      problems: checked.problems.map((p) => ({ line: p.line, column: p.column, message: render(ctx.locale, p.message) })),
    };
  });
}
