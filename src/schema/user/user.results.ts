import { Field, ObjectType } from 'type-graphql';
import { AuthPayloadType } from '../auth/auth.type';
import { ErrorResult } from '../common/error-result';
import { resultUnion } from '../common/result-union';
import { PortalVisible } from '../common/visibility';
import { UserType } from './user.type';

@ObjectType('WrongPasswordError', {
  implements: ErrorResult,
  description: 'The current password given is not right. Nothing was changed.',
})
export class WrongPasswordError extends ErrorResult {
  @PortalVisible()
  @Field({ description: 'The input field at fault (input.oldPassword).' })
  field: string;

  constructor() {
    super('WRONG_PASSWORD', 'The current password is not right');
    this.field = 'input.oldPassword';
  }
}

@ObjectType('PasswordTokenInvalidError', {
  implements: ErrorResult,
  description:
    'The invitation or reset token is unknown, already used, replaced by a newer one or expired, or its user is deactivated. Ask the agency owner for a new one. Nothing was changed.',
})
export class PasswordTokenInvalidError extends ErrorResult {
  constructor() {
    super('PASSWORD_TOKEN_INVALID', 'This link is invalid or has expired; ask the agency owner for a new one');
  }
}

@ObjectType('OwnAccessChangeError', {
  implements: ErrorResult,
  description: 'You cannot deactivate yourself or change your own role; another owner can. Nothing was changed.',
})
export class OwnAccessChangeError extends ErrorResult {
  constructor() {
    super('OWN_ACCESS_CHANGE', 'You cannot deactivate yourself or change your own role; another owner can');
  }
}

@ObjectType('LastOwnerError', {
  implements: ErrorResult,
  description: 'The agency would be left without an active owner. Nothing was changed.',
})
export class LastOwnerError extends ErrorResult {
  constructor() {
    super('LAST_OWNER', 'The agency would be left without an active owner');
  }
}

export const UpdateUserResult = resultUnion('UpdateUserResult', 'The changed user, or why the change was refused.', UserType, [
  OwnAccessChangeError,
  LastOwnerError,
]);

export const DeactivateUserResult = resultUnion('DeactivateUserResult', 'The deactivated user, or why they cannot be deactivated.', UserType, [
  OwnAccessChangeError,
  LastOwnerError,
]);

export const ChangePasswordResult = resultUnion(
  'ChangePasswordResult',
  'A new token with the new password in force (every earlier session of the account is signed out), or why it was not changed.',
  AuthPayloadType,
  [WrongPasswordError],
);

export const ResetPasswordResult = resultUnion(
  'ResetPasswordResult',
  'A token for the user whose password was set (they are logged in), or why the token was refused.',
  AuthPayloadType,
  [PasswordTokenInvalidError],
);
