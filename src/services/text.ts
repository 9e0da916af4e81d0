import { BadUserInputError } from '../errors';
import { msg } from '../i18n';

/**
 * Free text as stored: trimmed, and null when nothing is left, so that "", "  " and null all
 * mean "not given".
 */
export function trimOrNull(value: string | null | undefined): string | null {
  const t = value?.trim();
  return t ? t : null;
}

/**
 * Like trimOrNull for text that must be given: BAD_USER_INPUT at `path` when it is missing or
 * blank. The field named in the message is the last segment of the path.
 */
export function requireText(
  value: string | null | undefined,
  path: string,
  messageKey: 'validation.notBlank' | 'validation.notEmpty' = 'validation.notBlank',
): string {
  const t = trimOrNull(value);
  if (!t) throw new BadUserInputError([{ path, message: msg(messageKey, { field: path.slice(path.lastIndexOf('.') + 1) }) }]);
  return t;
}
