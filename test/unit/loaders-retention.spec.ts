import 'reflect-metadata';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { RequestContext } from '../../src/context';
import { createLoaders } from '../../src/loaders';

// a full collection on demand, without starting jest with --expose-gc
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A stand-in for a request's context: the loader factories only keep it; nothing is read until a load. */
function fakeContext(): RequestContext {
  return { requestId: 'r', usage: { cost: null }, rows: new Array(10_000).fill('row') } as unknown as RequestContext;
}

async function collected(ref: WeakRef<object>): Promise<boolean> {
  for (let i = 0; i < 5 && ref.deref() !== undefined; i++) {
    await new Promise((r) => setImmediate(r));
    gc();
  }
  return ref.deref() === undefined;
}

describe('per-request loaders', () => {
  it('do not keep a request context once the request is over, the first one of the process included', async () => {
    // the first context of the process builds the loaders' class: it must not stay in memory with it
    let first: RequestContext | null = fakeContext();
    const firstRef = new WeakRef(first);
    let loaders: object | null = createLoaders(first);
    expect(Object.keys(loaders)).toEqual([]); // made lazily
    let second: RequestContext | null = fakeContext();
    const secondRef = new WeakRef(second);
    const secondLoaders = createLoaders(second) as unknown as Record<string, unknown>;
    expect(secondLoaders.clientById).toBeDefined();
    first = null;
    loaders = null;
    second = null;
    expect(await collected(firstRef)).toBe(true);
    expect(await collected(secondRef)).toBe(false); // still reachable from its loaders, as it should be
    expect(secondLoaders.invoiceLines).toBeDefined();
  });
});
