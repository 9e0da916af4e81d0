import fc from 'fast-check';
import type { BriefContent } from '../../src/entities/brief.entity';
import { BriefBlock, KpiDirection } from '../../src/entities/enums';
import {
  BRIEF_BLOCKS,
  briefCompleteness,
  checkBlockRules,
  criterionShares,
  isBlockFilled,
  normalizeBlocks,
} from '../../src/services/brief.service';

const FULL: BriefContent = {
  contactInfo: { contactIds: ['00000000-0000-4000-8000-000000000001'], decisionMakers: null, notes: null },
  business: { description: 'Цветы' },
  expectations: { goals: 'Продажи' },
  accessesAndAudit: { accesses: [{ system: 'Директ', granted: false }] },
  kpis: [{ metric: 'CPL', target: '100', direction: KpiDirection.DECREASE }],
  proposalCriteria: [{ criterion: 'Цена', weight: 10 }],
  constraints: { budgetMax: '1000', currency: 'RUB' },
  additionalInfo: 'Что-то ещё',
};

describe('briefCompleteness', () => {
  it('is 0 with every block missing for an empty document', () => {
    for (const content of [{}, null, undefined]) {
      expect(briefCompleteness(content)).toEqual({
        score: '0.00',
        filledBlocks: 0,
        totalBlocks: 8,
        presentBlocks: [],
        missingBlocks: BRIEF_BLOCKS,
      });
    }
  });

  it('is 100 with nothing missing when all eight blocks have content', () => {
    expect(briefCompleteness(FULL)).toEqual({ score: '100.00', filledBlocks: 8, totalBlocks: 8, presentBlocks: BRIEF_BLOCKS, missingBlocks: [] });
  });

  it('gives the exact percentage (k × 12.5) and names the missing blocks in questionnaire order', () => {
    const c = briefCompleteness({ business: FULL.business, kpis: FULL.kpis, constraints: FULL.constraints });
    expect(c.score).toBe('37.50');
    expect(c.filledBlocks).toBe(3);
    expect(c.presentBlocks).toEqual([BriefBlock.BUSINESS, BriefBlock.KPIS, BriefBlock.CONSTRAINTS]);
    expect(c.missingBlocks).toEqual([
      BriefBlock.CONTACT_INFO,
      BriefBlock.EXPECTATIONS,
      BriefBlock.ACCESSES_AND_AUDIT,
      BriefBlock.PROPOSAL_CRITERIA,
      BriefBlock.ADDITIONAL_INFO,
    ]);
    expect(briefCompleteness({ additionalInfo: 'x' }).score).toBe('12.50');
  });

  it('does not count blocks that hold only blanks, empty lists, nulls or a lone currency', () => {
    const hollow: BriefContent = {
      contactInfo: { contactIds: [], decisionMakers: '  ', notes: null },
      business: { description: '', competitors: ['  '] },
      expectations: { goals: null, expectedResults: '\n\t' },
      accessesAndAudit: { accesses: [], analyticsInstalled: [], currentActivity: ' ' },
      kpis: [],
      proposalCriteria: [],
      constraints: { currency: 'EUR', legal: ' ' },
      additionalInfo: '   ',
    };
    expect(briefCompleteness(hollow)).toMatchObject({ score: '0.00', filledBlocks: 0, missingBlocks: BRIEF_BLOCKS });
  });

  it('counts a block filled by any single meaningful field', () => {
    expect(isBlockFilled({ contactInfo: { notes: 'звонить утром' } }, BriefBlock.CONTACT_INFO)).toBe(true);
    expect(isBlockFilled({ business: { competitors: ['x.ru'] } }, BriefBlock.BUSINESS)).toBe(true);
    expect(isBlockFilled({ accessesAndAudit: { analyticsInstalled: ['Метрика'] } }, BriefBlock.ACCESSES_AND_AUDIT)).toBe(true);
    expect(isBlockFilled({ constraints: { startDate: '2026-01-01' } }, BriefBlock.CONSTRAINTS)).toBe(true);
    expect(isBlockFilled({ constraints: { budgetMin: '0', currency: 'RUB' } }, BriefBlock.CONSTRAINTS)).toBe(true);
  });

  it('score × 8 / 100 always equals the number of filled blocks, and filled + missing = the eight blocks', () => {
    const block = fc.constantFrom(...BRIEF_BLOCKS);
    fc.assert(
      fc.property(fc.uniqueArray(block), (blocks) => {
        const content: BriefContent = {};
        for (const b of blocks) {
          const key = (
            {
              CONTACT_INFO: 'contactInfo',
              BUSINESS: 'business',
              EXPECTATIONS: 'expectations',
              ACCESSES_AND_AUDIT: 'accessesAndAudit',
              KPIS: 'kpis',
              PROPOSAL_CRITERIA: 'proposalCriteria',
              CONSTRAINTS: 'constraints',
              ADDITIONAL_INFO: 'additionalInfo',
            } as const
          )[b];
          (content as Record<string, unknown>)[key] = FULL[key];
        }
        const c = briefCompleteness(content);
        expect(Number(c.score) * 8 / 100).toBe(blocks.length);
        expect(c.filledBlocks).toBe(blocks.length);
        expect([...c.presentBlocks, ...c.missingBlocks].sort()).toEqual([...BRIEF_BLOCKS].sort());
      }),
    );
  });
});

describe('criterionShares', () => {
  it('normalises the weights to shares of the total', () => {
    expect(criterionShares([{ criterion: 'a', weight: 60 }, { criterion: 'b', weight: 40 }])).toEqual([
      { criterion: 'a', weight: 60, share: '0.6', sharePercent: '60.00' },
      { criterion: 'b', weight: 40, share: '0.4', sharePercent: '40.00' },
    ]);
    expect(criterionShares([{ criterion: 'a', weight: 2 }, { criterion: 'b', weight: 1 }]).map((c) => c.sharePercent)).toEqual(['66.67', '33.33']);
    expect(criterionShares(null)).toEqual([]);
  });
});

describe('normalizeBlocks and checkBlockRules', () => {
  it('trims text, drops blank list entries and stores an empty block as null', () => {
    const out = normalizeBlocks({
      business: { description: '  Цветы ', competitors: [' a.ru ', ''] },
      expectations: { goals: '   ' },
      kpis: [],
      additionalInfo: ' ',
    } as any);
    expect(out.business).toMatchObject({ description: 'Цветы', competitors: ['a.ru'] });
    expect(out.expectations).toBeNull();
    expect(out.kpis).toBeNull();
    expect(out.additionalInfo).toBeNull();
    expect('constraints' in out).toBe(false); // not given: kept as it is
  });

  it('names the field at fault for cross-field rules', () => {
    const paths = (input: any) => checkBlockRules(normalizeBlocks(input)).map((e) => e.path);
    expect(paths({ constraints: { budgetMin: '10', budgetMax: '9.99', currency: 'RUB' } })).toEqual(['input.constraints.budgetMax']);
    expect(paths({ constraints: { budgetMin: '10' } })).toEqual(['input.constraints.currency']);
    expect(paths({ constraints: { startDate: '2026-02-01', endDate: '2026-01-31' } })).toEqual(['input.constraints.endDate']);
    expect(paths({ constraints: { budgetMin: '10', budgetMax: '10', currency: 'RUB', startDate: '2026-01-01', endDate: '2026-01-01' } })).toEqual([]);
    expect(paths({ proposalCriteria: [{ criterion: 'Цена', weight: 1 }, { criterion: 'ЦЕНА', weight: 2 }] })).toEqual(['input.proposalCriteria.1.criterion']);
  });
});
