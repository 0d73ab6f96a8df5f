import { LOADER_SELECTION } from '@/storage/messaging/protocol-constants';
import { isSelectionGesture } from '@/components/page-script/selection-gesture';

/** The part of the extension API the loader uses: the same in Chrome's `chrome` and Firefox's `browser`. */
interface Runtime {
  sendMessage(message: { type: string }): Promise<unknown>;
}

/** The content scripts' world of this frame, shared by every script of the extension in it. */
type World = typeof globalThis & {
  /** Set by the content script as it starts (entrypoints/content/start.ts). */
  __sourcemarkStarted?: boolean;
  /** The loader's state: listening for the reader's selection, or asking for the content script. */
  __sourcemarkLoader?: 'listening' | 'asking';
  browser?: { runtime?: Runtime };
  chrome?: { runtime?: Runtime };
};

/**
 * What a site the reader granted runs at load instead of the content script (registered by
 * entrypoints/background/granted-sites.ts): two event listeners, and nothing else until the
 * reader's first selection, when it asks the background for the content script, which then offers
 * its toolbar for that selection. It does not even reach for the extension API before that: on an
 * ordinary page, making the API's bindings was most of what Sourcemark cost the page
 * (tests/bench/page-cost.ts). Everything else happens in the background, from what the browser
 * tells it: a page with saved annotations gets the content script as its tab finishes loading or
 * moves to it, or when a change reaches it (entrypoints/background/full-script.ts), and the popup
 * and side panel answer for a loader-only page themselves (storage/messaging/ask-page.ts).
 * The background decides from who sent the request, never from what it says: it says nothing.
 */
export default defineUnlistedScript(() => {
  const world = globalThis as World;
  // The content script runs here already (a self-media article the manifest covers), or a loader.
  if (world.__sourcemarkStarted || world.__sourcemarkLoader) return;
  world.__sourcemarkLoader = 'listening';
  const started = () => world.__sourcemarkStarted === true;

  const ask = (): Promise<boolean> =>
    // A promise either way: the API is missing or throws at once in a copy the extension left.
    new Promise<unknown>((resolve) => resolve((world.browser ?? world.chrome)?.runtime?.sendMessage({ type: LOADER_SELECTION })))
      .then((answer) => (answer as { data?: { injected?: unknown } } | undefined)?.data?.injected === true)
      .catch(() => false);

  // The selection is final a tick after the mouseup or key that ended it, as the annotator reads it.
  const onGesture = (e: Event) => {
    if (started()) return listen(false);
    if (!isSelectionGesture(e as Event & { shiftKey?: boolean; key?: string })) return;
    setTimeout(() => {
      if (started() || document.getSelection()?.isCollapsed !== false) return;
      listen(false);
      world.__sourcemarkLoader = 'asking';
      void ask().then((injected) => {
        world.__sourcemarkLoader = 'listening';
        if (!injected && !started()) listen(true);
      });
    }, 0);
  };
  // Capturing on the window: a page that stops these events' propagation does not hide them.
  function listen(on: boolean): void {
    for (const type of ['mouseup', 'keyup']) {
      if (on) window.addEventListener(type, onGesture, true);
      else window.removeEventListener(type, onGesture, true);
    }
  }
  listen(true);
});
