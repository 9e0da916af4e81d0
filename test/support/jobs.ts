import { newContext, noUsage, type Actor, type AuthedContext } from '../../src/context';
import { Locale, UserRole } from '../../src/entities/enums';
import type { TestApp } from './app';

/** A service-level context of an agency user on the test app's own services (its queue included). */
export function actorContext(t: TestApp, actor: { agencyId: string; userId: string; role?: UserRole }, locale = Locale.EN): AuthedContext {
  const full: Actor = { role: UserRole.OWNER, clientId: null, ...actor };
  return newContext<AuthedContext>({ usage: noUsage(), requestId: 'test', actor: full, authError: null, locale, manager: t.ds.manager, app: t.services, logger: t.services.logger });
}

/** Polls `read` until `done` holds for what it returns (or fails after `timeoutMs`), returning that value. */
export async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T = await read();
  while (!done(last)) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}
