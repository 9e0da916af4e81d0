import { Locale } from '../../../entities/enums';
import { BG_CONTRACT_TEMPLATE } from './bg';
import { EN_CONTRACT_TEMPLATE } from './en';
import { RU_CONTRACT_TEMPLATE } from './ru';

/** The built-in clause text of each language: what an agency prints until it saves its own. */
export const DEFAULT_CONTRACT_TEMPLATES: Readonly<Record<Locale, string>> = {
  [Locale.RU]: RU_CONTRACT_TEMPLATE,
  [Locale.BG]: BG_CONTRACT_TEMPLATE,
  [Locale.EN]: EN_CONTRACT_TEMPLATE,
};
