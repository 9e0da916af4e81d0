import type { AuthedContext } from '../context';
import { ReportFrequency, ReportKind } from '../entities/enums';
import { makeReport, publishReport, saveReportSchedule, updateReportPlan } from '../services/report.service';
import { addDays, localDate } from '../services/time';
import { DEFAULT_TIME_ZONE } from '../entities/agency.entity';

/** What the demo manager writes as the development plan of each kind. */
const PLANS: Record<ReportKind, string> = {
  [ReportKind.MARKETING]:
    'Клики подорожали после прихода конкурента: переносим часть бюджета на запросы с доставкой в день заказа и обновляем объявления.\n\nНа следующей неделе запускаем ретаргетинг на брошенные корзины.',
  [ReportKind.BUDGET]: 'Поиск приносит основную прибыль: сохраняем 70 % бюджета за ним; эксперимент с новым каналом продолжаем ещё месяц с тем же бюджетом.',
  [ReportKind.OWNER]: 'Интернет окупается: на каждый вложенный рубль приходится больше рубля выручки. Предлагаем увеличить бюджет поиска на 15 % в сезон.',
};

/**
 * A published report of each kind for the first demo client over the last 30 days (its search
 * campaign has 90 days of figures), each with a development plan, and a monthly owner report
 * scheduled for the client's marketing contact.
 */
export async function seedDemoReports(ctx: AuthedContext, clientId: string, now: Date = new Date()): Promise<void> {
  const today = localDate(now, DEFAULT_TIME_ZONE);
  const period = { from: addDays(today, -30), to: addDays(today, -1) };
  for (const kind of [ReportKind.MARKETING, ReportKind.BUDGET, ReportKind.OWNER]) {
    const report = await makeReport(ctx, { clientId, kind, ...period, scheduleId: null });
    const planned = await updateReportPlan(ctx, report.id, PLANS[kind]);
    if (!('id' in planned)) throw new Error(`demo seed: the ${kind} report refused its plan`);
    const published = await publishReport(ctx, report.id);
    if (!('id' in published)) throw new Error(`demo seed: the ${kind} report was not published`);
  }
  await saveReportSchedule(ctx, { clientId, kind: ReportKind.OWNER, frequency: ReportFrequency.MONTHLY, recipients: ['owner@romashka.example'], active: true });
}
