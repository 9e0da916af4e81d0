/**
 * The city a document is signed in, read from an address only where its form leaves no doubt:
 * "123456, г. Москва, ул. Ленина, д. 1", "г.Санкт-Петербург, …", "гр. София, бул. …",
 * "София 1000, ул. …", "1000 София, …", "125009, Москва, …". Anything else (a region before the
 * city, a village, a Latin address) gives null and the document leaves a blank to fill in by hand.
 */

// words after a space are capitalised (Нижний Новгород, Стара Загора); after a hyphen any (Ростов-на-Дону)
const CYRILLIC_NAME = '[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]*| [А-ЯЁ][а-яё]+)*';

const FORMS: RegExp[] = [
  // "г. Москва", "г.Санкт-Петербург", "город Москва", "гр. София", "град Пловдив"
  new RegExp(`(?:^|[,\\s])(?:г\\.|гр\\.|город|град)\\s*(${CYRILLIC_NAME})\\s*(?=,|$)`),
  // a Russian postcode and a bare city, then a comma: "125009, Москва, …"
  new RegExp(`^\\d{6},\\s*(${CYRILLIC_NAME})\\s*,`),
  // a Bulgarian city with its postcode after or before it: "София 1000, …", "1000 София, …"
  new RegExp(`^(${CYRILLIC_NAME})\\s+\\d{4}\\s*(?:,|$)`),
  new RegExp(`^\\d{4}\\s+(${CYRILLIC_NAME})\\s*(?:,|$)`),
];

/** Words that make the match a region or a district, not a city. */
const NOT_A_CITY = /(?:^|\s)(?:обл|область|край|район|р-н|област|община|село|с|пос|поселок|посёлок)\.?(?:\s|$)/i;

export function cityOfAddress(address: string | null | undefined): string | null {
  const text = address?.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  for (const form of FORMS) {
    const m = form.exec(text);
    if (m && !NOT_A_CITY.test(m[1])) return m[1];
  }
  return null;
}
