import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Lang } from '@/components/vocabulary/strings';
import AllAnnotations from '@/components/ui/popup/AllAnnotations';
import { EnvContext, type AnnotationActions, type PopupEnv } from '@/components/ui/popup/env';
import type ExportMenu from '@/components/ui/popup/ExportMenu';
import { NO_SEARCH, isSearching, type SearchState } from '@/components/ui/popup/search-state';
import { popupStrings } from '@/components/vocabulary/strings';
import { activeTab, type ActiveTab } from './tab-actions';
import ThisPage from '@/components/ui/popup/ThisPage';
import { panelStrings } from '@/components/vocabulary/panel-strings';
import { ledgerStrings } from '@/components/vocabulary/ledger-strings';
import { openSidePanel } from './open-panel';
import UndoToast from '@/components/ui/popup/UndoToast';
import type { Annotation } from '@/storage/model/annotation';
import { request } from '@/storage/messaging/client';
import { ExtensionNoticeSchema } from '@/storage/messaging/protocol';
import ClaimsSwitch from '@/components/ui/popup/ClaimsSwitch';
import PopupSyncLine from '@/components/ui/sync/PopupSyncLine';
import type { SourcemarkDB } from '@/storage/db/db';

export type AppProps = {
  db: SourcemarkDB;
  lang: Lang;
  /** Show "This page" for this tab instead of the active one (`popup.html?tab=<id>`). */
  tabId?: number;
  /** The tab as main.tsx found it before the first render (asked again on every notice). */
  tab?: ActiveTab;
};

type View = 'page' | 'all';

/** The popup: "This page" and "All annotations", export, and the undo of the last delete. */
export default function App({ db, lang, tabId, tab }: AppProps) {
  const t = popupStrings[lang];
  const [active, setActive] = useState<ActiveTab | null>(tab ?? null);
  // Over a web page, start with that page; over a browser page there is nothing to show.
  const firstView = (a: ActiveTab): View => (a.kind === 'unsupported' ? 'all' : 'page');
  const [view, setView] = useState<View | null>(tab ? firstView(tab) : null);
  const [search, setSearch] = useState<SearchState>(NO_SEARCH);
  const [deleted, setDeleted] = useState<Annotation | null>(null);
  // Export (and the formats it writes) loads after the first screen: nothing there needs it.
  const [Export, setExport] = useState<typeof ExportMenu | null>(null);
  useEffect(() => {
    void import('@/components/ui/popup/ExportMenu').then((m) => setExport(() => m.default));
  }, []);

  const refresh = useCallback(async () => {
    setActive(await activeTab(tabId));
  }, [tabId]);
  useEffect(() => {
    if (tab) return;
    void activeTab(tabId).then((a) => {
      setActive(a);
      setView((v) => v ?? firstView(a));
    });
  }, []);

  // Every write goes through the background, which tells the pages showing it; the background's
  // notice tells us too, and then "This page" asks its tab again (a deleted orphan, a new one).
  // Sync's own notices change nothing on this page: only the sync line listens to them.
  useEffect(() => {
    const onNotice = (raw: unknown) => {
      const notice = ExtensionNoticeSchema.safeParse(raw);
      if (notice.success && notice.data.type !== 'sync.changed') void refresh();
    };
    browser.runtime.onMessage.addListener(onNotice);
    return () => browser.runtime.onMessage.removeListener(onNotice);
  }, [refresh]);

  const actions = useMemo<AnnotationActions>(
    () => ({
      async saveNote(a, note) {
        await request({ type: 'annotation.update', id: a.id, patch: { note } });
      },
      async remove(a) {
        // The whole record first (the list holds only what it shows): undo puts it back as it was.
        const whole = await db.annotations.get(a.id);
        await request({ type: 'annotation.delete', id: a.id });
        if (whole) setDeleted(whole);
      },
      async go(a) {
        await request({ type: 'annotation.reveal', id: a.id });
      },
    }),
    [db],
  );
  const env = useMemo<PopupEnv>(() => ({ db, lang, t, actions }), [db, lang, t, actions]);

  const undo = async () => {
    const a = deleted;
    setDeleted(null);
    if (!a) return;
    // The record as it was, same id and times: to the page and the exports it never left.
    await request({ type: 'annotation.save', annotation: a });
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
        <ClaimsSwitch />
        <button type="button" class="icon" title={t.settings} aria-label={t.settings} onClick={openSettings}>
          ⚙
        </button>
      </header>
      <PopupSyncLine onOpenSettings={openSettings} />
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
        {Export ? (
          <Export
            page={page ? { pageKey: page.status.pageKey, title: page.tab.title ?? '' } : null}
            search={view === 'all' && isSearching(search) ? search : null}
          />
        ) : null}
        <button type="button" class="link" onClick={openSettings}>
          {t.importLink}
        </button>
        <button
          type="button"
          class="link"
          onClick={() => {
            // In the click: the browsers open a panel only on the reader's gesture.
            void openSidePanel(active?.tab?.id ?? undefined).then(() => window.close(), () => undefined);
          }}
        >
          {panelStrings[lang].open}
        </button>
        {/* A link: the browser opens it in a tab of its own, and the popup closes. */}
        <a class="link" href="/ledger.html" target="_blank" rel="noreferrer">
          {ledgerStrings[lang].open}
        </a>
      </footer>
      {deleted ? <UndoToast key={deleted.id} message={t.deleted} onUndo={() => void undo()} onClose={closeToast} /> : null}
    </EnvContext.Provider>
  );
}
