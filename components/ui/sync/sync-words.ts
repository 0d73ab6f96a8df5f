/**
 * Sync's state in words: what the options page and the popup say about a SyncStatus, as a pure
 * function of the status, the language and the time now (tests/unit/sync-ui.test.tsx pins it).
 * The components only lay these strings out.
 */
import type { SyncError, SyncStatus } from '@/components/sync/status';
import type { Lang } from '@/components/vocabulary/strings';
import { syncStrings } from '@/components/vocabulary/sync-strings';

/** `data-sync-state` on the status element: what e2e tests and user styles key on. */
export type SyncState = 'off' | 'idle' | 'running' | 'error';

export function syncState(s: SyncStatus): SyncState {
  if (!s.configured) return 'off';
  // A sync under way may clear the last error: "running" says more than the old failure.
  if (s.running) return 'running';
  return s.lastError ? 'error' : 'idle';
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "3 minutes ago" / "3 分钟前"; `short` is the popup's "3 min ago". A time in the future (another
 * clock, a little ahead) reads "just now"; older than a week, the date.
 */
export function relativeTime(lang: Lang, iso: string, now: number, short = false): string {
  const r = syncStrings[lang].relative;
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const ago = now - then;
  if (ago < MINUTE) return r.justNow;
  if (ago < HOUR) return r.minutes(Math.floor(ago / MINUTE), short);
  if (ago < DAY) return r.hours(Math.floor(ago / HOUR), short);
  if (ago < 7 * DAY) return r.days(Math.floor(ago / DAY), short);
  return r.on(dateWords(lang, new Date(then), undefined));
}

/** A backup's day (`YYYY-MM-DD`, the reader's day) as the reader writes dates: 5 Dec 2026 / 2026年12月5日. */
export function formatDay(lang: Lang, day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  // Read as a UTC date and shown in UTC: the day never shifts by the reader's time zone.
  return dateWords(lang, new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))), 'UTC');
}

function dateWords(lang: Lang, d: Date, timeZone: string | undefined): string {
  return d.toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone });
}

/** Bytes as a reader reads them: 812 B, 3.4 KB, 2.3 MB, 120 GB. */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 || v >= 100 ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}

// The server file names sync writes (components/sync/remote-names.ts): found wherever a detail
// names one, so the advice can say which file without depending on how the detail is worded.
const SYNC_FILE = /(?:^|[^\w.])([a-z0-9]{8,64}\.\d{1,15}\.(?:base|chg)|\d{4}-\d{2}-\d{2}\.[a-z0-9]{8,64}\.bak|keys\.json)(?![\w.])/;

/** The server file a damaged-file detail names, or null. */
export function fileInDetail(detail: string): string | null {
  return SYNC_FILE.exec(detail)?.[1] ?? null;
}

export interface ErrorWords {
  /** What happened and what to do, as two sentences. */
  what: string;
  todo: string;
  /** The popup's form, "Sync: wrong passphrase". */
  short: string;
  /** The technical detail, shown under the advice as it came. */
  detail: string;
  needsReader: boolean;
}

export function errorWords(lang: Lang, error: Pick<SyncError, 'kind' | 'detail'>): ErrorWords {
  const w = syncStrings[lang];
  const e = w.errors[error.kind];
  const file = error.kind === 'damaged' ? fileInDetail(error.detail) : null;
  return { what: e.what(file), todo: e.todo, short: w.popupError(e.short), detail: error.detail, needsReader: e.needsReader };
}

export interface StatusWords {
  state: SyncState;
  /** "Last synced 3 minutes ago", "Syncing now…", "Not synced yet.", or that sync is off. */
  headline: string;
  /** "2 changes not yet on the server"; null when off, or nothing synced and nothing pending. */
  pending: string | null;
  error: (ErrorWords & { when: string }) | null;
  /** "Newest backup on the server: 5 Dec 2026", or null. */
  lastBackup: string | null;
}

export function statusWords(lang: Lang, s: SyncStatus, now: number): StatusWords {
  const w = syncStrings[lang];
  const state = syncState(s);
  if (state === 'off') return { state, headline: w.stateOff, pending: null, error: null, lastBackup: null };
  const headline = s.running ? w.syncing : s.lastSync ? w.lastSynced(relativeTime(lang, s.lastSync, now)) : w.neverSynced;
  const pending = s.pending > 0 || s.lastSync ? w.pending(s.pending) : null;
  const error = s.lastError ? { ...errorWords(lang, s.lastError), when: w.errorWhen(relativeTime(lang, s.lastError.at, now)) } : null;
  return { state, headline, pending, error, lastBackup: s.lastBackup ? w.lastBackup(formatDay(lang, s.lastBackup)) : null };
}

/**
 * The popup's one line: "Synced 3 min ago · 2 pending", "Syncing…", or the error's short form;
 * null when sync is not set up (the popup then shows nothing). `title` is the error's full advice.
 */
export function popupLine(lang: Lang, s: SyncStatus, now: number): { state: SyncState; text: string; title: string | null; needsReader: boolean } | null {
  const w = syncStrings[lang];
  const state = syncState(s);
  if (state === 'off') return null;
  const pending = s.pending > 0 ? ` · ${w.popupPending(s.pending)}` : '';
  if (state === 'running') return { state, text: `${w.syncing}${pending}`, title: null, needsReader: false };
  if (state === 'error' && s.lastError) {
    const e = errorWords(lang, s.lastError);
    return { state, text: `${e.short}${pending}`, title: `${e.what} ${e.todo}`, needsReader: e.needsReader };
  }
  const synced = s.lastSync ? w.popupSynced(relativeTime(lang, s.lastSync, now, true)) : w.popupNever;
  return { state, text: `${synced}${pending}`, title: null, needsReader: false };
}
