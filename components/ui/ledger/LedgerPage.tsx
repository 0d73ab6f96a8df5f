import { useEffect } from 'preact/hooks';
import { ledgerStrings } from '@/components/vocabulary/ledger-strings';
import { resolveLang } from '@/components/vocabulary/strings';
import type { SourcemarkDB } from '@/storage/db/db';
import { readSettings } from '@/storage/db/settings';
import { useLive } from '../popup/use-live';
import ClearLedger from './ClearLedger';
import LedgerSwitch from './LedgerSwitch';
import LedgerTable from './LedgerTable';
import { readLedgerView } from './ledger-view';

export type LedgerPageProps = {
  db: SourcemarkDB;
  /** The browser's language, for the 'auto' setting (a parameter so tests pick it). */
  browserLanguage: string | undefined;
};

/**
 * The account ledger page: what it is and that it stays on this device, the switch that stops
 * counting, the accounts table, and clearing. It reads the database directly, live (a page opened
 * in another tab shows up here as soon as the background counts it); every write goes through the
 * background.
 */
export default function LedgerPage({ db, browserLanguage }: LedgerPageProps) {
  const settings = useLive(() => readSettings(db), [db]);
  const view = useLive(() => readLedgerView(db), [db]);
  const lang = resolveLang(settings.value?.language, browserLanguage);
  const t = ledgerStrings[lang];
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t.title} · Sourcemark`;
  }, [lang, t]);

  const accounts = view.value;
  const articles = accounts?.reduce((n, a) => n + a.summary.articles, 0) ?? 0;
  const enabled = settings.value?.ledgerEnabled;
  return (
    <main class="ledger">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p class="muted privacy">{t.privacy}</p>
      {enabled === undefined ? null : <LedgerSwitch enabled={enabled} lang={lang} />}
      {view.error ? (
        <p class="error" role="alert">
          {t.failed(view.error.message)}
        </p>
      ) : accounts === undefined ? (
        <p class="muted">{t.loading}</p>
      ) : accounts.length === 0 ? (
        <p class="ledger-empty">{enabled === false ? t.emptyOff : t.empty}</p>
      ) : (
        <>
          <p class="muted ledger-count">{t.accounts(accounts.length)}</p>
          <div class="table-scroll">
            <LedgerTable accounts={accounts} lang={lang} />
          </div>
        </>
      )}
      <ClearLedger articles={articles} lang={lang} />
    </main>
  );
}
