import { EARLY_ATTR } from './early-attrs';

/**
 * Settles once the early screen has been painted, so that the App's ~290 KB are asked for after
 * the reader sees the list rather than in the same task as drawing it: starting that import sends
 * a dozen module requests at once, which took ~18 ms of the page's main thread in a trace, and
 * the first frame waited for them. Settles at once when there is no early screen to show (the
 * App draws the first screen itself) or no frame to wait for: a hidden page (popup.html?tab=
 * opened behind another tab) gets none, and a frame that does not come within `cap` ms is not
 * waited for either.
 */
export function afterFirstPaint(doc: Document, cap = 100): Promise<void> {
  const view = doc.defaultView;
  if (!view || doc.visibilityState === 'hidden' || !doc.getElementById('app')?.hasAttribute(EARLY_ATTR)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => resolve();
    // A task queued from the frame's callback runs once that frame has been rendered.
    view.requestAnimationFrame(() => view.setTimeout(done, 0));
    view.setTimeout(done, cap);
  });
}
