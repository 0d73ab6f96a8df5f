import { useEffect, useMemo, useState } from 'preact/hooks';
import DeleteAll from '@/components/ui/options/DeleteAll';
import GrantedSites from '@/components/ui/options/GrantedSites';
import ImportDialog, { type ImportSource } from '@/components/ui/options/ImportDialog';
import SettingsForm from '@/components/ui/options/SettingsForm';
import SyncSection from '@/components/ui/sync/SyncSection';
import { EnvContext, type AnnotationActions, type PopupEnv } from '@/components/ui/popup/env';
import ExportMenu from '@/components/ui/popup/ExportMenu';
import { popupStrings, resolveLang } from '@/components/vocabulary/strings';
import { ledgerStrings } from '@/components/vocabulary/ledger-strings';
import { request } from '@/storage/messaging/client';
import { useLive } from '@/components/ui/popup/use-live';
import type { SourcemarkDB } from '@/storage/db/db';
import { readSettings } from '@/storage/db/settings';

export type AppProps = {
  db: SourcemarkDB;
};

/** The options page: reading settings, the way to the account ledger, granted sites, sync and backup, and the data (export, import, delete all). */
export default function App({ db }: AppProps) {
  const settings = useLive(() => readSettings(db), [db]);
  // Live: choosing another language re-renders the page in it at once.
  const lang = resolveLang(settings.value?.language, navigator.language);
  const t = popupStrings[lang];
  // Every write goes through the background, which tells the open pages what changed.
  const actions = useMemo<AnnotationActions>(
    () => ({
      async saveNote(a, note) {
        await request({ type: 'annotation.update', id: a.id, patch: { note } });
      },
      async remove(a) {
        await request({ type: 'annotation.delete', id: a.id });
      },
      async go(a) {
        await request({ type: 'annotation.reveal', id: a.id });
      },
    }),
    [],
  );
  const env = useMemo<PopupEnv>(() => ({ db, lang, t, actions }), [db, lang, t, actions]);
  // A backup read from the sync server, handed to the import dialog's preview.
  const [restore, setRestore] = useState<ImportSource | null>(null);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t.optionsTitle;
  }, [lang, t]);

  return (
    <EnvContext.Provider value={env}>
      <main class="options">
        <h1>{t.optionsTitle}</h1>
        {settings.value ? <SettingsForm settings={settings.value} /> : <p class="muted">{t.loading}</p>}
        <section aria-labelledby="ledger-title">
          <h2 id="ledger-title">{ledgerStrings[lang].title}</h2>
          <p class="muted">{ledgerStrings[lang].optionsHint}</p>
          <a href="/ledger.html">{ledgerStrings[lang].open}</a>
        </section>
        <GrantedSites />
        <SyncSection settings={settings.value ?? null} onRestore={setRestore} />
        <section aria-labelledby="data-title">
          <h2 id="data-title">{t.sectionData}</h2>
          <ExportMenu scopes={['all']} open title={t.exportAll} />
          <ImportDialog source={restore} />
          <DeleteAll />
        </section>
      </main>
    </EnvContext.Provider>
  );
}
