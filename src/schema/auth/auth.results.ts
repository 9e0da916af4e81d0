import { ObjectType } from 'type-graphql';
import { ErrorResult } from '../common/error-result';
import { resultUnion } from '../common/result-union';
import { AuthPayloadType } from './auth.type';

@ObjectType('SignUpTokenInvalidError', {
  implements: ErrorResult,
  description: 'The confirmation link is unknown or was already used (each link works once; a used one has created its agency: sign in). Nothing was created.',
})
export class SignUpTokenInvalidError extends ErrorResult {
  constructor() {
    super('SIGNUP_TOKEN_INVALID', 'This confirmation link is not valid or was already used: sign in, or register again');
  }
}

@ObjectType('SignUpTokenExpiredError', {
  implements: ErrorResult,
  description: 'The confirmation link is older than 24 hours. Register again for a new one. Nothing was created.',
})
export class SignUpTokenExpiredError extends ErrorResult {
  constructor() {
    super('SIGNUP_TOKEN_EXPIRED', 'This confirmation link has expired: register again to get a new one');
  }
}

export const ConfirmSignUpResult = resultUnion(
  'ConfirmSignUpResult',
  'The new owner, logged in (the agency was created), or why the link was refused.',
  AuthPayloadType,
  [SignUpTokenInvalidError, SignUpTokenExpiredError],
);
