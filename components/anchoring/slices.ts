/**
 * Long work cut into slices that each fit in a frame. Anchoring hundreds of saved quotes on a big
 * page and painting them take tens to hundreds of milliseconds; done as one task they freeze
 * scrolling and typing for that long. Here the work is a generator whose every `yield` marks a
 * point where it may stop: steps run until the slice's budget is spent, then the page gets a turn
 * (`yieldNow`), then the next slice runs.
 *
 * Pure: the clock and the way to give the page its turn are passed in (the content script passes
 * `scheduler.yield` or a message-channel post, entrypoints/content/annotator/page-slicing.ts;
 * tests pass a fake clock and count the yields), so it runs the same in Node.
 */

/** Work per slice, in ms: half a 60 Hz frame, leaving the browser the other half to render. */
export const SLICE_BUDGET_MS = 8;

export interface Slicing {
  /** Gives the page its turn; resolves when the work may go on. */
  yieldNow: () => Promise<void>;
  /** A monotonic clock in ms (`performance.now` in a page). */
  now: () => number;
  /** Asked after each yield: true stops the work (the page navigated, a newer load began). */
  cancelled?: () => boolean;
  budgetMs?: number;
}

/** What `runInSlices` returns when `cancelled` stopped the work. */
export const CANCELLED: unique symbol = Symbol('cancelled');
export type Cancelled = typeof CANCELLED;

/**
 * Runs `steps` to the end, giving the page a turn whenever a slice has run for `budgetMs`.
 * A slice always runs at least one step, so a step longer than the budget is one slice of its
 * own: the generator must yield often enough for its steps to stay small. Returns the
 * generator's return value, or CANCELLED (the generator is then closed, its `finally` runs).
 */
export async function runInSlices<T>(steps: Generator<unknown, T, undefined>, slicing: Slicing): Promise<T | Cancelled> {
  const budget = slicing.budgetMs ?? SLICE_BUDGET_MS;
  try {
    for (;;) {
      const sliceStart = slicing.now();
      let step: IteratorResult<unknown, T>;
      do {
        step = steps.next();
        if (step.done) return step.value;
      } while (slicing.now() - sliceStart < budget);
      await slicing.yieldNow();
      if (slicing.cancelled?.()) {
        steps.return(undefined as T);
        return CANCELLED;
      }
    }
  } catch (err) {
    steps.return(undefined as T);
    throw err;
  }
}

/** Runs `steps` in one go, ignoring every place it could stop: for callers that must not yield. */
export function runAtOnce<T>(steps: Generator<unknown, T, undefined>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
