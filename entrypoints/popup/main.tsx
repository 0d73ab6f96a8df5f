import { render } from 'preact';
import { resolveLang } from '@/components/vocabulary/strings';
import { tabFromLocation } from './tab-actions';
import { SourcemarkDB } from '@/storage/db/db';
import { readSettings } from '@/storage/db/settings';
import App from './App';
import '@/components/ui/popup/theme.css';
import './style.css';

async function main(): Promise<void> {
  const db = new SourcemarkDB();
  // A settings read that fails (a database from a newer release) must not leave the popup blank.
  const language = await readSettings(db).then(
    (s) => s.language,
    () => 'auto' as const,
  );
  const lang = resolveLang(language, navigator.language);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  render(<App db={db} lang={lang} tabId={tabFromLocation(location.search)} />, document.getElementById('app')!);
}

void main();
