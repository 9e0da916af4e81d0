import type { CreatedApp } from '../app';
import type { DemoIds } from './demo-activity';

type Exec = CreatedApp['execute'];

/**
 * Satisfaction surveys of the demo agency, all through the GraphQL API: three clients asked, the
 * contacts answering through their one-time links (read back from the outbox, as the emails would
 * carry them) without a login. Ромашка answers well and leaves a second link (and the portal user
 * client@demo.agency) still to answer; Северный ветер is unhappy with accounting, so the owner has
 * a follow-up waiting; Слънчев бряг answers in between.
 */
export async function seedDemoSurveys(execute: Exec, ownerToken: string, ids: DemoIds): Promise<void> {
  const run = <T = any>(q: string, v: Record<string, unknown> = {}, token: string | undefined = ownerToken) => execute<T>(q, v, token);
  const [romashka, sever, , slanchev] = ids.clients;

  const send = `mutation($i: SendSatisfactionSurveyInput!) { sendSatisfactionSurvey(input: $i) { __typename ... on Survey { id } } }`;
  for (const client of [romashka, sever, slanchev]) await run(send, { i: { clientId: client.id } });

  const outbox = await run<{ outbox: { edges: { node: { to: string; text: string; relatedType: string | null } }[] } }>(
    `query { outbox(first: 100) { edges { node { to text relatedType } } } }`,
  );
  const tokens = new Map<string, string>();
  for (const { node } of outbox.outbox.edges) {
    const m = node.relatedType === 'SurveyInvitation' ? /\/survey\?token=([A-Za-z0-9_-]+)/.exec(node.text) : null;
    if (m) tokens.set(node.to, m[1]);
  }

  const answer = `mutation($i: AnswerSurveyInput!) { answerSurvey(input: $i) { __typename } }`;
  const give = async (email: string, scores: Record<string, number>, comments: Record<string, string> = {}) => {
    const token = tokens.get(email);
    if (!token) return;
    const answers = Object.entries(scores).map(([question, score]) => ({ question, score, comment: comments[question] ?? null }));
    await run(answer, { i: { token, answers } }, undefined);
  };
  const base = { csiManager: 10, csiResult: 9, csiAccounting: 9, csiDocuments: 8, csiTelephony: 9, ces: 9, nps: 10, cliRecommend: 6, cliBuyAgain: 6, cliOtherServices: 5 };
  await give('a.smirnova@romashka.example.ru', base, { csiResult: 'Заявок стало больше уже во второй месяц' });
  await give(
    'd.kuznetsov@sever-veter.example.ru',
    { ...base, csiManager: 8, csiResult: 7, csiAccounting: 5, csiDocuments: 6, ces: 6, nps: 7, cliOtherServices: 3 },
    { csiAccounting: 'Счета приходят с опозданием, акты приходится запрашивать', csiDocuments: 'Оригиналы ждали почти месяц' },
  );
  await give('georgi@slanchev.example.bg', { ...base, csiTelephony: 7, nps: 9, ces: 10, cliBuyAgain: 5 });
}
