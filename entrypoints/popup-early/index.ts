import { applyLang } from '@/components/ui/apply-lang';
import { afterFirstPaint } from '@/components/ui/popup/after-first-paint';
import { publishEarly } from '@/components/ui/popup/early-handoff';
import { drawEarlyScreen } from '@/components/ui/popup/early-screen';
import { FIRST_PAGES } from '@/components/ui/popup/first-screen-size';
import { tabFromLocation } from '@/components/ui/tab-param';
import { DB_NAME } from '@/storage/db/db-name';
import { askDigest, type DigestAnswer } from '@/storage/db/digest-now';
import { readFirstScreen } from '@/storage/db/first-screen';
import { SCHEMA_VERSION } from '@/storage/db/schema-version';
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
 * (early-screen.ts); then it reads the search digest, which its search field answers from and the
 * App takes over (seeded-digest.ts). The App's module script (entrypoints/popup/main.ts) loads
 * once that screen is up and takes its place (hand-over.ts).
 */
export default defineUnlistedScript(() => {
  publishEarly(() => {
    const tabId = tabFromLocation(location.search);
    // The database first: opening it and walking the newest pages takes longer than the tab.
    const first = readFirstScreen(FIRST_PAGES);
    const tab = findTab(tabId);
    let asked: DigestAnswer | undefined;
    const drawn = Promise.all([tab, first, appRoot()])
      .then(([t, f, root]) => {
        // The search digest, asked for once the first screen's reads are answered: asked for
        // beside them, it held that screen up by 10–30 ms (the database answers one request at a
        // time). It is copied into the page (~10 ms) once that screen is painted, unless a search
        // typed before wants it first.
        asked = askDigest(DB_NAME, SCHEMA_VERSION);
        // Null: the App reads through Dexie and draws the first screen itself.
        if (!f || !root || root.firstChild) return;
        drawEarlyScreen(document, root, { lang: applyLang(f.language), view: t && mayRun(t) ? 'page' : 'all', pages: f.pages.pages, digest: asked });
      })
      .catch(() => undefined);
    const digest = drawn
      .then(() => afterFirstPaint(document))
      .then(async () => {
        if (!asked) return null;
        await asked.answered;
        return asked.take() ?? null;
      });
    return { tabId, tab, first, drawn, digest };
  });
});
