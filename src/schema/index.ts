import 'reflect-metadata';
// every enum is registered (next to its aggregate) before buildSchema runs
import './common/enums';
import './act/act.enums';
import './agency-image/agency-image.enums';
import './brief/brief.enums';
import './client/client.enums';
import './contact/contact.enums';
import './contract/contract.enums';
import './contract-template/contract-template.enums';
import './control-point/control-point.enums';
import './deal/deal.enums';
import './document/document.enums';
import './interaction/interaction.enums';
import './invoice/invoice.enums';
import './kpi-series/kpi-series.enums';
import './analytics/analytics.enums';
import './proposal/proposal.enums';
import './requisites/requisites.enums';
import './user/user.enums';
import { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { presortResolverParams } from './common/resolver-params';
import { resolveAsCarriedActor } from '../auth/actor-context';
import { authChecker } from '../auth/auth-checker';
import { RESOLVERS } from '../resolvers';
import { ErrorResult } from './common/error-result';
import { DateTimeScalar } from './common/scalars';
import { applyPortalVisibility } from './common/visibility';
import { inlinePlainLeaves } from './common/plain-leaves';
import { rememberValidationRules } from './validators/metadata-cache';
import { resolveResultUnionsSynchronously } from './common/result-union';

/** What the entry points say to agencies (type-graphql builds Query and Mutation without descriptions). */
const ROOT_DESCRIPTIONS = {
  query:
    "What an agency's team and its clients' portal users can read: clients and contacts, the sales pipeline (briefs, meetings, " +
    'commercial offers, deals, the funnel, control points) and the money flow (contracts, invoices, payments, acts). ' +
    'Lists are paginated connections. A record of another agency, or for a portal user of another client, reads as null, ' +
    'exactly like a missing one.',
  mutation:
    "What an agency's team and its clients' portal users can do: register clients and contacts, work the pipeline from the brief " +
    'to an accepted offer and a won deal, run the money flow from the contract to the signed act (portal users accept offers, ' +
    'approve contracts, sign or dispute acts). Each mutation is all or nothing: when it fails or returns an error result, ' +
    'nothing is changed.',
};

/** A copy of a root type with its description (a GraphQL type is immutable once built). */
function describedRoot(type: GraphQLObjectType | null | undefined, description: string): GraphQLObjectType | undefined {
  return type ? new GraphQLObjectType({ ...type.toConfig(), description }) : undefined;
}

/** The built schema with described root types; every other type is shared as built. */
function withRootDescriptions(schema: GraphQLSchema): GraphQLSchema {
  const config = schema.toConfig();
  return new GraphQLSchema({
    ...config,
    query: describedRoot(config.query, ROOT_DESCRIPTIONS.query),
    mutation: describedRoot(config.mutation, ROOT_DESCRIPTIONS.mutation),
    types: config.types.filter((t) => t !== config.query && t !== config.mutation),
  });
}

let built: Promise<GraphQLSchema> | null = null;

/** The GraphQL contract, built once per process (type-graphql metadata is global anyway). */
export function buildAppSchema(): Promise<GraphQLSchema> {
  rememberValidationRules();
  built ??= buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    authMode: 'error',
    validate: true,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    orphanedTypes: [ErrorResult],
  }).then((schema) => {
    presortResolverParams();
    inlinePlainLeaves(schema);
    return resolveResultUnionsSynchronously(resolveAsCarriedActor(withRootDescriptions(applyPortalVisibility(schema))));
  });
  return built;
}
