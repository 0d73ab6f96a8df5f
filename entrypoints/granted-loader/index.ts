import { LOADER_PAGE, LOADER_SELECTION } from '@/storage/messaging/protocol-constants';
import { loaderOutline, loaderStatus } from './answers';
import { isSelectionGesture } from './gesture';

/** The part of the extension API the loader uses: the same in Chrome's `chrome` and Firefox's `browser`. */
interface Runtime {
  id?: string;
  sendMessage(message: { type: string }): Promise<unknown>;
  /** The listener returns true when it will answer later, as both browsers take it. */
  onMessage: { addListener(cb: (message: unknown, sender: unknown, respond: (answer?: unknown) => void) => true | undefined): void };
}

/** The content scripts' world of this frame, shared by every script of the extension in it. */
type World = typeof globalThis & {
  /** Set by the content script as it starts (entrypoints/content/start.ts). */
  __sourcemarkStarted?: boolean;
  __sourcemarkLoader?: boolean;
  browser?: { runtime?: Runtime };
  chrome?: { runtime?: Runtime };
};

/**
 * What a site the reader granted runs at load instead of the content script (registered by
 * entrypoints/background/granted-sites.ts): no polyfill, no UI, no database, and no message at
 * load. A page with saved annotations gets the content script from the background as its tab
 * finishes loading (entrypoints/background/full-script.ts `arrived`, from the tab's address); any
 * other page waits for the reader's first selection, when the loader asks for it, and the content
 * script, once started, offers its toolbar for that selection. Until the content script starts the
 * loader answers the popup's and the side panel's questions for it (Sourcemark runs here, nothing
 * loaded), asking the background for the page's key the first time, then falls silent so only
 * one answers. It stays this small, and quiet at load, on purpose: what a page pays for it is the
 * isolated world, the extension API's bindings and, for each message, a round trip
 * (tests/bench/page-cost.ts).
 * The background decides from who sent a request, never from what it says: it says nothing.
 */
export default defineUnlistedScript(() => {
  const world = globalThis as World;
  const runtime = (world.browser ?? world.chrome)?.runtime;
  // The content script runs here already (a self-media article the manifest covers), or a loader.
  if (!runtime || world.__sourcemarkStarted || world.__sourcemarkLoader) return;
  world.__sourcemarkLoader = true;
  // From the content script's start on, everything is its business; an extension reloaded or
  // removed leaves this copy without an id, and it falls silent too.
  const started = () => world.__sourcemarkStarted === true || runtime.id === undefined;

  /**
   * Requests on their way and selections not yet read. While any is, the loader answers nothing:
   * what it would say may be out of date (the content script on its way, the page key of an
   * address the page left), and a check of what is absent must wait for the settled answer.
   */
  let waiting = 0;
  /** The page's key, as the background last answered for this address. */
  let key: string | null = null;
  const ask = (type: string): Promise<boolean> => {
    waiting++;
    // A promise either way: sendMessage throws at once in an orphaned copy.
    return new Promise<unknown>((resolve) => resolve(runtime.sendMessage({ type })))
      .then((answer) => {
        const data = (answer as { data?: { injected?: unknown; pageKey?: unknown } } | undefined)?.data;
        if (typeof data?.pageKey === 'string') key = data.pageKey;
        return data?.injected === true;
      })
      .catch(() => false)
      .finally(() => waiting--);
  };

  // The selection is final a tick after the mouseup or key that ended it, as the annotator reads it.
  const onGesture = (e: Event) => {
    if (started() || !isSelectionGesture(e as Event & { shiftKey?: boolean; key?: string })) return;
    waiting++;
    setTimeout(() => {
      waiting--;
      if (started() || document.getSelection()?.isCollapsed !== false) return;
      listen(false);
      void ask(LOADER_SELECTION).then((injected) => {
        if (!injected && !started()) listen(true);
      });
    }, 0);
  };
  // Capturing on the window: a page that stops these events' propagation does not hide them.
  const listen = (on: boolean) => {
    for (const type of ['mouseup', 'keyup']) {
      if (on) window.addEventListener(type, onGesture, true);
      else window.removeEventListener(type, onGesture, true);
    }
  };
  listen(true);

  const answer = (type: unknown): unknown =>
    key === null
      ? undefined
      : type === 'content.status'
        ? loaderStatus(location.href, key)
        : type === 'content.outline'
          ? loaderOutline(location.href, key, document.title)
          : undefined;
  runtime.onMessage.addListener((message, _sender, respond) => {
    if (started()) return undefined;
    const type = (message as { type?: unknown } | null)?.type;
    // An import, a sync or another tab saved something for this page: it may need the script now.
    if (type === 'annotations.changed' || type === 'annotations.reload') void ask(LOADER_PAGE);
    if ((type !== 'content.status' && type !== 'content.outline') || waiting > 0) return undefined;
    if (key !== null) {
      respond(answer(type));
      return undefined;
    }
    // First asked (the popup or side panel opened): the key comes from the background, which
    // injects the content script instead if the page has annotations after all; then it answers.
    // Once the content script is on its way it answers for itself: this channel closes empty.
    void ask(LOADER_PAGE).then((injected) => respond(!injected && !started() && waiting === 0 ? answer(type) : undefined));
    // The answer comes later: Chrome keeps the channel open when told so (Firefox too).
    return true;
  });

  // A single-page site moving to another address may reach a page with saved annotations. The
  // Navigation API tells before the address changes (read a tick later); elsewhere, polled.
  let address = location.href;
  const moved = () => {
    if (started() || location.href === address) return;
    address = location.href;
    key = null;
    void ask(LOADER_PAGE);
  };
  const navigation = (world as { navigation?: EventTarget }).navigation;
  if (navigation) navigation.addEventListener('navigate', () => setTimeout(moved, 0));
  else {
    const poll = setInterval(() => (started() ? clearInterval(poll) : moved()), 1000);
  }
});
