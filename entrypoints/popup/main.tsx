import { render } from 'preact';
import { pageLang } from '@/components/ui/page-lang';
import { tabFromLocation } from '@/components/ui/tab-param';
import { SourcemarkDB } from '@/storage/db/db';
import { prefetchFirstPages } from '@/components/ui/popup/first-pages';
import App from './App';
import { activeTab } from './tab-actions';
import '@/components/ui/popup/theme.css';
import './style.css';

async function main(): Promise<void> {
  const db = new SourcemarkDB();
  const tabId = tabFromLocation(location.search);
  // The settings, the tab and the first screen of the list asked for at once, rendered together.
  const [lang, tab] = await Promise.all([pageLang(db), activeTab(tabId), prefetchFirstPages(db)]);
  render(<App db={db} lang={lang} tabId={tabId} tab={tab} />, document.getElementById('app')!);
}

void main();
