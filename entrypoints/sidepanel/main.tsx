import { render } from 'preact';
import { pageLang } from '@/components/ui/page-lang';
import { panelStrings } from '@/components/vocabulary/panel-strings';
import { SourcemarkDB } from '@/storage/db/db';
import { tabFromLocation } from '@/components/ui/tab-param';
import App from './App';
import '@/components/ui/popup/theme.css';
import './style.css';

async function main(): Promise<void> {
  const db = new SourcemarkDB();
  const lang = await pageLang(db);
  document.title = panelStrings[lang].title;
  // `?tab=<id>` pins the panel to one tab (a panel opened as a page of its own, as the tests do);
  // without it the panel follows the active tab of its window.
  render(<App db={db} lang={lang} pinnedTab={tabFromLocation(location.search)} />, document.getElementById('app')!);
}

void main();
