import { render } from 'preact';
import { pageLang } from '@/components/ui/page-lang';
import { tabFromLocation } from '@/components/ui/tab-param';
import { SourcemarkDB } from '@/storage/db/db';
import { prefetchFirstPages } from '@/components/ui/popup/first-pages';
import App from './App';
import '@/components/ui/popup/theme.css';
import './style.css';

async function main(): Promise<void> {
  const db = new SourcemarkDB();
  prefetchFirstPages(db);
  const lang = await pageLang(db);
  render(<App db={db} lang={lang} tabId={tabFromLocation(location.search)} />, document.getElementById('app')!);
}

void main();
