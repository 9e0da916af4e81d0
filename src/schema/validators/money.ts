import { buildMessage, ValidateBy, ValidationOptions } from 'class-validator';

export const IS_MONEY = 'isMoney';

/**
 * An amount that fits numeric(18,2): at most 16 integer and 2 fractional digits, so nothing is
 * silently rounded or overflows in the database. `allowNegative` for signed adjustments.
 */
export function isMoney(value: unknown, allowNegative = false): boolean {
  if (typeof value !== 'string') return false;
  const re = allowNegative ? /^-?\d{1,16}(\.\d{1,2})?$/ : /^\d{1,16}(\.\d{1,2})?$/;
  return re.test(value);
}

export function IsMoney(options?: ValidationOptions & { allowNegative?: boolean }): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_MONEY,
      validator: {
        validate: (value) => isMoney(value, options?.allowNegative),
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be ${options?.allowNegative ? 'an' : 'a non-negative'} amount with at most 16 integer and 2 fractional digits, e.g. "1234.50"`,
          options,
        ),
      },
    },
    options,
  );
}
