import { Matches } from 'class-validator';

/** A text that is not only white space (trimmed by the service before it is stored). */
export function NotBlank(): PropertyDecorator {
  return Matches(/\S/, { message: ({ property }) => `${property} must not be blank` });
}
