import { applyLang } from '@/components/ui/apply-lang';
import { publishEarly } from '@/components/ui/popup/early-handoff';
import { drawEarlyScreen } from '@/components/ui/popup/early-screen';
import { FIRST_PAGES } from '@/components/ui/popup/first-screen-size';
import { tabFromLocation } from '@/components/ui/tab-param';
import { readFirstScreen } from '@/storage/db/first-screen';
import { findTab, mayRun } from '@/entrypoints/popup/find-tab';

/** The page's `#app`, once the parser has made it (this script may run before the body is parsed). */
function appRoot(): Promise<HTMLElement | null> {
  if (document.readyState !== 'loading') return Promise.resolve(document.getElementById('app'));
  return new Promise((resolve) => document.addEventListener('readystatechange', () => resolve(document.getElementById('app')), { once: true }));
}

/**
 * The popup's first script: one small file with nothing to import (WXT builds an unlisted script
 * whole, apart from the pages' chunks), loaded `async` so that it runs as soon as it is fetched,
 * behind neither the App's modules nor the stylesheets. It asks for the tab and, with plain
 * IndexedDB, for the settings and first pages, and draws the first screen from them in plain DOM
 * (early-screen.ts); the App's module script (entrypoints/popup/main.ts) loads once that is up and
 * takes its place (hand-over.ts).
 */
export default defineUnlistedScript(() => {
  publishEarly(() => {
    const tabId = tabFromLocation(location.search);
    // The database first: opening it and walking the newest pages takes longer than the tab.
    const first = readFirstScreen(FIRST_PAGES);
    const tab = findTab(tabId);
    const drawn = Promise.all([tab, first, appRoot()]).then(([t, f, root]) => {
      // Null: the App reads through Dexie and draws the first screen itself.
      if (!f || !root || root.firstChild) return;
      drawEarlyScreen(document, root, { lang: applyLang(f.language), view: t && mayRun(t) ? 'page' : 'all', pages: f.pages.pages });
    });
    return { tabId, tab, first, drawn: drawn.catch(() => undefined) };
  });
});
