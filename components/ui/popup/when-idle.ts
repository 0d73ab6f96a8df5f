/** The longest slice of idle work: a keystroke that comes during one waits for its end, and an
 * idle period can be 50 ms long. */
const SLICE_MS = 4;

/** Runs `run` when the page is idle (soon, at the latest), with what tells it how long it may
 * take; returns what cancels it. */
export function whenIdle(run: (timeLeft: () => number) => void): () => void {
  const slice = (deadline?: IdleDeadline) => {
    const start = performance.now();
    const left = () => SLICE_MS - (performance.now() - start);
    run(deadline ? () => Math.min(deadline.timeRemaining(), left()) : left);
  };
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(slice, { timeout: 500 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(slice, 0);
  return () => clearTimeout(handle);
}
