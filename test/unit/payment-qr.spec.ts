import {
  EPC_MAX_BYTES,
  epcPaymentPayload,
  EpcPaymentInput,
  gostPaymentPayload,
  GostPaymentInput,
  parseEpcPayload,
  parseGostPayload,
  PaymentQrError,
  PaymentQrProblem,
} from '../../src/documents/qr/payment-qr';

// Requisites of real banks, so the account control keys are the Bank of Russia's own:
// Sberbank (БИК 044525225, к/с 30101810400000000225), Raiffeisenbank (044525700, 30101810200000000700).
const GOST: GostPaymentInput = {
  name: 'ООО «Ромашка»',
  personalAcc: '40702810138250123017',
  bankName: 'ПАО Сбербанк',
  bic: '044525225',
  correspAcc: '30101810400000000225',
  sum: '125000.50',
  purpose: 'Оплата по счёту № 42 от 15.03.2026',
};

const EPC: EpcPaymentInput = {
  name: 'Агенция Ромашка ЕООД',
  iban: 'BG80BNBG96611020345678',
  bic: 'BNBGBGSD',
  amount: '1250.50',
  remittance: 'Фактура № 42',
};

/** The PaymentQrError a call throws (fails when it throws nothing or something else). */
function refusal(call: () => unknown): { field: string; problem: PaymentQrProblem } {
  try {
    call();
  } catch (e) {
    if (e instanceof PaymentQrError) return { field: e.field, problem: e.problem };
    throw e;
  }
  throw new Error('expected a PaymentQrError, nothing was thrown');
}

describe('gostPaymentPayload (ГОСТ Р 56042-2014)', () => {
  it('writes the UTF-8 header, the mandatory requisites, the sum in kopecks and the optional ones in order', () => {
    expect(gostPaymentPayload({ ...GOST, payeeInn: '7707083893', kpp: '773601001', docNo: '42', docDate: '2026-03-15' })).toBe(
      'ST00012|Name=ООО «Ромашка»|PersonalAcc=40702810138250123017|BankName=ПАО Сбербанк|BIC=044525225' +
        '|CorrespAcc=30101810400000000225|Sum=12500050|Purpose=Оплата по счёту № 42 от 15.03.2026' +
        '|PayeeINN=7707083893|KPP=773601001|DocNo=42|DocDate=15.03.2026',
    );
  });

  it('leaves out the optional requisites that are absent or blank', () => {
    expect(gostPaymentPayload({ ...GOST, payeeInn: null, kpp: '  ', docNo: undefined, docDate: '' })).toBe(
      'ST00012|Name=ООО «Ромашка»|PersonalAcc=40702810138250123017|BankName=ПАО Сбербанк|BIC=044525225' +
        '|CorrespAcc=30101810400000000225|Sum=12500050|Purpose=Оплата по счёту № 42 от 15.03.2026',
    );
  });

  it.each([
    ['1', '100'],
    ['0.5', '50'],
    ['0.05', '5'],
    ['1250.5', '125050'],
    ['007.05', '705'],
    ['9999999999999999.99', '999999999999999999'],
  ])('sum %s roubles is Sum=%s kopecks, exactly', (sum, kopecks) => {
    expect(parseGostPayload(gostPaymentPayload({ ...GOST, sum })).fields.Sum).toBe(kopecks);
  });

  it('a "|" inside a value becomes "/", so it cannot split the value into a false requisite', () => {
    const payload = gostPaymentPayload({ ...GOST, name: 'ИП Иванов | Реклама', purpose: 'Оплата по счёту № 42|Sum=1' });
    expect(payload).toContain('|Name=ИП Иванов / Реклама|');
    expect(payload).toContain('|Purpose=Оплата по счёту № 42/Sum=1');
    const { fields } = parseGostPayload(payload);
    expect(Object.keys(fields)).toEqual(['Name', 'PersonalAcc', 'BankName', 'BIC', 'CorrespAcc', 'Sum', 'Purpose']);
    expect(fields.Sum).toBe('12500050');
  });

  it('line breaks and runs of spaces in a text become one space', () => {
    const { fields } = parseGostPayload(gostPaymentPayload({ ...GOST, purpose: '  Оплата\r\nпо счёту\t№ 42  ' }));
    expect(fields.Purpose).toBe('Оплата по счёту № 42');
  });

  it('a bank name over the format\'s 45 characters is cut (the BIC identifies the bank)', () => {
    const bankName = 'ФИЛИАЛ «ЦЕНТРАЛЬНЫЙ» БАНКА ВТБ (ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО)';
    const written = parseGostPayload(gostPaymentPayload({ ...GOST, bankName })).fields.BankName;
    expect(written).toBe('ФИЛИАЛ «ЦЕНТРАЛЬНЫЙ» БАНКА ВТБ (ПУБЛИЧНОЕ АКЦ');
    expect([...written]).toHaveLength(45);
  });

  it('takes another real bank\'s requisites, and CorrespAcc "0" for an account without a correspondent account', () => {
    const raiffeisen = { ...GOST, personalAcc: '40702810800001400002', bic: '044525700', correspAcc: '30101810200000000700' };
    expect(gostPaymentPayload(raiffeisen)).toContain('|PersonalAcc=40702810800001400002|BankName=ПАО Сбербанк|BIC=044525700|CorrespAcc=30101810200000000700|');
    expect(gostPaymentPayload({ ...GOST, correspAcc: '0' })).toContain('|CorrespAcc=0|');
  });

  it.each<[string, Partial<GostPaymentInput>, string, PaymentQrProblem]>([
    ['a BIC of 8 digits', { bic: '04452522' }, 'bic', 'format'],
    ['a BIC with a letter', { bic: '04452522A' }, 'bic', 'format'],
    ['a 19-digit account', { personalAcc: '4070281013825012301' }, 'personalAcc', 'format'],
    ['a 21-digit account', { personalAcc: '407028101382501230170' }, 'personalAcc', 'format'],
    ['an account with one digit mistyped', { personalAcc: '40702810138250123018' }, 'personalAcc', 'checksum'],
    ['an account of another bank (control key against this BIC)', { personalAcc: '40702810800001400002' }, 'personalAcc', 'checksum'],
    ['a correspondent account of another bank', { correspAcc: '30101810200000000700' }, 'correspAcc', 'checksum'],
    ['a correspondent account of 19 digits', { correspAcc: '3010181040000000022' }, 'correspAcc', 'format'],
    ['no correspondent account at all', { correspAcc: '' }, 'correspAcc', 'missing'],
    ['no payee name', { name: '   ' }, 'name', 'missing'],
    ['a payee name over 160 characters', { name: 'Ж'.repeat(161) }, 'name', 'too-long'],
    ['no bank name', { bankName: '' }, 'bankName', 'missing'],
    ['no purpose', { purpose: '\n' }, 'purpose', 'missing'],
    ['a purpose over 210 characters', { purpose: 'О'.repeat(211) }, 'purpose', 'too-long'],
    ['a zero sum', { sum: '0.00' }, 'sum', 'range'],
    ['a negative sum', { sum: '-10.00' }, 'sum', 'format'],
    ['a sum with a comma', { sum: '1250,50' }, 'sum', 'format'],
    ['a sum with three decimals', { sum: '1250.505' }, 'sum', 'format'],
    ['a sum with a thousands separator', { sum: '1 250.50' }, 'sum', 'format'],
    ['a sum over 18 digits of kopecks', { sum: '10000000000000000' }, 'sum', 'range'],
    ['an ИНН with a wrong check digit', { payeeInn: '7707083894' }, 'payeeInn', 'checksum'],
    ['an ИНН of 11 digits', { payeeInn: '77070838931' }, 'payeeInn', 'format'],
    ['a malformed КПП', { kpp: '77360100' }, 'kpp', 'format'],
    ['a document number over 15 characters', { docNo: '1234567890123456' }, 'docNo', 'too-long'],
    ['a date that does not exist', { docDate: '2026-02-30' }, 'docDate', 'format'],
    ['a date not in ISO form', { docDate: '15.03.2026' }, 'docDate', 'format'],
  ])('refuses %s, naming the field', (_, change, field, problem) => {
    expect(refusal(() => gostPaymentPayload({ ...GOST, ...change }))).toEqual({ field, problem });
  });

  it('refuses a missing requisite even when the caller\'s types were bypassed', () => {
    expect(refusal(() => gostPaymentPayload({ ...GOST, bic: undefined as unknown as string }))).toEqual({ field: 'bic', problem: 'missing' });
  });

  it('the error is an Error whose message names the field', () => {
    expect(() => gostPaymentPayload({ ...GOST, bic: '123' })).toThrow(/^bic: must be a 9-digit БИК/);
  });
});

describe('parseGostPayload', () => {
  it('reads the encoding and the requisites, with the separator the header is followed by', () => {
    expect(parseGostPayload('ST00011#Name=ООО «А|Б»#PersonalAcc=40702810138250123017#BankName=Банк#BIC=044525225#CorrespAcc=0#Sum=100#')).toEqual({
      version: '0001',
      encoding: 'windows-1251',
      fields: { Name: 'ООО «А|Б»', PersonalAcc: '40702810138250123017', BankName: 'Банк', BIC: '044525225', CorrespAcc: '0', Sum: '100' },
    });
  });

  it.each([
    ['no header', 'Name=А|PersonalAcc=1|BankName=Б|BIC=1|CorrespAcc=0'],
    ['an unknown encoding', 'ST00019|Name=А|PersonalAcc=1|BankName=Б|BIC=1|CorrespAcc=0'],
    ['a mandatory requisite missing', 'ST00012|Name=А|PersonalAcc=1|BankName=Б|BIC=1'],
    ['a segment without "="', 'ST00012|Name=А|PersonalAcc|BankName=Б|BIC=1|CorrespAcc=0'],
    ['a requisite twice', 'ST00012|Name=А|Name=Б|PersonalAcc=1|BankName=Б|BIC=1|CorrespAcc=0'],
  ])('refuses %s', (_, payload) => {
    expect(() => parseGostPayload(payload)).toThrow(PaymentQrError);
  });
});

describe('epcPaymentPayload (EPC069-12, SEPA Credit Transfer)', () => {
  it('writes the eleven lines: BCD, version 002, UTF-8, SCT, BIC, name, IBAN, amount, two empty lines, remittance', () => {
    expect(epcPaymentPayload(EPC)).toBe('BCD\n002\n1\nSCT\nBNBGBGSD\nАгенция Ромашка ЕООД\nBG80BNBG96611020345678\nEUR1250.50\n\n\nФактура № 42');
  });

  it('leaves the BIC line empty when there is no BIC (version 002), and normalises IBAN and BIC', () => {
    expect(epcPaymentPayload({ ...EPC, bic: null })).toBe('BCD\n002\n1\nSCT\n\nАгенция Ромашка ЕООД\nBG80BNBG96611020345678\nEUR1250.50\n\n\nФактура № 42');
    const lines = epcPaymentPayload({ ...EPC, iban: 'de89 3704 0044 0532 0130 00', bic: 'cobadeffxxx' }).split('\n');
    expect([lines[4], lines[6]]).toEqual(['COBADEFFXXX', 'DE89370400440532013000']);
  });

  it.each([
    ['0.01', 'EUR0.01'],
    ['1', 'EUR1.00'],
    ['12.3', 'EUR12.30'],
    ['0012.30', 'EUR12.30'],
    ['999999999.99', 'EUR999999999.99'],
  ])('amount %s is written %s', (amount, line) => {
    expect(epcPaymentPayload({ ...EPC, amount }).split('\n')[7]).toBe(line);
  });

  it('a line break in the remittance becomes a space and cannot shift the lines', () => {
    const payload = epcPaymentPayload({ ...EPC, remittance: 'Фактура\n№ 42\r\nBG80BNBG96611020345678' });
    expect(payload.split('\n')).toHaveLength(11);
    expect(parseEpcPayload(payload).remittance).toBe('Фактура № 42 BG80BNBG96611020345678');
  });

  it.each<[string, Partial<EpcPaymentInput>, string, PaymentQrProblem]>([
    ['an IBAN with wrong check digits', { iban: 'BG81BNBG96611020345678' }, 'iban', 'checksum'],
    ['an IBAN with one character mistyped', { iban: 'BG80BNBG96611020345679' }, 'iban', 'checksum'],
    ['an IBAN that is too short', { iban: 'BG80BNBG9661' }, 'iban', 'format'],
    ['an IBAN with a symbol', { iban: 'BG80BNBG9661102034567-' }, 'iban', 'format'],
    ['no IBAN', { iban: '' }, 'iban', 'missing'],
    ['a BIC of 9 characters', { bic: 'BNBGBGSDX' }, 'bic', 'format'],
    ['a Russian БИК instead of a SWIFT BIC', { bic: '044525225' }, 'bic', 'format'],
    ['an amount over the limit', { amount: '1000000000.00' }, 'amount', 'range'],
    ['a zero amount', { amount: '0.00' }, 'amount', 'range'],
    ['an amount with a comma', { amount: '1250,50' }, 'amount', 'format'],
    ['an amount with three decimals', { amount: '0.001' }, 'amount', 'format'],
    ['a negative amount', { amount: '-1' }, 'amount', 'format'],
    ['no name', { name: '' }, 'name', 'missing'],
    ['a name over 70 characters', { name: 'N'.repeat(71) }, 'name', 'too-long'],
    ['a remittance over 140 characters', { remittance: 'R'.repeat(141) }, 'remittance', 'too-long'],
    ['no remittance', { remittance: ' ' }, 'remittance', 'missing'],
  ])('refuses %s, naming the field', (_, change, field, problem) => {
    expect(refusal(() => epcPaymentPayload({ ...EPC, ...change }))).toEqual({ field, problem });
  });

  it(`refuses a payload over ${EPC_MAX_BYTES} bytes even when each element is within its length`, () => {
    // 70 + 140 Cyrillic characters are 420 bytes in UTF-8.
    const long = { ...EPC, name: 'Я'.repeat(70), remittance: 'Ж'.repeat(140) };
    expect(refusal(() => epcPaymentPayload(long))).toEqual({ field: 'remittance', problem: 'too-long' });
    const fits = { ...EPC, name: 'N'.repeat(70), remittance: 'R'.repeat(140) };
    expect(Buffer.byteLength(epcPaymentPayload(fits), 'utf8')).toBeLessThanOrEqual(EPC_MAX_BYTES);
  });
});

describe('parseEpcPayload', () => {
  it('reads LF and CR LF payloads, with the amount or without it', () => {
    expect(parseEpcPayload('BCD\r\n001\r\n2\r\nSCT\r\nCOBADEFFXXX\r\nWikimedia\r\nDE89370400440532013000\r\nEUR20\r\nCHAR\r\n\r\nSpende')).toEqual({
      version: '001',
      characterSet: 2,
      bic: 'COBADEFFXXX',
      name: 'Wikimedia',
      iban: 'DE89370400440532013000',
      amount: '20',
      purpose: 'CHAR',
      reference: '',
      remittance: 'Spende',
      information: '',
    });
    expect(parseEpcPayload('BCD\n002\n1\nSCT\n\nWikimedia\nDE89370400440532013000').amount).toBeNull();
  });

  it.each([
    ['another service tag', 'BCX\n002\n1\nSCT\n\nN\nDE89370400440532013000'],
    ['an unknown version', 'BCD\n003\n1\nSCT\n\nN\nDE89370400440532013000'],
    ['an unknown character set', 'BCD\n002\n9\nSCT\n\nN\nDE89370400440532013000'],
    ['another identification', 'BCD\n002\n1\nINST\n\nN\nDE89370400440532013000'],
    ['an amount in another currency', 'BCD\n002\n1\nSCT\n\nN\nDE89370400440532013000\nUSD1.00'],
    ['too few lines', 'BCD\n002\n1\nSCT\n\nN'],
  ])('refuses %s', (_, payload) => {
    expect(() => parseEpcPayload(payload)).toThrow(PaymentQrError);
  });
});
