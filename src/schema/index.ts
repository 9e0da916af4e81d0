import 'reflect-metadata';
import './common/enums';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from '../auth/auth-checker';
import { RESOLVERS } from '../resolvers';
import { ErrorResult } from './common/error-result';
import { DateTimeScalar } from './common/scalars';
import { applyPortalVisibility } from './common/visibility';

let built: Promise<GraphQLSchema> | null = null;

/** The GraphQL contract, built once per process (type-graphql metadata is global anyway). */
export function buildAppSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    authMode: 'error',
    validate: true,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    orphanedTypes: [ErrorResult],
  }).then(applyPortalVisibility);
  return built;
}
