/**
 * A party's requisites as the lines printed under its name, in the document's language and in
 * the order accountants expect: tax ids, address, then bank details. Empty fields are left out.
 */
import type { Labeller } from '../i18n/labels';
import type { PartyModel } from './party.data';

export function partyLines(p: PartyModel, l: Labeller, options: { bank?: boolean } = {}): string[] {
  const lines: string[] = [];
  const ids = [
    p.inn && `${l('common.inn')} ${p.inn}`,
    p.kpp && `${l('common.kpp')} ${p.kpp}`,
    p.ogrn && `${l('common.ogrn')} ${p.ogrn}`,
    p.eik && `${l('common.eik')} ${p.eik}`,
    p.vatNumber && `${l('common.vatNumber')} ${p.vatNumber}`,
  ].filter(Boolean) as string[];
  if (ids.length) lines.push(ids.join(', '));
  if (p.address) lines.push(p.address);
  if (options.bank !== false) {
    if (p.bankName) lines.push(`${l('common.bank')}: ${p.bankName}`);
    const bank = [
      p.bic && `${l('common.bic')} ${p.bic}`,
      p.settlementAccount && `${l('common.settlementAccount')} ${p.settlementAccount}`,
      p.correspondentAccount && `${l('common.correspondentAccount')} ${p.correspondentAccount}`,
      p.iban && `${l('common.iban')} ${p.iban}`,
    ].filter(Boolean) as string[];
    if (bank.length) lines.push(bank.join(', '));
  }
  return lines;
}
