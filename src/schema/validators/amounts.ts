import { buildMessage, ValidateBy, ValidationOptions } from 'class-validator';

/** Fits a document line quantity, numeric(18,3): positive, at most 15 integer and 3 fractional digits. */
export function isQuantity(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{1,15}(\.\d{1,3})?$/.test(value)) return false;
  return /[1-9]/.test(value);
}

/** Fits a VAT percentage numeric(5,2) between 0 and 100 with at most 2 decimals. */
export function isVatRate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{1,3}(\.\d{1,2})?$/.test(value)) return false;
  return Number(value) <= 100;
}

export function IsQuantity(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isQuantity',
      validator: {
        validate: (value) => isQuantity(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a positive quantity with at most 15 integer and 3 fractional digits, e.g. "1" or "2.5"`,
          options,
        ),
      },
    },
    options,
  );
}

export function IsVatRate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isVatRate',
      validator: {
        validate: (value) => isVatRate(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a percentage from 0 to 100 with at most 2 decimals, e.g. "22"`, options),
      },
    },
    options,
  );
}
