import { render } from 'preact';
import { applyLang } from '@/components/ui/apply-lang';
import { pageLang } from '@/components/ui/page-lang';
import { handOver } from '@/components/ui/popup/hand-over';
import { SourcemarkDB } from '@/storage/db/db';
import type { Early } from '@/components/ui/popup/early-handoff';
import { prefetchFirstPages, seedFirstPages } from '@/components/ui/popup/first-pages';
import { seedDigest } from '@/components/ui/popup/seeded-digest';
import App from './App';
import { activeTab } from './tab-actions';

/**
 * Renders the popup once its settings, its tab and the first screen of the list are known, in
 * place of the early screen the early script drew from the same answers.
 */
export async function mount({ tabId, tab, first, digest }: Early): Promise<void> {
  const db = new SourcemarkDB();
  seedDigest(db, digest);
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
  handOver(document, (root) => render(<App db={db} lang={lang} tabId={tabId} tab={active} />, root));
}
