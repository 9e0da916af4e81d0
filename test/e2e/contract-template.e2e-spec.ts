/**
 * The agency's contract clause text per language: contractTemplate, contractTemplateVersions and
 * contractTemplatePlaceholders (agency staff), saveContractTemplate and resetContractTemplate
 * (owner only), and what the contract builder gets (currentContractTemplate). Versions count
 * 1, 2, … per agency and language without gaps, even when saved at once; a text with problems is
 * refused whole with each problem's line; other agencies, managers and portal users change nothing.
 */
import type { Actor } from '../../src/context';
import { PLACEHOLDERS } from '../../src/documents/contract/contract-template';
import { BG_CONTRACT_TEMPLATE } from '../../src/documents/contract/templates/bg';
import { EN_CONTRACT_TEMPLATE } from '../../src/documents/contract/templates/en';
import { RU_CONTRACT_TEMPLATE } from '../../src/documents/contract/templates/ru';
import { Locale, UserRole } from '../../src/entities/enums';
import { currentContractTemplate } from '../../src/services/contract-template.service';
import { startTestApp, TestApp } from '../support/app';
import { contextFor } from '../support/context';
import { expectBadInput, expectCode, expectOk } from '../support/expect';
import { createClient, createUser, registerAgency, type AgencyActors } from '../support/factories';

const TEMPLATE_FIELDS = 'locale version isDefault body note createdAt createdById';
const TEMPLATE = /* GraphQL */ `
  query Template($locale: Locale!) {
    contractTemplate(locale: $locale) { ${TEMPLATE_FIELDS} preamble sections { number heading clauses { number text } } }
  }
`;
const VERSIONS = /* GraphQL */ `query Versions($locale: Locale!) { contractTemplateVersions(locale: $locale) { ${TEMPLATE_FIELDS} } }`;
const PLACEHOLDER_LIST = /* GraphQL */ `query Placeholders { contractTemplatePlaceholders { name description } }`;
const SAVE = /* GraphQL */ `
  mutation Save($input: SaveContractTemplateInput!) {
    saveContractTemplate(input: $input) {
      __typename
      ... on ContractTemplate { ${TEMPLATE_FIELDS} }
      ... on ContractTemplateInvalidError { code message problems { code line placeholder message } }
    }
  }
`;
const RESET = /* GraphQL */ `mutation Reset($locale: Locale!) { resetContractTemplate(locale: $locale) { ${TEMPLATE_FIELDS} } }`;

const OURS = (n: number) =>
  `{{agency.legalName}} и {{client.legalName}} заключили договор № {{contract.number}}.\n\n## Предмет\n\nУслуги: {{contract.subject}} (редакция ${n}).\n\n## Приёмка\n\nАкт подписывается в течение {{contract.actSignDays}}.`;

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

async function template(token: string, locale = 'RU'): Promise<any> {
  return expectOk(await t.gql(TEMPLATE, { locale }, token)).contractTemplate;
}

async function versions(token: string, locale = 'RU'): Promise<any[]> {
  return expectOk(await t.gql(VERSIONS, { locale }, token)).contractTemplateVersions;
}

function save(token: string, input: Record<string, unknown>) {
  return t.gql(SAVE, { input: { locale: 'RU', ...input } }, token);
}

async function saved(token: string, input: Record<string, unknown>): Promise<any> {
  const result = expectOk(await save(token, input)).saveContractTemplate;
  expect(result.__typename).toBe('ContractTemplate');
  return result;
}

function ownerActor(a: AgencyActors): Actor {
  return { userId: a.ownerId, agencyId: a.agencyId, role: UserRole.OWNER, clientId: null };
}

describe('contractTemplate', () => {
  it('gives a new agency the built-in text of each language, numbered, with no history', async () => {
    const a = await registerAgency(t);
    const ru = await template(a.ownerToken, 'RU');
    expect(ru).toMatchObject({ locale: 'RU', version: null, isDefault: true, body: RU_CONTRACT_TEMPLATE, note: null, createdAt: null, createdById: null });
    // the built-in text has no opening: the document writes it (declining the signatories' names)
    expect(ru.preamble).toEqual([]);
    expect(ru.sections[0]).toMatchObject({ number: '1', heading: 'Предмет Договора' });
    expect(ru.sections[0].clauses[0]).toEqual({ number: '1.1', text: expect.stringMatching(/^Исполнитель обязуется по заданию Заказчика/) });
    expect(ru.sections.map((s: any) => s.number)).toEqual(ru.sections.map((_: unknown, i: number) => String(i + 1)));
    expect((await template(a.ownerToken, 'BG')).body).toBe(BG_CONTRACT_TEMPLATE);
    expect((await template(a.ownerToken, 'EN')).body).toBe(EN_CONTRACT_TEMPLATE);
    expect(await versions(a.ownerToken)).toEqual([]);
    expect(await currentContractTemplate(contextFor(t.ds, ownerActor(a)), Locale.RU)).toMatchObject({ version: null, preamble: [] });
  });
});

describe('saveContractTemplate', () => {
  it('stores versions 1, 2, … with their notes; the newest is in force for the contract builder, other languages untouched', async () => {
    const a = await registerAgency(t);
    const v1 = await saved(a.ownerToken, { body: OURS(1), note: '  Согласовано юристом  ' });
    expect(v1).toEqual({
      __typename: 'ContractTemplate',
      locale: 'RU',
      version: 1,
      isDefault: false,
      body: OURS(1),
      note: 'Согласовано юристом',
      createdAt: expect.any(String),
      createdById: a.ownerId,
    });
    const v2 = await saved(a.ownerToken, { body: OURS(2) });
    expect(v2).toMatchObject({ version: 2, note: null });

    const current = await template(a.ownerToken);
    expect(current).toMatchObject({ version: 2, isDefault: false, body: OURS(2) });
    expect(current.sections).toEqual([
      { number: '1', heading: 'Предмет', clauses: [{ number: '1.1', text: 'Услуги: {{contract.subject}} (редакция 2).' }] },
      { number: '2', heading: 'Приёмка', clauses: [{ number: '2.1', text: 'Акт подписывается в течение {{contract.actSignDays}}.' }] },
    ]);
    expect((await versions(a.ownerToken)).map((v) => [v.version, v.note, v.isDefault])).toEqual([
      [2, null, false],
      [1, 'Согласовано юристом', false],
    ]);
    expect(await currentContractTemplate(contextFor(t.ds, ownerActor(a)), Locale.RU)).toEqual({
      version: 2,
      preamble: ['{{agency.legalName}} и {{client.legalName}} заключили договор № {{contract.number}}.'],
      sections: [
        { heading: 'Предмет', clauses: ['Услуги: {{contract.subject}} (редакция 2).'] },
        { heading: 'Приёмка', clauses: ['Акт подписывается в течение {{contract.actSignDays}}.'] },
      ],
    });
    expect(await template(a.ownerToken, 'BG')).toMatchObject({ version: null, isDefault: true, body: BG_CONTRACT_TEMPLATE });
    expect(await versions(a.ownerToken, 'BG')).toEqual([]);
  });

  it('accepts a text using every placeholder of the list', async () => {
    const a = await registerAgency(t);
    const names = expectOk(await t.gql(PLACEHOLDER_LIST, {}, a.ownerToken)).contractTemplatePlaceholders.map((p: any) => p.name);
    expect(await saved(a.ownerToken, { locale: 'EN', body: `## All\n\n${names.map((n: string) => `{{${n}}}`).join(', ')}.` })).toMatchObject({ version: 1, locale: 'EN' });
  });

  it('refuses a text with problems, each with its line and placeholder, in the agency language; nothing is stored', async () => {
    const a = await registerAgency(t);
    await saved(a.ownerToken, { body: OURS(1) });
    const before = await versions(a.ownerToken);
    const body = ['Преамбула.', '', '## Предмет', 'Договор заключён в {{city}}.', '', 'Номер {{contract.number.', '## Цена', '', '## 3. Срок', '', 'Текст.'].join('\n');
    expect(expectOk(await save(a.ownerToken, { body })).saveContractTemplate).toEqual({
      __typename: 'ContractTemplateInvalidError',
      code: 'CONTRACT_TEMPLATE_INVALID',
      message: 'В шаблоне договора есть ошибки; ничего не сохранено',
      problems: [
        { code: 'UNKNOWN_PLACEHOLDER', line: 4, placeholder: 'city', message: 'Строка 4: неизвестная подстановка «city»' },
        { code: 'UNBALANCED_BRACES', line: 6, placeholder: null, message: expect.stringMatching(/^Строка 6: фигурные скобки не парные/) },
        { code: 'EMPTY_SECTION', line: 7, placeholder: null, message: 'Строка 7: в разделе нет ни одного пункта' },
        { code: 'MANUAL_NUMBERING', line: 9, placeholder: null, message: expect.stringMatching(/^Строка 9: не нумеруйте разделы и пункты сами/) },
      ],
    });
    expect(await versions(a.ownerToken)).toEqual(before);
    expect((await template(a.ownerToken)).body).toBe(OURS(1));
  });

  it('refuses a text over 100 KB and a text without sections', async () => {
    const a = await registerAgency(t, { locale: 'EN' });
    const long = expectOk(await save(a.ownerToken, { body: `## A\n\n${'Ж'.repeat(60_000)}` })).saveContractTemplate;
    expect(long.problems).toEqual([{ code: 'TOO_LONG', line: null, placeholder: null, message: 'The template is longer than 100 KB' }]);
    const none = expectOk(await save(a.ownerToken, { body: 'Just a paragraph.' })).saveContractTemplate;
    expect(none.problems).toEqual([{ code: 'NO_SECTIONS', line: null, placeholder: null, message: 'The template has no sections: start each section with a line "## Heading"' }]);
    expect(await versions(a.ownerToken)).toEqual([]);
  });

  it('BAD_USER_INPUT on input.note over 500 characters, nothing stored', async () => {
    const a = await registerAgency(t);
    expectBadInput(await save(a.ownerToken, { body: OURS(1), note: 'н'.repeat(501) }), 'input.note');
    expect(await versions(a.ownerToken)).toEqual([]);
  });

  it('numbers versions without a gap or a repeat when several are saved at once', async () => {
    const a = await registerAgency(t);
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => saved(a.ownerToken, { body: OURS(n) })));
    expect(results.map((r) => r.version).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await versions(a.ownerToken)).map((v) => v.version)).toEqual([6, 5, 4, 3, 2, 1]);
  });
});

describe('resetContractTemplate', () => {
  it('goes back to the built-in text with a version marked default, stores nothing when already there, and saving continues the count', async () => {
    const a = await registerAgency(t);
    await saved(a.ownerToken, { body: OURS(1) });
    await saved(a.ownerToken, { body: OURS(2) });
    const reset = expectOk(await t.gql(RESET, { locale: 'RU' }, a.ownerToken)).resetContractTemplate;
    expect(reset).toEqual({ locale: 'RU', version: 3, isDefault: true, body: RU_CONTRACT_TEMPLATE, note: null, createdAt: expect.any(String), createdById: a.ownerId });
    expect(await template(a.ownerToken)).toMatchObject({ version: 3, isDefault: true, body: RU_CONTRACT_TEMPLATE });
    expect(await currentContractTemplate(contextFor(t.ds, ownerActor(a)), Locale.RU)).toMatchObject({ version: 3, sections: expect.arrayContaining([expect.objectContaining({ heading: 'Предмет Договора' })]) });

    expect(expectOk(await t.gql(RESET, { locale: 'RU' }, a.ownerToken)).resetContractTemplate).toMatchObject({ version: 3, isDefault: true });
    expect((await versions(a.ownerToken)).map((v) => [v.version, v.isDefault, v.body === RU_CONTRACT_TEMPLATE])).toEqual([
      [3, true, true],
      [2, false, false],
      [1, false, false],
    ]);
    expect(await saved(a.ownerToken, { body: OURS(4) })).toMatchObject({ version: 4, isDefault: false });
  });

  it('stores nothing for a language the agency never changed', async () => {
    const a = await registerAgency(t);
    expect(expectOk(await t.gql(RESET, { locale: 'EN' }, a.ownerToken)).resetContractTemplate).toMatchObject({ version: null, isDefault: true, body: EN_CONTRACT_TEMPLATE });
    expect(await versions(a.ownerToken, 'EN')).toEqual([]);
  });
});

describe('contractTemplatePlaceholders', () => {
  it('lists the whitelist, each placeholder described in the agency language', async () => {
    const ru = await registerAgency(t);
    const bg = await registerAgency(t, { locale: 'BG' });
    const list = expectOk(await t.gql(PLACEHOLDER_LIST, {}, ru.ownerToken)).contractTemplatePlaceholders;
    expect(list.map((p: any) => p.name)).toEqual([...PLACEHOLDERS]);
    expect(list.find((p: any) => p.name === 'contract.number').description).toBe('Номер договора (присваивается, когда договор выходит из черновика)');
    const bgList = expectOk(await t.gql(PLACEHOLDER_LIST, {}, bg.ownerToken)).contractTemplatePlaceholders;
    expect(bgList.find((p: any) => p.name === 'contract.number').description).toBe('Номерът на договора (поставя се, когато договорът излезе от чернова)');
    for (const p of [...list, ...bgList]) expect(p.description).not.toMatch(/^contractTemplate\./);
  });
});

describe('who may', () => {
  it('lets a manager read but not save or reset, and refuses a portal user; nothing changes', async () => {
    const a = await registerAgency(t);
    await saved(a.ownerToken, { body: OURS(1) });
    const manager = await createUser(t, a.ownerToken, 'MANAGER');
    const client = await createClient(t, a.ownerToken);
    const portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);

    expect(await template(manager.token)).toMatchObject({ version: 1, body: OURS(1) });
    expect(await versions(manager.token)).toHaveLength(1);
    expect(expectOk(await t.gql(PLACEHOLDER_LIST, {}, manager.token)).contractTemplatePlaceholders).toHaveLength(PLACEHOLDERS.length);
    expect(expectCode(await save(manager.token, { body: OURS(2) }), 'FORBIDDEN').requiredRoles).toEqual(['OWNER']);
    expect(expectCode(await t.gql(RESET, { locale: 'RU' }, manager.token), 'FORBIDDEN').requiredRoles).toEqual(['OWNER']);

    expectCode(await t.gql(TEMPLATE, { locale: 'RU' }, portal.token), 'FORBIDDEN');
    expectCode(await t.gql(VERSIONS, { locale: 'RU' }, portal.token), 'FORBIDDEN');
    expectCode(await t.gql(PLACEHOLDER_LIST, {}, portal.token), 'FORBIDDEN');
    expectCode(await save(portal.token, { body: OURS(2) }), 'FORBIDDEN');
    expectCode(await t.gql(RESET, { locale: 'RU' }, portal.token), 'FORBIDDEN');
    expectCode(await t.gql(TEMPLATE, { locale: 'RU' }), 'UNAUTHENTICATED');

    expect((await versions(a.ownerToken)).map((v) => v.version)).toEqual([1]);
    // the contract its client opens is printed with the agency's text
    const portalActor: Actor = { userId: portal.id, agencyId: a.agencyId, role: UserRole.CLIENT, clientId: client.id };
    expect(await currentContractTemplate(contextFor(t.ds, portalActor), Locale.RU)).toMatchObject({ version: 1, sections: [{ heading: 'Предмет' }, { heading: 'Приёмка' }] });
  });

  it("keeps each agency's texts and version numbers its own", async () => {
    const a = await registerAgency(t);
    const b = await registerAgency(t);
    await saved(a.ownerToken, { body: OURS(1) });
    await saved(a.ownerToken, { body: OURS(2) });

    expect(await template(b.ownerToken)).toMatchObject({ version: null, isDefault: true, body: RU_CONTRACT_TEMPLATE });
    expect(await versions(b.ownerToken)).toEqual([]);
    expect(await currentContractTemplate(contextFor(t.ds, ownerActor(b)), Locale.RU)).toMatchObject({ version: null });
    expect(await saved(b.ownerToken, { body: OURS(7) })).toMatchObject({ version: 1 });
    expect(expectOk(await t.gql(RESET, { locale: 'RU' }, b.ownerToken)).resetContractTemplate).toMatchObject({ version: 2 });

    expect(await template(a.ownerToken)).toMatchObject({ version: 2, body: OURS(2) });
    expect((await versions(a.ownerToken)).map((v) => v.version)).toEqual([2, 1]);
  });
});
