import type { DataSource, EntityManager } from 'typeorm';
import { TokenService } from '../../src/auth/token';
import { loadConfig } from '../../src/config';
import { newContext, noUsage, type Actor, type RequestContext } from '../../src/context';
import { createRenderPool } from '../../src/documents/pool';
import { Locale } from '../../src/entities/enums';
import { createLoaders } from '../../src/loaders';
import { createLogger } from '../../src/logger';

/** A service-level context for an actor, as the HTTP context function would build it. */
export function contextFor(ds: DataSource, actor: Actor, manager: EntityManager = ds.manager): RequestContext & { actor: Actor } {
  const config = loadConfig({ ...process.env });
  const logger = createLogger('silent');
  return newContext<RequestContext & { actor: Actor }>({
    usage: noUsage(),
    requestId: 'test',
    actor,
    authError: null,
    locale: Locale.RU,
    manager,
    app: { config, dataSource: ds, tokens: new TokenService(config.jwtSecret, 3600), logger, createLoaders, clock: () => new Date(), renderPool: createRenderPool({ threads: 0 }) },
    logger,
  } as never);
}
