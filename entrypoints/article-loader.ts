import { ARTICLE_MODULE } from '@/components/page-script/article-module';
import { ARTICLE_CLASSIC, EARLY_GESTURE } from '@/storage/messaging/protocol-constants';
import { isSelectionGesture } from '@/components/page-script/selection-gesture';

/** The part of Chrome's extension API the loader uses. */
interface Runtime {
  getURL(path: string): string;
  sendMessage(message: { type: string }): Promise<unknown>;
}

/**
 * Chrome's content script on a self-media article URL: imports the article script
 * (entrypoints/claims) as a module, which runs in this same isolated world. Chromium compiles a
 * content script on the page's main thread at every load and keeps none of it between pages; a
 * module it streams and compiles on a background thread while the page goes on
 * (tests/bench/page-cost.ts measures both). The module is a web-accessible resource at Chrome's
 * per-session dynamic URL, on self-media origins only (wxt.config.ts); the page's CSP does not
 * apply to this world's imports, and the page sees no resource entry for it.
 *
 * The module arrives some milliseconds after the page's load: a selection the reader makes
 * meanwhile is noted (their own gesture only, as everywhere) for the article script, which offers
 * its toolbar for it as it starts (entrypoints/claims/start-article.ts).
 *
 * Should the import fail all the same, the background runs the same file in this document as an
 * ordinary content script: the reader loses nothing but the speed. Firefox keeps compiled content
 * scripts per process and runs claims.js as its manifest's content script directly.
 */
export default defineUnlistedScript({
  include: ['chrome'],
  main() {
    const world = globalThis as { chrome?: { runtime?: Runtime }; [EARLY_GESTURE]?: boolean };
    const runtime = world.chrome?.runtime;
    if (!runtime) return;
    // Capturing on the window, as the article script does: a page that stops these events'
    // propagation does not hide them. Read once, when the article starts; left in place after.
    const note = (e: Event) => {
      if (isSelectionGesture(e as Event & { shiftKey?: boolean; key?: string })) world[EARLY_GESTURE] = true;
    };
    for (const type of ['mouseup', 'keyup']) window.addEventListener(type, note, true);
    import(/* @vite-ignore */ runtime.getURL(ARTICLE_MODULE)).catch((err: unknown) => {
      console.warn('Sourcemark: the article script did not load as a module; loading it as a content script', err);
      return runtime.sendMessage({ type: ARTICLE_CLASSIC }).catch(() => undefined);
    });
  },
});
