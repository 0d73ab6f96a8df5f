import type { Browser } from 'wxt/browser';
import type { PageStatus } from '@/storage/messaging/protocol';

type Tab = Browser.tabs.Tab;

/** The tab the popup was opened over, and what Sourcemark found in it (entrypoints/popup asks). */
export type ActiveTab =
  | { kind: 'unsupported'; tab: Tab | null }
  | { kind: 'not-running'; tab: Tab & { id: number } }
  | { kind: 'running'; tab: Tab & { id: number }; status: PageStatus };
