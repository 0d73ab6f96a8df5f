import { tabFromLocation } from '@/components/ui/tab-param';
import { FIRST_PAGES } from '@/components/ui/popup/first-screen-size';
import { readFirstScreen } from '@/storage/db/first-screen';
import { readDigest } from '@/storage/db/digest-read';
import { findTab } from './find-tab';
import '@/components/ui/popup/theme.css';
import './style.css';

// The popup's first script: small, so it runs as soon as the page is parsed. It asks for what the
// first screen shows (settings, tab, first pages) with plain IndexedDB and the tabs API while the
// rest of the popup (Preact, Dexie, zod, the strings) loads, instead of after; and the search
// digest (32 small records), so that the list and its search index can be built before the
// first keystroke without the 10,000 whole records.
const tabId = tabFromLocation(location.search);
const tab = findTab(tabId);
const first = readFirstScreen(FIRST_PAGES);
const digest = readDigest();
void import('./mount').then((m) => m.mount({ tabId, tab, first, digest }));
