import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext, } from '../context';
import { ClientType } from '../schema/client/client.type';
import { ControlPointConnection, ControlPointType } from '../schema/control-point/control-point.type';
import { ControlPointsArgs } from '../schema/control-point/control-point.args';
import { listControlPoints, ControlPointView } from '../services/control-points/control-point.service';
import { controlPointSources } from '../services/control-points/registry';
import { connectionOverStatements } from '../limits/query-cost';

@Resolver(() => ControlPointType)
export class ControlPointResolver {
  @Authorized(STAFF)
  @Query(() => ControlPointConnection, {
    // a statement (or more) per source whatever the page: 30 aliases of it must not pass as cheap
    complexity: connectionOverStatements(() => controlPointSources().length),
    description:
      'Every dated obligation (protocols to send, proposal validity, retries, corrections, next contacts, contact intervals, birthdays…), by due date.',
  })
  controlPoints(@Ctx() ctx: AuthedContext, @Args(() => ControlPointsArgs) args: ControlPointsArgs) {
    return listControlPoints(ctx, args);
  }

  @FieldResolver(() => ClientType, { nullable: true, description: 'The client it concerns.' })
  client(@Root() item: ControlPointView, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.clientById.load(item.clientId);
  }
}
