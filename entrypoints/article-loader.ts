import { ARTICLE_MODULE } from '@/components/page-script/article-module';
import { ARTICLE_CLASSIC } from '@/storage/messaging/protocol-constants';

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
 * Should the import fail all the same, the background runs the same file in this document as an
 * ordinary content script: the reader loses nothing but the speed. Firefox keeps compiled content
 * scripts per process and runs claims.js as its manifest's content script directly.
 */
export default defineUnlistedScript({
  include: ['chrome'],
  main() {
    const runtime = (globalThis as { chrome?: { runtime?: Runtime } }).chrome?.runtime;
    if (!runtime) return;
    import(/* @vite-ignore */ runtime.getURL(ARTICLE_MODULE)).catch((err: unknown) => {
      console.warn('Sourcemark: the article script did not load as a module; loading it as a content script', err);
      return runtime.sendMessage({ type: ARTICLE_CLASSIC }).catch(() => undefined);
    });
  },
});
