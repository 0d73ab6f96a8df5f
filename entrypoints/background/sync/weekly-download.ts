import { browser } from 'wxt/browser';
import type { SourcemarkDB } from '@/storage/db/db';
import { readSettings } from '@/storage/db/settings';
import { readSyncRecord, writeSyncRecord } from '@/storage/db/sync-config';
import { exportFileName } from '@/storage/formats/filename';
import { exportText, readAll, snapshotsFor } from '@/storage/formats/export-file';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The reader's opt-in weekly copy in the Downloads folder (a JSON-LD export, importable as it
 * is), for readers without a server. Checked daily by an alarm and when the option is turned on.
 * Answers the file name, or null when none was due.
 */
export async function weeklyDownloadIfDue(db: SourcemarkDB, now = new Date()): Promise<string | null> {
  if (!(await readSettings(db)).weeklyBackup) return null;
  const last = (await readSyncRecord(db)).lastWeekly;
  if (last && now.getTime() - Date.parse(last) < WEEK_MS) return null;
  const annotations = await readAll(db);
  if (!annotations.length) return null;
  const filename = `sourcemark-backups/${exportFileName('jsonld', now, 'backup')}`;
  const text = exportText(annotations, 'jsonld', now, await snapshotsFor(db, 'all'));
  await browser.downloads.download({ url: await downloadableUrl(text), filename, saveAs: false, conflictAction: 'uniquify' });
  await writeSyncRecord(db, { lastWeekly: now.toISOString() });
  return filename;
}

/**
 * A URL the downloads API can read the text from. A Chrome service worker has no
 * `URL.createObjectURL`, so there it is a data: URL; Firefox's background page makes a blob URL.
 */
async function downloadableUrl(text: string): Promise<string> {
  const blob = new Blob([text], { type: 'application/ld+json;charset=utf-8' });
  if (typeof URL.createObjectURL === 'function') {
    const url = URL.createObjectURL(blob);
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return url;
  }
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:application/ld+json;charset=utf-8;base64,${btoa(binary)}`;
}
