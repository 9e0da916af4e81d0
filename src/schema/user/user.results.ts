import { createUnionType, Field, ObjectType } from 'type-graphql';
import { AuthPayloadType } from '../auth/auth.types';
import { ErrorResult } from '../common/error-result';
import { resolveResultType } from '../common/error-results';
import { PortalVisible } from '../common/visibility';
import { UserType } from './user.type';

@ObjectType('WrongPasswordError', {
  implements: ErrorResult,
  description: 'The current password given is not right. Nothing was changed.',
})
export class WrongPasswordErrorType extends ErrorResult {
  @PortalVisible()
  @Field({ description: 'The input field at fault (input.oldPassword).' })
  field: string;
}

@ObjectType('PasswordTokenInvalidError', {
  implements: ErrorResult,
  description:
    'The invitation or reset token is unknown, already used, replaced by a newer one or expired, or its user is deactivated. Ask the agency owner for a new one. Nothing was changed.',
})
export class PasswordTokenInvalidErrorType extends ErrorResult {}

@ObjectType('OwnAccessChangeError', {
  implements: ErrorResult,
  description: 'You cannot deactivate yourself or change your own role; another owner can. Nothing was changed.',
})
export class OwnAccessChangeErrorType extends ErrorResult {}

@ObjectType('LastOwnerError', {
  implements: ErrorResult,
  description: 'The agency would be left without an active owner. Nothing was changed.',
})
export class LastOwnerErrorType extends ErrorResult {}

const resolveUser = resolveResultType('User');

export const UpdateUserResult = createUnionType({
  name: 'UpdateUserResult',
  description: 'The changed user, or why the change was refused.',
  types: () => [UserType, OwnAccessChangeErrorType, LastOwnerErrorType] as const,
  resolveType: resolveUser,
});

export const DeactivateUserResult = createUnionType({
  name: 'DeactivateUserResult',
  description: 'The deactivated user, or why they cannot be deactivated.',
  types: () => [UserType, OwnAccessChangeErrorType, LastOwnerErrorType] as const,
  resolveType: resolveUser,
});

export const ChangePasswordResult = createUnionType({
  name: 'ChangePasswordResult',
  description: 'You, with the new password in force, or why it was not changed.',
  types: () => [UserType, WrongPasswordErrorType] as const,
  resolveType: resolveUser,
});

export const ResetPasswordResult = createUnionType({
  name: 'ResetPasswordResult',
  description: 'A token for the user whose password was set (they are logged in), or why the token was refused.',
  types: () => [AuthPayloadType, PasswordTokenInvalidErrorType] as const,
  resolveType: resolveResultType('AuthPayload'),
});
