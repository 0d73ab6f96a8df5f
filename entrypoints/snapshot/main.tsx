import { render } from 'preact';
import { pageParam } from '@/components/factcheck/kept-copy';
import SnapshotPage from '@/components/ui/snapshot/SnapshotPage';
import { ATTR, CLAIMS_OFF } from '@/components/vocabulary/attributes';
import { resolveLang } from '@/components/vocabulary/strings';
import { SourcemarkDB } from '@/storage/db/db';
import { readSettings } from '@/storage/db/settings';
import '@/components/ui/popup/theme.css';
// The marks look as they do on the article page: the same stylesheet.
import '@/components/marking/marks.css';
import './style.css';

async function main(): Promise<void> {
  const db = new SourcemarkDB();
  // A settings read that fails (a database from a newer release) must not leave the page blank.
  const settings = await readSettings(db).catch(() => null);
  const lang = resolveLang(settings?.language ?? 'auto', navigator.language);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  // Claim marks switched off in the settings lose their decoration here too, as in the page.
  if (settings && !settings.claimsEnabled) document.documentElement.setAttribute(ATTR.claims, CLAIMS_OFF);
  render(<SnapshotPage db={db} lang={lang} pageKey={pageParam(location.search)} />, document.getElementById('app')!);
}

void main();
