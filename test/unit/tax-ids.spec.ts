import fc from 'fast-check';
import { validate } from 'class-validator';
import {
  IsBgVatNumber,
  IsEik,
  IsInn,
  IsKpp,
  IsOgrn,
  isValidBgVatNumber,
  isValidEik,
  isValidInn,
  isValidKpp,
  isValidOgrn,
} from '../../src/schema/validators/tax-ids';

// Every "valid" fixture below was checked twice: by these functions and by an independent
// hand/script calculation. The arithmetic is recorded next to each fixture.

const DIGITS = '0123456789'.split('');

/** Replace the last character with the next digit (mod 10), which always breaks a single check digit. */
function bumpLastDigit(v: string): string {
  const last = Number(v[v.length - 1]);
  return v.slice(0, -1) + String((last + 1) % 10);
}

const digitString = (length: number): fc.Arbitrary<string> =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length })
    .map((ds) => ds.join(''));

/** Inputs that no validator in this module may accept. */
const COMMON_GARBAGE = ['', ' ', '\t', '\n', 'abc', '-', '0', null, undefined, 123, {}, []];

describe('isValidInn (Russian INN)', () => {
  it.each([
    // 2*7+4*7+10*0+3*7+5*0+9*8+4*3+6*8+8*9 = 267; 267 mod 11 = 3 -> check 3 (Sberbank)
    ['7707083893'],
    // 2*7+4*7+10*3+3*6+5*2+9*0+4*7+6*5+8*4 = 190; 190 mod 11 = 3 -> check 3 (Yandex)
    ['7736207543'],
    // 185 mod 11 = 9 -> check 9
    ['7710140679'],
    // 141 mod 11 = 9 -> check 9
    ['7702070139'],
    // 12-digit: d11 = 148 mod 11 = 5, d12 = 141 mod 11 = 9
    ['500100732259'],
    // synthetic: weighted sum mod 11 = 10, so the check digit is 10 mod 10 = 0
    ['7700000070'],
  ])('accepts %s', (inn) => {
    expect(isValidInn(inn)).toBe(true);
  });

  it.each([['7707083893'], ['7736207543'], ['7710140679'], ['500100732259'], ['7700000070']])(
    'rejects %s with a wrong last digit',
    (inn) => {
      expect(isValidInn(bumpLastDigit(inn))).toBe(false);
    },
  );

  it('rejects a 12-digit INN whose 11th digit is wrong but 12th matches the original', () => {
    // 500100732259 with digit 11 changed 5 -> 6: d11 check fails.
    expect(isValidInn('500100732269')).toBe(false);
  });

  it.each([
    ['770708389'], // 9 digits
    ['77070838930'], // 11 digits
    ['5001007322590'], // 13 digits
    ['770708389A'],
    ['7707O83893'], // letter O instead of zero
    [' 7707083893'],
    ['7707083893 '],
    ['7707083893\n'],
    ['7707 083893'],
    ['+707083893'],
    ['７７０７０８３８９３'], // full-width digits
    ['٧٧٠٧٠٨٣٨٩٣'], // Arabic-Indic digits
  ])('rejects malformed %j', (inn) => {
    expect(isValidInn(inn)).toBe(false);
  });

  it.each(COMMON_GARBAGE)('rejects %j', (v) => {
    expect(isValidInn(v as string)).toBe(false);
  });
});

describe('isValidKpp (Russian KPP)', () => {
  it.each([['773601001'], ['770401001'], ['7701AB001'], ['50010Z001'], ['000000000']])(
    'accepts %s',
    (kpp) => {
      expect(isValidKpp(kpp)).toBe(true);
    },
  );

  it.each([
    ['77360100'], // 8 chars
    ['7736010011'], // 10 chars
    ['7701ab001'], // lowercase letters
    ['7701АБ001'], // Cyrillic letters
    ['A73601001'], // letter in the first block
    ['7736010A1'], // letter in the last block
    ['7736 01001'],
    [' 773601001'],
    ['773601001 '],
    ['7701-B001'],
  ])('rejects %j', (kpp) => {
    expect(isValidKpp(kpp)).toBe(false);
  });

  it.each(COMMON_GARBAGE)('rejects %j', (v) => {
    expect(isValidKpp(v as string)).toBe(false);
  });
});

describe('isValidOgrn (Russian OGRN / OGRNIP)', () => {
  it.each([
    // 102770013219 mod 11 = 5 -> check 5 (Sberbank)
    ['1027700132195'],
    // 102773985096 mod 11 = 2 -> check 2
    ['1027739850962'],
    // 103773987729 mod 11 = 5 -> check 5
    ['1037739877295'],
    // 102770007051 mod 11 = 8 -> check 8
    ['1027700070518'],
    // synthetic: 102770000002 mod 11 = 10 -> 10 mod 10 = 0
    ['1027700000020'],
    // OGRNIP: 30450011600015 mod 13 = 7 -> check 7
    ['304500116000157'],
    // synthetic OGRNIP: 30450011600005 mod 13 = 10 -> 10 mod 10 = 0
    ['304500116000050'],
  ])('accepts %s', (ogrn) => {
    expect(isValidOgrn(ogrn)).toBe(true);
  });

  it.each([['1027700132195'], ['1027739850962'], ['1027700000020'], ['304500116000157'], ['304500116000050']])(
    'rejects %s with a wrong last digit',
    (ogrn) => {
      expect(isValidOgrn(bumpLastDigit(ogrn))).toBe(false);
    },
  );

  it('handles the largest possible prefixes exactly', () => {
    // 999999999999 mod 11 = 0 -> check 0; 99999999999999 mod 13 = 8 -> check 8
    expect(isValidOgrn('9999999999990')).toBe(true);
    expect(isValidOgrn('9999999999999')).toBe(false);
    expect(isValidOgrn('999999999999998')).toBe(true);
    expect(isValidOgrn('999999999999999')).toBe(false);
  });

  it.each([
    ['102770013219'], // 12 digits
    ['10277001321950'], // 14 digits
    ['3045001160001570'], // 16 digits
    ['102770013219A'],
    [' 1027700132195'],
    ['1027700132195 '],
    ['1027700 132195'],
    ['１０２７７００１３２１９５'], // full-width digits
  ])('rejects malformed %j', (ogrn) => {
    expect(isValidOgrn(ogrn)).toBe(false);
  });

  it.each(COMMON_GARBAGE)('rejects %j', (v) => {
    expect(isValidOgrn(v as string)).toBe(false);
  });
});

describe('isValidEik (Bulgarian EIK / BULSTAT)', () => {
  it.each([
    // 1*8+2*3+3*1+4*9+5*0+6*2+7*0+8*8 = 129; 129 mod 11 = 8 -> check 8
    ['831902088'],
    // 108 mod 11 = 9 -> check 9
    ['121817309'],
    // 137 mod 11 = 5 -> check 5
    ['000695235'],
    // 178 mod 11 = 2 -> check 2
    ['175074752'],
    // 144 mod 11 = 1 -> check 1
    ['831642181'],
    // 112 mod 11 = 2 -> check 2
    ['040683212'],
    // 99 mod 11 = 0 -> check 0
    ['206400170'],
    // first pass 131 mod 11 = 10; weights 3..10: 179 mod 11 = 3 -> check 3
    ['130460283'],
    // synthetic: first pass 175 mod 11 = 10; second pass 259 mod 11 = 6 -> check 6
    ['874553286'],
    // synthetic: first pass 142 mod 11 = 10; second pass 208 mod 11 = 10 -> check 0
    ['870410580'],
  ])('accepts 9-digit %s', (eik) => {
    expect(isValidEik(eik)).toBe(true);
  });

  it.each([
    // Branch codes built on the valid base 831902088; digits 9..12 are weighted [2,7,3,5].
    // 8,0,0,0: 2*8 = 16; 16 mod 11 = 5 -> check 5
    ['8319020880005'],
    // 8,0,0,1: 16+5 = 21 mod 11 = 10; fallback [4,9,5,7]: 32+7 = 39 mod 11 = 6 -> check 6
    ['8319020880016'],
    // 8,0,5,9: 16+15+45 = 76 mod 11 = 10; fallback 32+25+63 = 120 mod 11 = 10 -> check 0
    ['8319020880590'],
    // 9,0,0,0 on base 121817309: 18 mod 11 = 7 -> check 7
    ['1218173090007'],
  ])('accepts 13-digit %s', (eik) => {
    expect(isValidEik(eik)).toBe(true);
  });

  it.each([
    ['831902088'],
    ['121817309'],
    ['206400170'],
    ['130460283'],
    ['870410580'],
    ['8319020880005'],
    ['8319020880016'],
    ['8319020880590'],
  ])('rejects %s with a wrong last digit', (eik) => {
    expect(isValidEik(bumpLastDigit(eik))).toBe(false);
  });

  it('rejects a 13-digit code whose 9-digit base is invalid even if the branch digit matches', () => {
    // Base 831902087 is invalid; branch 7,0,0,0: 14 mod 11 = 3 -> the suffix alone would be fine.
    expect(isValidEik('8319020870003')).toBe(false);
  });

  it.each([
    ['83190208'], // 8 digits
    ['8319020880'], // 10 digits
    ['83190208800'], // 11 digits
    ['831902088000'], // 12 digits
    ['83190208800050'], // 14 digits
    ['83190208A'],
    ['BG831902088'],
    [' 831902088'],
    ['831902088 '],
    ['831 902 088'],
    ['８３１９０２０８８'], // full-width digits
  ])('rejects malformed %j', (eik) => {
    expect(isValidEik(eik)).toBe(false);
  });

  it.each(COMMON_GARBAGE)('rejects %j', (v) => {
    expect(isValidEik(v as string)).toBe(false);
  });
});

describe('isValidBgVatNumber (Bulgarian VAT number)', () => {
  it.each([
    ['BG831902088'],
    ['BG121817309'],
    ['BG130460283'],
    ['BG7523169263'], // 10-digit individual form, EGN checksum intentionally not checked
    ['BG0000000000'],
  ])('accepts %s', (vat) => {
    expect(isValidBgVatNumber(vat)).toBe(true);
  });

  it.each([
    ['BG831902087'], // EIK checksum broken
    ['bg831902088'], // lowercase prefix
    ['Bg831902088'],
    ['BG 831902088'],
    [' BG831902088'],
    ['BG831902088 '],
    ['831902088'], // no prefix
    ['BG'],
    ['BG83190208'], // 8 digits
    ['BG83190208801'], // 11 digits
    ['BG8319020880005'], // 13-digit branch EIK is not a VAT number
    ['RO831902088'],
    ['BG75231692A3'],
    ['ВG831902088'], // Cyrillic В
  ])('rejects %j', (vat) => {
    expect(isValidBgVatNumber(vat)).toBe(false);
  });

  it.each(COMMON_GARBAGE)('rejects %j', (v) => {
    expect(isValidBgVatNumber(v as string)).toBe(false);
  });
});

describe('property tests', () => {
  const countValid = (candidates: string[], check: (v: string) => boolean): number =>
    candidates.filter(check).length;

  it('for any 9 digits exactly one check digit makes a valid 10-digit INN', () => {
    fc.assert(
      fc.property(digitString(9), (prefix) => {
        expect(countValid(DIGITS.map((d) => prefix + d), isValidInn)).toBe(1);
      }),
    );
  });

  it('for any 10 digits exactly one pair of check digits makes a valid 12-digit INN', () => {
    fc.assert(
      fc.property(digitString(10), (prefix) => {
        const candidates = DIGITS.flatMap((a) => DIGITS.map((b) => prefix + a + b));
        expect(countValid(candidates, isValidInn)).toBe(1);
      }),
    );
  });

  it('for any 12 / 14 digits exactly one check digit makes a valid OGRN / OGRNIP', () => {
    fc.assert(
      fc.property(digitString(12), digitString(14), (ogrn, ogrnip) => {
        expect(countValid(DIGITS.map((d) => ogrn + d), isValidOgrn)).toBe(1);
        expect(countValid(DIGITS.map((d) => ogrnip + d), isValidOgrn)).toBe(1);
      }),
    );
  });

  it('for any 8 digits exactly one check digit makes a valid 9-digit EIK, and then one branch check digit', () => {
    fc.assert(
      fc.property(digitString(8), digitString(3), (prefix, branch) => {
        const bases = DIGITS.map((d) => prefix + d).filter(isValidEik);
        expect(bases).toHaveLength(1);
        const base = bases[0]!;
        expect(countValid(DIGITS.map((d) => base + branch + d), isValidEik)).toBe(1);
        // A bad base poisons every branch code built on it.
        expect(countValid(DIGITS.map((d) => bumpLastDigit(base) + branch + d), isValidEik)).toBe(0);
      }),
    );
  });

  it('never throws and rejects any string containing a non-digit (KPP letters aside)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const hasNonDigit = /[^0-9]/.test(s);
        for (const check of [isValidInn, isValidOgrn, isValidEik]) {
          const result = check(s);
          expect(typeof result).toBe('boolean');
          if (hasNonDigit) expect(result).toBe(false);
        }
        expect(typeof isValidKpp(s)).toBe('boolean');
        expect(typeof isValidBgVatNumber(s)).toBe('boolean');
      }),
    );
  });
});

describe('class-validator decorators', () => {
  class Company {
    @IsInn()
    inn: unknown;

    @IsKpp()
    kpp: unknown;

    @IsOgrn()
    ogrn: unknown;

    @IsEik()
    eik: unknown;

    @IsBgVatNumber()
    vat: unknown;
  }

  class Custom {
    @IsInn({ message: 'bad INN' })
    inn: unknown;

    @IsEik({ each: true })
    branches: unknown;
  }

  function company(values: Partial<Record<keyof Company, unknown>>): Company {
    return Object.assign(new Company(), {
      inn: '7707083893',
      kpp: '773601001',
      ogrn: '1027700132195',
      eik: '831902088',
      vat: 'BG831902088',
      ...values,
    });
  }

  it('reports no errors for valid values', async () => {
    await expect(validate(company({}))).resolves.toEqual([]);
    await expect(
      validate(company({ inn: '500100732259', ogrn: '304500116000157', eik: '8319020880005', vat: 'BG7523169263' })),
    ).resolves.toEqual([]);
  });

  it('reports each invalid property by name with the default message', async () => {
    const errors = await validate(
      company({
        inn: '7707083894',
        kpp: '7701ab001',
        ogrn: '1027700132196',
        eik: '831902089',
        vat: 'bg831902088',
      }),
    );
    const byProperty = Object.fromEntries(errors.map((e) => [e.property, e.constraints]));
    expect(Object.keys(byProperty).sort()).toEqual(['eik', 'inn', 'kpp', 'ogrn', 'vat']);
    expect(byProperty.inn).toEqual({
      isInn: 'inn must be a valid Russian INN (10 or 12 digits with a correct checksum)',
    });
    expect(byProperty.kpp).toHaveProperty('isKpp', expect.stringMatching(/^kpp must be a valid Russian KPP/));
    expect(byProperty.ogrn).toHaveProperty('isOgrn', expect.stringMatching(/^ogrn must be a valid Russian OGRN/));
    expect(byProperty.eik).toHaveProperty('isEik', expect.stringMatching(/^eik must be a valid Bulgarian EIK/));
    expect(byProperty.vat).toHaveProperty(
      'isBgVatNumber',
      expect.stringMatching(/^vat must be a valid Bulgarian VAT number/),
    );
  });

  it('reports only the invalid property when the others are valid', async () => {
    const errors = await validate(company({ inn: '7736207544' }));
    expect(errors.map((e) => e.property)).toEqual(['inn']);
  });

  it.each([[7707083893], [null], [undefined], [['7707083893']], [{ toString: () => '7707083893' }]])(
    'rejects non-string value %j',
    async (value) => {
      const errors = await validate(company({ inn: value }));
      expect(errors.map((e) => e.property)).toEqual(['inn']);
    },
  );

  it('rejects a numeric OGRN even though its digits would be valid', async () => {
    // 1027700132195 fits in a double exactly; a non-string must still fail.
    const errors = await validate(company({ ogrn: 1027700132195 }));
    expect(errors.map((e) => e.property)).toEqual(['ogrn']);
  });

  it('honours a custom message and `each`', async () => {
    const ok = Object.assign(new Custom(), { inn: '7707083893', branches: ['831902088', '8319020880016'] });
    await expect(validate(ok)).resolves.toEqual([]);

    const bad = Object.assign(new Custom(), { inn: 'x', branches: ['831902088', '831902080'] });
    const errors = await validate(bad);
    const byProperty = Object.fromEntries(errors.map((e) => [e.property, e.constraints]));
    expect(byProperty.inn).toEqual({ isInn: 'bad INN' });
    expect(byProperty.branches).toEqual({
      isEik: 'each value in branches must be a valid Bulgarian EIK/BULSTAT (9 or 13 digits with a correct checksum)',
    });
  });
});
