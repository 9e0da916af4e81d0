/**
 * Declares which column binds a tenant-owned entity to a client, so that the scoped repository can
 * narrow a client-portal user's reads to its own client. An entity without it is invisible to
 * portal users (deny by default).
 */
const portalScopeColumns = new Map<Function, string>();

export function PortalScope(column: string): ClassDecorator {
  return (target) => {
    portalScopeColumns.set(target, column);
  };
}

export function portalScopeColumn(entity: Function): string | undefined {
  return portalScopeColumns.get(entity);
}
