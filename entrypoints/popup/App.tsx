import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Lang } from '@/components/vocabulary/strings';
import AllAnnotations from '@/components/ui/popup/AllAnnotations';
import { EnvContext, type AnnotationActions, type PopupEnv } from '@/components/ui/popup/env';
import ExportMenu from '@/components/ui/popup/ExportMenu';
import { NO_SEARCH, isSearching, type SearchState } from '@/components/ui/popup/search-state';
import { popupStrings } from '@/components/vocabulary/popup-strings';
import { activeTab, notifyPages, revealAnnotation, tabFromLocation, type ActiveTab } from './tab-actions';
import ThisPage from '@/components/ui/popup/ThisPage';
import UndoToast from '@/components/ui/popup/UndoToast';
import type { Annotation } from '@/storage/model/annotation';
import { AnnotationStore } from '@/storage/db/annotation-store';
import type { SourcemarkDB } from '@/storage/db/db';

export type AppProps = {
  db: SourcemarkDB;
  lang: Lang;
  /** Show "This page" for this tab instead of the active one (`popup.html?tab=<id>`). */
  tabId?: number;
};

type View = 'page' | 'all';

/** The popup: "This page" and "All annotations", export, and the undo of the last delete. */
export default function App({ db, lang, tabId }: AppProps) {
  const t = popupStrings[lang];
  const store = useMemo(() => new AnnotationStore(db), [db]);
  const [active, setActive] = useState<ActiveTab | null>(null);
  const [view, setView] = useState<View | null>(null);
  const [search, setSearch] = useState<SearchState>(NO_SEARCH);
  const [deleted, setDeleted] = useState<Annotation | null>(null);

  const refresh = useCallback(async () => {
    setActive(await activeTab(tabId));
  }, [tabId]);
  useEffect(() => {
    void activeTab(tabId).then((a) => {
      setActive(a);
      // Over a web page, start with that page; over a browser page there is nothing to show.
      setView((v) => v ?? (a.kind === 'unsupported' ? 'all' : 'page'));
    });
  }, []);

  // The page's tabs show the change once they reloaded; then ask ours again for its orphans.
  const changed = useCallback(
    async (pageKey: string) => {
      await notifyPages([pageKey]);
      await refresh();
    },
    [refresh],
  );

  const actions = useMemo<AnnotationActions>(
    () => ({
      async saveNote(a, note) {
        await store.update(a.id, { note });
        await changed(a.pageKey);
      },
      async remove(a) {
        await store.delete(a.id);
        setDeleted(a);
        await changed(a.pageKey);
      },
      async go(a) {
        await revealAnnotation(a);
      },
    }),
    [store, changed],
  );
  const env = useMemo<PopupEnv>(() => ({ db, lang, t, actions }), [db, lang, t, actions]);

  const undo = async () => {
    const a = deleted;
    setDeleted(null);
    if (!a) return;
    // The record as it was, same id and times: to the page and the exports it never left.
    await store.save(a);
    await changed(a.pageKey);
  };
  const closeToast = useCallback(() => setDeleted(null), []);
  const openSettings = () => void browser.runtime.openOptionsPage();

  const page = active?.kind === 'running' ? active : null;
  return (
    <EnvContext.Provider value={env}>
      <header class="top">
        <h1>{t.appName}</h1>
        <nav class="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={view === 'page'} onClick={() => setView('page')}>
            {t.tabThisPage}
          </button>
          <button type="button" role="tab" aria-selected={view === 'all'} onClick={() => setView('all')}>
            {t.tabAll}
          </button>
        </nav>
        <button type="button" class="icon" title={t.settings} aria-label={t.settings} onClick={openSettings}>
          ⚙
        </button>
      </header>
      <main>
        {view === null || active === null ? (
          <p class="muted">{t.loading}</p>
        ) : view === 'page' ? (
          <ThisPage active={active} onRefresh={refresh} />
        ) : (
          <AllAnnotations search={search} onSearch={setSearch} onOpenSettings={openSettings} />
        )}
      </main>
      <footer>
        <ExportMenu
          page={page ? { pageKey: page.status.pageKey, title: page.tab.title ?? '' } : null}
          search={view === 'all' && isSearching(search) ? search : null}
        />
        <button type="button" class="link" onClick={openSettings}>
          {t.importLink}
        </button>
      </footer>
      {deleted ? <UndoToast key={deleted.id} message={t.deleted} onUndo={() => void undo()} onClose={closeToast} /> : null}
    </EnvContext.Provider>
  );
}
