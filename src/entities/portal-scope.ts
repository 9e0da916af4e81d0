/**
 * Declares which column binds a tenant-owned entity to a client, so that the scoped repository can
 * narrow a client-portal user's reads to its own client, plus an optional extra condition of what
 * the portal may see at all (e.g. no drafts). An entity without it is invisible to portal users
 * (deny by default).
 */
export interface PortalScopeRule {
  column: string;
  /** SQL condition over the query alias, e.g. (a) => `${a}."status" <> 'DRAFT'` */
  where?: (alias: string) => string;
}

const portalScopes = new Map<Function, PortalScopeRule>();

export function PortalScope(column: string, opts: { where?: (alias: string) => string } = {}): ClassDecorator {
  return (target) => {
    portalScopes.set(target, { column, where: opts.where });
  };
}

export function portalScopeOf(entity: Function): PortalScopeRule | undefined {
  return portalScopes.get(entity);
}
