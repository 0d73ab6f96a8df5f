import { render } from 'preact';
import type { Browser } from 'wxt/browser';
import { applyLang, pageLang } from '@/components/ui/page-lang';
import { SourcemarkDB } from '@/storage/db/db';
import type { FirstScreen } from '@/storage/db/first-screen';
import { prefetchFirstPages, seedFirstPages } from '@/components/ui/popup/first-pages';
import App from './App';
import { activeTab } from './tab-actions';

export interface Early {
  tabId: number | undefined;
  /** The tab, asked for by main.ts. */
  tab: Promise<Browser.tabs.Tab | undefined>;
  /** Settings and first pages read by main.ts; null: read them through Dexie. */
  first: Promise<FirstScreen | null>;
}

/** Renders the popup once its settings, its tab and the first screen of the list are known. */
export async function mount({ tabId, tab, first }: Early): Promise<void> {
  const db = new SourcemarkDB();
  const early = await first;
  let lang;
  if (early) {
    seedFirstPages(db, early.pages);
    lang = applyLang(early.language);
  } else {
    // No database yet, or it could not be read without Dexie: the same reads through it.
    [lang] = await Promise.all([pageLang(db), prefetchFirstPages(db)]);
  }
  const active = await activeTab(tabId, tab);
  render(<App db={db} lang={lang} tabId={tabId} tab={active} />, document.getElementById('app')!);
}
