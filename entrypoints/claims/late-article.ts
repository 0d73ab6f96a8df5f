import type { ScriptContext } from '@/components/page-script/script-context';

/** How long a page at a shared URL shape may take to render its article (the statement). */
const WATCH_MS = 10_000;
/** Recognise again once the page has been quiet this long, not on every mutation. */
const QUIET_MS = 300;

/**
 * Some portals render the article in the browser after the document has loaded (36氪, 澎湃,
 * 腾讯新闻 are single-page apps): at document_end the statement may not be there yet. Until
 * `check` says it is done (it found the article, or Sourcemark started some other way), or for
 * WATCH_MS at most, `check` runs again after each quiet spell in the page's mutations.
 */
export function watchForLateArticle(ctx: ScriptContext, check: () => boolean): void {
  const root = document.body ?? document.documentElement;
  // One timer restarted on each mutation; `stop` (the window's end, or the script's) clears it.
  let timer: number | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      if (ctx.isValid && check()) stop();
    }, QUIET_MS);
  });
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  ctx.setTimeout(stop, WATCH_MS);
  ctx.onInvalidated(stop);
}
