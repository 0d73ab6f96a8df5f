import type { Browser } from 'wxt/browser';
import type { DigestShard } from '@/storage/db/digest-shard';
import type { FirstScreen } from '@/storage/db/first-screen';
import { findTab } from '@/entrypoints/popup/find-tab';
import { tabFromLocation } from '@/components/ui/tab-param';

/**
 * What the popup's early script (entrypoints/popup-early: a classic script of its own, no import,
 * built apart) hands the App's module script: the reads it started, and when its first screen is
 * drawn. They are two builds, so they meet on the page's window, which only the popup's own
 * scripts share (an extension page: no web page or content script runs in it).
 */
export interface Early {
  tabId: number | undefined;
  /** The tab the popup shows (find-tab.ts). */
  tab: Promise<Browser.tabs.Tab | undefined>;
  /** Settings and first pages read without Dexie; null: read them through Dexie. */
  first: Promise<FirstScreen | null>;
  /** Settles once the early screen is drawn, or once it is known that it will not be. */
  drawn: Promise<void>;
  /** The search digest, read without Dexie once the early screen is drawn; null: read it through Dexie. */
  digest: Promise<readonly DigestShard[] | null>;
}

interface Meeting {
  early?: Early;
  /** The App's script has started: an early script running after it draws nothing. */
  appStarted?: boolean;
}

const meeting = (): Meeting => {
  const w = globalThis as { __sourcemarkPopup?: Meeting };
  return (w.__sourcemarkPopup ??= {});
};

/** The early script: leaves its reads for the App, unless the App has started without them. */
export function publishEarly(make: () => Early): Early | null {
  const m = meeting();
  if (m.appStarted) return null;
  m.early = make();
  return m.early;
}

/**
 * The App's script: the early script's reads, or (it did not run first: a failed load, an order
 * the browser did not keep) the tab asked for here and the first screen left to Dexie.
 */
export function takeEarly(search: string): Early {
  const m = meeting();
  m.appStarted = true;
  if (m.early) return m.early;
  const tabId = tabFromLocation(search);
  return { tabId, tab: findTab(tabId), first: Promise.resolve(null), drawn: Promise.resolve(), digest: Promise.resolve(null) };
}
