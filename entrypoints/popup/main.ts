import { tabFromLocation } from '@/components/ui/tab-param';
import { FIRST_PAGES } from '@/components/ui/popup/first-screen-size';
import { readFirstScreen } from '@/storage/db/first-screen';
import { findTab } from './find-tab';
import '@/components/ui/popup/theme.css';
import './style.css';

// The popup's first script: small, so it runs as soon as the page is parsed. It asks for what the
// first screen shows (settings, tab, first pages) with plain IndexedDB and the tabs API while the
// rest of the popup (Preact, Dexie, zod, the strings) loads, instead of after. The search digest
// is read once the first screen is up (components/ui/popup/use-library.ts): read beside it, its
// 4 MB made the first screen 60–120 ms later (measured in pairs), for a search typed at once.
const tabId = tabFromLocation(location.search);
const tab = findTab(tabId);
const first = readFirstScreen(FIRST_PAGES);
void import('./mount').then((m) => m.mount({ tabId, tab, first }));
