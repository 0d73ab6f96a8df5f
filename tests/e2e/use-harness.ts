import { afterAll, beforeAll } from 'vitest';
import { launch, type Harness } from './harness';

/**
 * The harness of one `describe` block: launched before its tests, closed after them. The object is
 * filled in when the browser is up, so tests use it as they would `launch`'s result; setup that
 * needs it goes in a `beforeAll` registered after this call (hooks run in order). Kept out of
 * harness.ts, which the benchmarks and the demo import outside vitest.
 */
export function useHarness(opts: Parameters<typeof launch>[0] = {}): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, await launch(opts));
  });
  afterAll(async () => {
    await h.close?.();
  });
  return h;
}
