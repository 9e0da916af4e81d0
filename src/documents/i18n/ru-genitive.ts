/**
 * The genitive case a Russian contract needs for its signatories: «в лице Генерального директора
 * Ивановой А. И., действующей на основании Устава». Names and positions are stored in the
 * nominative, so the preamble declines them here.
 *
 * Deliberately narrow: only shapes whose genitive is certain are declined (surnames in -ов/-ин,
 * -ский, -ова/-ская, consonant endings …, and the indeclinable ones kept as they are; positions
 * made of adjectives and one head noun). First
 * names and patronymics are reduced to initials, which never change, so irregular first names
 * (Пётр → Петра, Лев → Льва) never matter. Anything else returns null, and the caller writes a
 * phrase that needs no declension.
 */

export type Gender = 'male' | 'female';

export interface RuSignatory {
  /** "Иванова А. И." */
  genitive: string;
  /** "Иванова А. И." in the nominative: the form under a signature line */
  short: string;
  gender: Gender;
}

const HUSHING = /[гкхжшчщ]$/i;

function genderOfPatronymic(patronymic: string): Gender | null {
  if (/(ович|евич|ьич|ич)$/i.test(patronymic)) return 'male';
  if (/(овна|евна|ична|инична)$/i.test(patronymic)) return 'female';
  return null;
}

/** The genitive of a surname of a known gender, or null when its declension is not certain. */
export function surnameGenitive(surname: string, gender: Gender): string | null {
  const s = surname;
  const lower = s.toLowerCase();
  // hyphenated surnames decline part by part (Петров-Водкин → Петрова-Водкина)
  if (lower.includes('-')) {
    const parts = s.split('-').map((p) => surnameGenitive(p, gender));
    return parts.every((p) => p !== null) ? parts.join('-') : null;
  }
  if (!/^[а-яё]{2,}$/i.test(s)) return null;
  // indeclinable in both genders: Черных, Шевченко, Дурново, Ковалёву…
  if (/(ых|их|[оеиуыэю])$/i.test(lower)) return s;
  if (gender === 'male') {
    if (/(ов|ев|ёв|ин|ын)$/i.test(lower)) return s + 'а';
    if (/ский$|цкий$/i.test(lower)) return s.slice(0, -2) + 'ого';
    if (/(ый|ой)$/i.test(lower)) return s.slice(0, -2) + 'ого';
    if (/ий$/i.test(lower)) return s.slice(0, -2) + (/[гкх]$/i.test(s.slice(0, -2)) ? 'ого' : 'его');
    if (/[аеёиоуыэюя]й$/i.test(lower)) return s.slice(0, -1) + 'я';
    if (/ь$/i.test(lower)) return s.slice(0, -1) + 'я';
    if (/я$/i.test(lower)) return s.slice(0, -1) + 'и';
    if (/а$/i.test(lower)) return s.slice(0, -1) + (HUSHING.test(s.slice(0, -1)) ? 'и' : 'ы');
    if (/[бвгджзклмнпрстфхцчшщ]$/i.test(lower)) return s + 'а';
    return null;
  }
  if (/(ова|ева|ёва|ина|ына)$/i.test(lower)) return s.slice(0, -1) + 'ой';
  if (/(ская|цкая)$/i.test(lower)) return s.slice(0, -2) + 'ой';
  // Толстая → Толстой; after a hushing consonant the ending depends on the stress (Большая, Хорошая)
  if (/ая$/i.test(lower)) return /[жшчщ]$/i.test(s.slice(0, -2)) ? null : s.slice(0, -2) + 'ой';
  if (/яя$/i.test(lower)) return s.slice(0, -2) + 'ей';
  // a woman's surname ending in a consonant or a soft sign does not decline (Шевчук, Гоголь)
  if (/[бвгджзклмнпрстфхцчшщь]$/i.test(lower)) return s;
  return null;
}

/** The gender a surname shows by itself (Орлова, Петровская / Орлов, Петровский), or null. */
function genderOfSurname(surname: string): Gender | null {
  if (/(ова|ева|ёва|ина|ына|ская|цкая)$/i.test(surname)) return 'female';
  if (/(ов|ев|ёв|ин|ын|ский|цкий)$/i.test(surname)) return 'male';
  return null;
}

const INITIALS = /^([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s+([А-ЯЁ])\.\s*([А-ЯЁ])\.$/;

/**
 * A name written "Surname Name Patronymic" (the Russian order) or already "Surname N. P." as its
 * genitive with initials, or null when the order, the gender or the surname's declension cannot
 * be told for certain (with initials only, the surname itself must show the gender).
 */
export function signatoryGenitive(fullName: string): RuSignatory | null {
  const trimmed = fullName.trim();
  const abbreviated = INITIALS.exec(trimmed);
  let surname: string;
  let initials: string;
  let gender: Gender | null;
  if (abbreviated) {
    [, surname] = abbreviated;
    initials = `${abbreviated[2]}.\u00a0${abbreviated[3]}.`;
    gender = genderOfSurname(surname);
  } else {
    const words = trimmed.split(/\s+/);
    if (words.length !== 3) return null;
    const [name, patronymic] = [words[1], words[2]];
    if (!/^[А-ЯЁ][а-яё]+$/.test(name) || !/^[А-ЯЁ][а-яё]+$/.test(patronymic)) return null;
    surname = words[0];
    initials = `${name[0]}.\u00a0${patronymic[0]}.`;
    gender = genderOfPatronymic(patronymic);
  }
  if (!gender) return null;
  const genitive = surnameGenitive(surname, gender);
  if (!genitive) return null;
  return { genitive: `${genitive}\u00a0${initials}`, short: `${surname}\u00a0${initials}`, gender };
}

/** The nominative short form "Иванов И. И." of a Russian name (full or already short); the name as given otherwise. */
export function shortName(fullName: string): string {
  const trimmed = fullName.trim();
  const abbreviated = INITIALS.exec(trimmed);
  if (abbreviated) return `${abbreviated[1]}\u00a0${abbreviated[2]}.\u00a0${abbreviated[3]}.`;
  const words = trimmed.split(/\s+/);
  if (words.length === 3 && words.every((w) => /^[А-ЯЁ][а-яё-]+$/.test(w)) && genderOfPatronymic(words[2])) {
    return `${words[0]}\u00a0${words[1][0]}.\u00a0${words[2][0]}.`;
  }
  return trimmed;
}

/** The genitive of one adjective (or participle used as a noun): генеральный → генерального. */
function adjectiveGenitive(word: string): string | null {
  const lower = word.toLowerCase();
  if (/(ый|ой)$/.test(lower)) return word.slice(0, -2) + 'ого';
  // коммерческий → коммерческого, старший → старшего, управляющий → управляющего
  if (/ий$/.test(lower)) return word.slice(0, -2) + (/[гкх]$/.test(lower.slice(0, -2)) ? 'ого' : 'его');
  return null;
}

/** The genitive of a masculine noun heading a position: директор → директора, председатель → председателя. */
function nounGenitive(word: string): string | null {
  const lower = word.toLowerCase();
  if (/ь$/.test(lower)) return word.slice(0, -1) + 'я';
  if (/[аеёиоуыэю]й$/.test(lower)) return word.slice(0, -1) + 'я';
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(lower)) return word + 'а';
  return null;
}

const ADJECTIVE = /(ый|ий|ой)$/i;

/**
 * A position's genitive: the leading adjectives and the head noun decline, what follows is already
 * a genitive complement and stays («Председатель правления» → «Председателя правления»,
 * «Управляющий партнёр» → «Управляющего партнёра», «Управляющий» → «Управляющего»). Null for
 * anything else (a feminine noun, an abbreviation, a word in Latin letters).
 */
export function positionGenitive(position: string): string | null {
  const words = position.trim().split(/\s+/);
  if (!words.length || !words.every((w) => /^[а-яё-]+$/i.test(w))) return null;
  const out = [...words];
  let i = 0;
  while (i < words.length && ADJECTIVE.test(words[i])) {
    const g = adjectiveGenitive(words[i]);
    if (!g) return null;
    out[i] = g;
    i++;
  }
  if (i < words.length) {
    const g = nounGenitive(words[i]);
    if (!g) return null;
    out[i] = g;
  }
  return out.join(' ');
}
