import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError, type ValidationRule } from 'graphql';
import type { AppConfig } from '../config';
import type { RequestContext } from '../context';
import { QueryTooComplexError, type QueryLimit } from '../errors';
import type { CostBudget } from './cost-budget';
import { MAX_COUNTED_NODES, rememberedQueryCost } from './query-cost';

type LimitsConfig = Pick<AppConfig, 'isDev' | 'maxQueryDepth' | 'maxQueryCost' | 'maxAliases' | 'maxDirectives' | 'maxTokens'>;

/**
 * armor reports a refusal as a GraphQLError with its own wording ("… limit of 30 exceeded, found
 * 500."): this reports ours instead, with a stable code and the numbers. Validation then goes on,
 * so every limit a document breaks is reported, and nothing runs.
 */
function refuse(reason: QueryLimit, limit: number, shift = 0): GraphQLArmorRejectCallback {
  return (ctx, err) => {
    const found = /found (\d+)/.exec(err.message)?.[1];
    ctx?.reportError(new QueryTooComplexError(reason, limit, found === undefined ? null : Number(found) - shift));
  };
}

export interface QueryLimits {
  /** graphql-js's own token count while parsing: parsing stops at the first token over the limit */
  parseOptions: { maxTokens: number };
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<RequestContext>[];
}

/**
 * Every limit a document is held to before it runs (README "Limits"), in the order they apply:
 * tokens while parsing; aliases, directives and depth while validating (graphql-armor); the cost
 * once the operation and its variables are known (graphql-query-complexity, see query-cost.ts),
 * then the agency's cost budget. All of them before execution and the same for anonymous
 * requests: a refused request runs no resolver and no SQL of its own.
 */
export function queryLimits(config: LimitsConfig, budget: CostBudget): QueryLimits {
  const armor = new ApolloArmor({
    // the cost is ours (weighted by page sizes), tokens are counted by graphql-js's parser itself
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    // "Did you mean …" would spell out the schema that introspection keeps closed
    blockFieldSuggestion: { enabled: !config.isDev },
    maxAliases: { n: config.maxAliases, propagateOnRejection: false, onReject: [refuse('ALIASES', config.maxAliases)] },
    maxDirectives: { n: config.maxDirectives, propagateOnRejection: false, onReject: [refuse('DIRECTIVES', config.maxDirectives)] },
    // armor counts the root field as level 1; MAX_QUERY_DEPTH has counted it as 0 since the first
    // release (graphql-depth-limit), so the same setting lets the same documents through
    maxDepth: {
      n: config.maxQueryDepth + 1,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [refuse('DEPTH', config.maxQueryDepth, 1)],
    },
  }).protect();

  const costPlugin: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName, contextValue }) {
          let cost: number;
          try {
            cost = rememberedQueryCost(schema, document, request.variables, operationName ?? undefined);
          } catch (err) {
            if (err instanceof GraphQLError && /maximum allowed number of nodes/.test(err.message)) {
              throw new QueryTooComplexError('NODES', MAX_COUNTED_NODES, null);
            }
            // variables that do not coerce: execution reports them (variableInputPlugin, graphql-js)
            return;
          }
          contextValue.usage.cost = cost;
          if (cost > config.maxQueryCost) throw new QueryTooComplexError('COST', config.maxQueryCost, cost);
          await budget.spend(contextValue, cost);
        },
      };
    },
  };

  return {
    parseOptions: { maxTokens: config.maxTokens },
    validationRules: armor.validationRules,
    plugins: [...(armor.plugins as ApolloServerPlugin<RequestContext>[]), costPlugin, timeBudgetPlugin()],
  };
}

/** A request stopped by its time budget answers 503 (partial data, if any, stays in the body). */
function timeBudgetPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          if (response.body.singleResult.errors?.some((e) => e.extensions?.code === 'REQUEST_TIMEOUT')) response.http.status = 503;
        },
      };
    },
  };
}
