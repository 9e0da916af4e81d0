/**
 * The contract template language (src/documents/contract/contract-template.ts): what it reads,
 * every problem it reports with its line, how values are put in, and the built-in texts of the
 * three languages, which must pass the same validator an agency's text passes.
 */
import {
  calendarDays,
  CONTRACT_TEMPLATE_MAX_BYTES,
  ContractTemplateProblemCode as Code,
  MAX_PROBLEMS,
  parseContractTemplate,
  PLACEHOLDERS,
  renderContractTemplate,
  type ParsedTemplate,
  type Placeholder,
} from '../../src/documents/contract/contract-template';
import { DEFAULT_CONTRACT_TEMPLATES } from '../../src/documents/contract/templates';
import { Locale } from '../../src/entities/enums';

function parsed(text: string): ParsedTemplate {
  const r = parseContractTemplate(text);
  if (!r.ok) throw new Error(`expected a valid template, got ${JSON.stringify(r.problems)}`);
  return r.template;
}

function problems(text: string) {
  const r = parseContractTemplate(text);
  if (r.ok) throw new Error('expected problems, the template parsed');
  return r.problems;
}

/** A value for every placeholder, recognisable in the output: «agency.legalName» → "[agency.legalName]". */
const VALUES = Object.fromEntries(PLACEHOLDERS.map((p) => [p, `[${p}]`])) as Record<Placeholder, string>;

describe('parseContractTemplate', () => {
  it('reads sections from "## " headings, clauses from paragraphs, and the preamble before the first heading', () => {
    const t = parsed(
      [
        'ООО «Вектор», с одной стороны, и {{client.legalName}}, с другой,',
        'заключили договор.',
        '',
        '## Предмет договора',
        'Исполнитель оказывает услуги: {{contract.subject}}.',
        '',
        '',
        'Заказчик принимает и оплачивает услуги.',
        '## Цена',
        '',
        'Цена: {{ contract.amount }} {{contract.currency}}.',
        '   ',
      ].join('\n'),
    );
    expect(t).toEqual({
      preamble: ['ООО «Вектор», с одной стороны, и {{client.legalName}}, с другой,\nзаключили договор.'],
      sections: [
        { heading: 'Предмет договора', clauses: ['Исполнитель оказывает услуги: {{contract.subject}}.', 'Заказчик принимает и оплачивает услуги.'] },
        { heading: 'Цена', clauses: ['Цена: {{ contract.amount }} {{contract.currency}}.'] },
      ],
    });
  });

  it('keeps a single line break inside a clause, trims the lines and reads Windows line endings', () => {
    const t = parsed('## Обязанности\r\n  Исполнитель обязуется:  \r\nа) оказать услуги;\r\nб) представить отчёт.\r\n');
    expect(t.sections[0].clauses).toEqual(['Исполнитель обязуется:\nа) оказать услуги;\nб) представить отчёт.']);
    expect(t.preamble).toEqual([]);
  });

  it('accepts every whitelisted placeholder, with or without spaces inside the braces', () => {
    const body = `## Все\n\n${PLACEHOLDERS.map((p, i) => (i % 2 ? `{{${p}}}` : `{{  ${p} }}`)).join(' ')}`;
    expect(parseContractTemplate(body).ok).toBe(true);
  });

  it('reports an unknown placeholder with its line and its name as written', () => {
    expect(problems('## Предмет\n\nДоговор № {{contract.number}} от {{contract.dat}}.\n\nГород: {{ city }}.')).toEqual([
      { code: Code.UNKNOWN_PLACEHOLDER, line: 3, placeholder: 'contract.dat' },
      { code: Code.UNKNOWN_PLACEHOLDER, line: 5, placeholder: 'city' },
    ]);
  });

  it('refuses conditions: the language has placeholders only', () => {
    expect(problems('## A\n\n{{#if contract.endsOn}}по {{contract.endsOn}}{{/if}}')).toEqual([
      { code: Code.UNKNOWN_PLACEHOLDER, line: 3, placeholder: '#if contract.endsOn' },
      { code: Code.UNKNOWN_PLACEHOLDER, line: 3, placeholder: '/if' },
    ]);
  });

  it.each([
    ['an unclosed placeholder', '## A\n\nДоговор № {{contract.number от'],
    ['a closing pair without an opening', '## A\n\nДоговор № contract.number}} от'],
    ['single braces', '## A\n\nДоговор № {contract.number} от'],
    ['a placeholder inside a placeholder', '## A\n\nДоговор № {{contract.{{contract.number}}}}'],
    ['three braces', '## A\n\nДоговор № {{{contract.number}}}'],
    ['a placeholder split over two lines', '## A\n\nДоговор № {{contract.\nnumber}}'],
  ])('reports unbalanced braces: %s', (_what, text) => {
    expect(problems(text)[0]).toEqual({ code: Code.UNBALANCED_BRACES, line: 3, placeholder: null });
  });

  it('reports a text without sections, a section without clauses and an empty heading', () => {
    expect(problems('Только преамбула, без разделов.')).toEqual([{ code: Code.NO_SECTIONS, line: null, placeholder: null }]);
    expect(problems('')).toEqual([{ code: Code.NO_SECTIONS, line: null, placeholder: null }]);
    expect(problems('## Предмет\n\nТекст.\n\n## Цена\n\n## Срок\n\nТекст.\n\n## Споры\n')).toEqual([
      { code: Code.EMPTY_SECTION, line: 5, placeholder: null },
      { code: Code.EMPTY_SECTION, line: 11, placeholder: null },
    ]);
    expect(problems('## Предмет\n\nТекст.\n\n##   \n\nТекст.')).toEqual([{ code: Code.EMPTY_HEADING, line: 5, placeholder: null }]);
  });

  it.each(['# Договор', '### Подраздел', '##Предмет', '#хэштег в начале строки'])('reports a line starting with # that is not a heading: %s', (line) => {
    expect(problems(`## Предмет\n\nТекст.\n${line}\n\nТекст.`)).toEqual([{ code: Code.BAD_HEADING, line: 4, placeholder: null }]);
  });

  it('reports numbers typed by hand on headings and clauses, not a clause that starts with an amount', () => {
    expect(problems('## 1. Предмет\n\nТекст.\n\n## II. Цена\n\n2.1. Исполнитель оказывает услуги.\n\n2.2 Заказчик платит.')).toEqual([
      { code: Code.MANUAL_NUMBERING, line: 1, placeholder: null },
      { code: Code.MANUAL_NUMBERING, line: 5, placeholder: null },
      { code: Code.MANUAL_NUMBERING, line: 7, placeholder: null },
      { code: Code.MANUAL_NUMBERING, line: 9, placeholder: null },
    ]);
    expect(parseContractTemplate('## Неустойка\n\n0.1 % от суммы за каждый день.\n\n1.5 per cent a month.\n\n2026 год — год договора.').ok).toBe(true);
  });

  it('reports every problem at once, whole-text problems first, then by line', () => {
    expect(problems('Преамбула {{x}}\n# Заголовок\n{{contract.number')).toEqual([
      { code: Code.NO_SECTIONS, line: null, placeholder: null },
      { code: Code.UNKNOWN_PLACEHOLDER, line: 1, placeholder: 'x' },
      { code: Code.BAD_HEADING, line: 2, placeholder: null },
      { code: Code.UNBALANCED_BRACES, line: 3, placeholder: null },
    ]);
  });

  it(`stops listing after ${MAX_PROBLEMS} problems`, () => {
    const body = '## A\n\n' + Array.from({ length: 200 }, (_, i) => `{{unknown${i}}}`).join('\n');
    const found = problems(body);
    expect(found).toHaveLength(MAX_PROBLEMS);
    expect(found[0]).toEqual({ code: Code.UNKNOWN_PLACEHOLDER, line: 3, placeholder: 'unknown0' });
  });

  it('measures the limit in bytes of UTF-8: 100 KB of Latin text passes, the same number of Cyrillic letters does not', () => {
    const head = '## A\n\n';
    const latin = head + 'a'.repeat(CONTRACT_TEMPLATE_MAX_BYTES - head.length);
    expect(Buffer.byteLength(latin)).toBe(CONTRACT_TEMPLATE_MAX_BYTES);
    expect(parseContractTemplate(latin).ok).toBe(true);
    expect(problems(latin + 'a')).toEqual([{ code: Code.TOO_LONG, line: null, placeholder: null }]);
    expect(problems(head + 'я'.repeat(CONTRACT_TEMPLATE_MAX_BYTES / 2))).toEqual([{ code: Code.TOO_LONG, line: null, placeholder: null }]);
  });

  it('reads a long line of placeholders in linear time', () => {
    const line = '{{contract.number}} '.repeat(4_000);
    const started = Date.now();
    expect(parseContractTemplate(`## A\n\n${line}`).ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('renderContractTemplate', () => {
  const template = parsed(
    'Между {{agency.legalName}} и {{client.legalName}}.\n\n## Предмет\n\nУслуги: {{contract.subject}}.\n\nДоговор № {{ contract.number }}.\n\n## Цена {{contract.currency}}\n\n{{contract.amount}} ({{contract.amountInWords}}), {{contract.vatClause}}.',
  );

  it('puts every value in and numbers sections 1, 2 … and clauses 1.1, 1.2 …', () => {
    expect(renderContractTemplate(template, VALUES)).toEqual({
      preamble: ['Между [agency.legalName] и [client.legalName].'],
      sections: [
        {
          number: '1',
          heading: 'Предмет',
          clauses: [
            { number: '1.1', text: 'Услуги: [contract.subject].' },
            { number: '1.2', text: 'Договор № [contract.number].' },
          ],
        },
        {
          number: '2',
          heading: 'Цена [contract.currency]',
          clauses: [{ number: '2.1', text: '[contract.amount] ([contract.amountInWords]), [contract.vatClause].' }],
        },
      ],
    });
  });

  it('inserts a value as it is: braces in a value are not read as a placeholder', () => {
    const out = renderContractTemplate(template, { ...VALUES, 'contract.subject': 'SEO {{contract.number}} $& $1' });
    expect(out.sections[0].clauses[0].text).toBe('Услуги: SEO {{contract.number}} $& $1.');
  });

  it('throws when a value is missing, naming it, even one this template does not use', () => {
    const { ['contract.endsOn']: _unused, ...partial } = VALUES;
    expect(() => renderContractTemplate(template, partial as Record<Placeholder, string>)).toThrow('contract.endsOn');
  });

  it('throws on a placeholder outside the whitelist (a template that was not parsed)', () => {
    expect(() => renderContractTemplate({ preamble: [], sections: [{ heading: 'A', clauses: ['{{city}}'] }] }, VALUES)).toThrow('city');
  });
});

describe('the built-in templates', () => {
  const PARTIES: Record<Locale, [string, string]> = {
    [Locale.RU]: ['Исполнитель', 'Заказчик'],
    [Locale.BG]: ['ИЗПЪЛНИТЕЛ', 'ВЪЗЛОЖИТЕЛ'],
    [Locale.EN]: ['the Agency', 'the Client'],
  };

  it.each(Object.values(Locale))('%s passes the validator and reads as a whole services contract', (locale) => {
    const template = parsed(DEFAULT_CONTRACT_TEMPLATES[locale]);
    // no opening of its own: the document writes it, with the signatories' names declined
    expect(template.preamble).toEqual([]);
    expect(template.sections.length).toBeGreaterThanOrEqual(10);
    const text = [...template.preamble, ...template.sections.flatMap((s) => [s.heading, ...s.clauses])].join('\n');
    for (const party of PARTIES[locale]) expect(text).toContain(party);
    // the price with its VAT clause, the acceptance period and the parties come from the contract
    for (const p of ['contract.amount', 'contract.amountInWords', 'contract.vatClause', 'contract.actSignDays', 'contract.subject']) {
      expect(text).toContain(`{{${p}}}`);
    }
    expect(Buffer.byteLength(DEFAULT_CONTRACT_TEMPLATES[locale])).toBeLessThan(CONTRACT_TEMPLATE_MAX_BYTES);
  });

  it('says in each language that an act not signed nor refused in time counts as accepted', () => {
    const acceptance = (locale: Locale, heading: RegExp) => {
      const section = parsed(DEFAULT_CONTRACT_TEMPLATES[locale]).sections.find((s) => heading.test(s.heading))!;
      return section.clauses.join('\n');
    };
    expect(acceptance(Locale.RU, /приёмки/)).toMatch(/в течение \{\{contract\.actSignDays\}\}[\s\S]*мотивированный отказ[\s\S]*считаются оказанными надлежащим образом и принятыми/);
    expect(acceptance(Locale.BG, /Приемане/)).toMatch(/в срок до \{\{contract\.actSignDays\}\}[\s\S]*мотивиран писмен отказ[\s\S]*се смятат за приети/);
    expect(acceptance(Locale.EN, /Acceptance/)).toMatch(/Within \{\{contract\.actSignDays\}\}[\s\S]*reasoned refusal[\s\S]*deemed accepted/);
  });

  it.each(Object.values(Locale))('%s renders with every placeholder filled, nothing left in braces', (locale) => {
    const out = renderContractTemplate(parsed(DEFAULT_CONTRACT_TEMPLATES[locale]), VALUES);
    const text = JSON.stringify(out);
    expect(text).not.toMatch(/[{}]{2}/);
    expect(out.sections.map((s) => s.number)).toEqual(out.sections.map((_, i) => String(i + 1)));
  });
});

describe('calendarDays (the value of contract.actSignDays)', () => {
  it.each([
    [1, Locale.RU, '1 календарного дня'],
    [2, Locale.RU, '2 календарных дней'],
    [5, Locale.RU, '5 календарных дней'],
    [11, Locale.RU, '11 календарных дней'],
    [21, Locale.RU, '21 календарного дня'],
    [31, Locale.RU, '31 календарного дня'],
    [1, Locale.BG, '1 календарен ден'],
    [21, Locale.BG, '21 календарни дни'],
    [1, Locale.EN, '1 calendar day'],
    [5, Locale.EN, '5 calendar days'],
  ])('%i in %s: %s', (days, locale, expected) => {
    expect(calendarDays(days, locale)).toBe(expected);
  });
});
