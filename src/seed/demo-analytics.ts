import type { CreatedApp } from '../app';
import type { DemoIds } from './demo-activity';

type Exec = CreatedApp['execute'];

/**
 * Analytics and upsell of the demo agency, through the GraphQL API: what it cost to win each
 * client (so lifetime value minus acquisition cost shows something), and a look at the upsell
 * suggestions of the first client, which also seeds the channel competition matrix. Ромашка's
 * main channel is Яндекс Директ, so SEO and programmatic come flagged as competing with it.
 */
export async function seedDemoAnalytics(execute: Exec, token: string, ids: DemoIds, today: string): Promise<void> {
  const run = <T = any>(q: string, v: Record<string, unknown> = {}) => execute<T>(q, v, token);
  const [romashka, sever, okna, slanchev] = ids.clients;
  const costs: [string, string, string, string][] = [
    [romashka.id, '45000.00', 'RUB', 'Контекстная реклама на привлечение и аудит кабинета'],
    [sever.id, '30000.00', 'RUB', 'Презентация и пилотная кампания'],
    [okna.id, '18000.00', 'RUB', 'Выставка «Окна и двери»'],
    [slanchev.id, '900.00', 'EUR', 'Participation in a tourism fair'],
  ];
  for (const [clientId, amount, currency, note] of costs) {
    await run(`mutation($i: RecordAcquisitionCostInput!) { recordAcquisitionCost(input: $i) { id } }`, {
      i: { clientId, amount, currency, spentOn: today, note },
    });
  }
  const s = (await run(`query($c: ID!) { upsellSuggestions(clientId: $c, includeCannibalizing: true) { suggestions { cannibalizes } } }`, { c: romashka.id })).upsellSuggestions;
  if (!s.suggestions.length || !s.suggestions.some((x: { cannibalizes: boolean }) => x.cannibalizes)) {
    throw new Error('demo seed: expected upsell suggestions for the first client, some of them flagged');
  }
}
