import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { renderErrorResult } from '../i18n/error-results';
import { ErrorResult } from '../schema/common/error-result';

/** One message field for every error result type: rendered from its code and fields in the agency's language. */
@Resolver(() => ErrorResult)
export class ErrorResultResolver {
  @FieldResolver(() => String, {
    description: "What happened, for people: in the agency's language (Russian, Bulgarian or English); `code` stays the same in every language.",
  })
  message(@Root() result: ErrorResult, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): string {
    return renderErrorResult(ctx.locale, info.parentType.name, result as unknown as Record<string, unknown>);
  }
}
