import { browser } from 'wxt/browser';
import { backupIfDue, listBackups } from '@/components/sync/backups';
import { createKeyFile, openKeyFile } from '@/components/sync/cipher';
import { sealedCodec } from '@/components/sync/codec';
import { syncOnce, writeNew } from '@/components/sync/engine';
import { NoPermissionError, syncErrorOf } from '@/components/sync/error-kind';
import { openText, sealText } from '@/components/sync/sealed-file';
import type { Remote, RemoteFile } from '@/components/sync/remote';
import { RemoteError } from '@/components/sync/remote';
import { BACKUP_FOLDER, KEY_FILE, SYNC_FOLDER, localDay, parseBackupName, tempName } from '@/components/sync/remote-names';
import type { BackupInfo, SyncError, SyncSetup, SyncStatus } from '@/components/sync/status';
import { createWebdavRemote } from '@/components/sync/webdav-remote';
import type { KeptAside } from '@/components/sync/kept-aside';
import type { SourcemarkDB } from '@/storage/db/db';
import { deviceId } from '@/storage/db/journal';
import { DexieSyncLocal } from '@/storage/db/sync-local';
import { readSyncConfig, readSyncRecord, writeSyncConfig, writeSyncRecord, type SyncConfig } from '@/storage/db/sync-config';
import type { Writer } from '@/storage/db/writer';
import { exportText, readAll, snapshotsFor } from '@/storage/formats/export-file';
import { PATTERNS_TAKE_PORTS, serverOriginPattern } from '@/components/sync/host-pattern';

/**
 * Sync as the background runs it: set-up, one sync at a time, the daily backup after a good
 * sync, and the status the options page and popup show. The engine (components/sync/engine.ts)
 * does the merging; this file wires it to the real server, the database and the reader.
 */
export class SyncService {
  private readonly local: DexieSyncLocal;
  private running: Promise<SyncError | null> | null = null;
  private again = false;

  constructor(
    private readonly db: SourcemarkDB,
    writer: Writer,
    private readonly changed: () => void,
    /** The sync server changed (set up, stopped): granted sites are worked out again without it. */
    private readonly serverChanged: () => void,
    private readonly remoteFor: (c: Pick<SyncConfig, 'url' | 'user' | 'password'>) => Remote = (c) =>
      createWebdavRemote({ folderUrl: c.url, user: c.user, password: c.password }),
  ) {
    this.local = new DexieSyncLocal(db, writer);
  }

  async configured(): Promise<boolean> {
    return (await readSyncConfig(this.db)) !== null;
  }

  async status(): Promise<SyncStatus> {
    const [config, record, pending, keptAside] = await Promise.all([
      readSyncConfig(this.db),
      readSyncRecord(this.db),
      this.local.pendingCount(),
      this.db.keptAside.count(),
    ]);
    return {
      configured: config !== null,
      server: config?.url ?? null,
      user: config?.user ?? null,
      running: this.running !== null,
      lastSync: record.lastSync,
      pending: config ? pending : 0,
      lastError: config ? record.lastError : null,
      lastRequests: record.lastRequests,
      lastBackup: record.lastBackup,
      keptAside,
    };
  }

  /**
   * Checks the server and the passphrase, then stores what sync needs and syncs once. Nothing is
   * stored when any step fails: a wrong passphrase is told as such, never taken for an empty folder.
   */
  async setup(s: SyncSetup): Promise<SyncError | null> {
    const url = s.url.endsWith('/') ? s.url : `${s.url}/`;
    const remote = this.remoteFor({ url, user: s.user, password: s.password });
    // Remembered before anything else: the permission the options page was just granted for this
    // server must not make it a site Sourcemark runs on, even if this set-up fails.
    await this.db.syncState.put({ key: 'candidate', value: url });
    try {
      await this.mayContact(url);
      // The folder the reader named must exist; Sourcemark's own folder inside it is made.
      await remote.list('');
      let listing: RemoteFile[];
      try {
        listing = await remote.list(SYNC_FOLDER);
      } catch (err) {
        if (!(err instanceof RemoteError && err.status === 404)) throw err;
        await remote.makeFolder(SYNC_FOLDER);
        listing = [];
      }
      const opened = listing.some((f) => f.name === KEY_FILE && !f.folder)
        ? await this.openRemoteKey(remote, s.passphrase)
        : await this.createRemoteKey(remote, s.passphrase);
      await writeSyncConfig(this.db, { url, user: s.user, password: s.password, key: opened.key, keyFileText: opened.text });
      await this.local.reset();
      await writeSyncRecord(this.db, { lastSync: null, lastError: null, lastRequests: remote.requests, lastBackup: null });
    } catch (err) {
      return syncErrorOf(err, new Date());
    } finally {
      this.changed();
      this.serverChanged();
    }
    return this.run();
  }

  /** The host patterns that are the sync server's (set up, or tried at the last set-up). */
  async serverPatterns(): Promise<Set<string>> {
    const [config, candidate] = await Promise.all([readSyncConfig(this.db), this.db.syncState.get('candidate')]);
    const urls = [config?.url, typeof candidate?.value === 'string' ? candidate.value : undefined];
    return new Set(urls.flatMap((u) => (u ? [serverOriginPattern(u, { withPort: PATTERNS_TAKE_PORTS })] : [])).filter((p): p is string => !!p));
  }

  /** Forgets the server, password and key on this device; the server and the annotations stay. */
  async disconnect(): Promise<void> {
    const config = await readSyncConfig(this.db);
    const pattern = config && serverOriginPattern(config.url, { withPort: PATTERNS_TAKE_PORTS });
    // Sourcemark no longer needs to reach that server: give the permission back.
    if (pattern) await browser.permissions.remove({ origins: [pattern] }).catch(() => undefined);
    await this.db.syncState.delete('candidate');
    await writeSyncConfig(this.db, null);
    await this.local.reset();
    await writeSyncRecord(this.db, { lastSync: null, lastError: null, lastRequests: 0, lastBackup: null });
    this.changed();
    this.serverChanged();
  }

  /** Syncs now, or once more right after the sync already running. */
  run(): Promise<SyncError | null> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let error: SyncError | null = null;
      do {
        this.again = false;
        error = await this.runOnce();
      } while (this.again);
      return error;
    })().finally(() => {
      this.running = null;
      this.changed();
    });
    this.changed();
    return this.running;
  }

  async backups(): Promise<BackupInfo[]> {
    const config = await this.requireConfig();
    await this.mayContact(config.url);
    return listBackups(this.remoteFor(config));
  }

  /** A backup decrypted to its JSON-LD text, for the options page's import preview. */
  async readBackup(name: string): Promise<string> {
    if (!parseBackupName(name)) throw new Error(`${name} is not a backup's name`);
    const config = await this.requireConfig();
    await this.mayContact(config.url);
    const bytes = await this.remoteFor(config).get(`${BACKUP_FOLDER}/${name}`);
    return openText(config.key, name, bytes);
  }

  keptAside(): Promise<KeptAside[]> {
    return this.db.keptAside.orderBy('at').reverse().toArray();
  }

  async dismissKept(key: string): Promise<KeptAside[]> {
    await this.db.keptAside.delete(key);
    this.changed();
    return this.keptAside();
  }

  private async runOnce(): Promise<SyncError | null> {
    const config = await readSyncConfig(this.db);
    if (!config) return null;
    const remote = this.remoteFor(config);
    const now = new Date();
    let error: SyncError | null = null;
    try {
      await this.mayContact(config.url);
      const report = await syncOnce({ remote, local: this.local, codec: sealedCodec(config.key, config.keyFileText) });
      const record = await readSyncRecord(this.db);
      const today = localDay(now);
      let lastBackup = record.lastBackup;
      if (lastBackup !== today) {
        const dev = await this.db.transaction('rw', this.db.syncState, () => deviceId(this.db));
        lastBackup = await backupIfDue({
          remote,
          dev,
          today,
          seal: (name, text) => sealText(config.key, name, text),
          exportText: async () => exportText(await readAll(this.db), 'jsonld', now, await snapshotsFor(this.db, 'all')),
          random: randomName,
        });
      }
      // A damaged file of another device does not stop the sync; the reader still hears of it.
      const damaged = report.damaged[0];
      if (damaged) error = { kind: 'damaged', detail: `${damaged.file}: ${damaged.reason}`, at: now.toISOString() };
      await writeSyncRecord(this.db, { lastSync: now.toISOString(), lastError: error, lastRequests: remote.requests, lastBackup });
    } catch (err) {
      error = syncErrorOf(err, now);
      await writeSyncRecord(this.db, { lastError: error, lastRequests: remote.requests });
    }
    return error;
  }

  private async requireConfig(): Promise<SyncConfig> {
    const config = await readSyncConfig(this.db);
    if (!config) throw new Error('sync is not set up');
    return config;
  }

  /** The reader granted this one server at set-up; without it the browser would block the requests. */
  private async mayContact(url: string): Promise<void> {
    const pattern = serverOriginPattern(url, { withPort: PATTERNS_TAKE_PORTS });
    if (!pattern || !(await browser.permissions.contains({ origins: [pattern] }))) {
      throw new NoPermissionError(`no permission to contact ${new URL(url).host}`);
    }
  }

  private async openRemoteKey(remote: Remote, passphrase: string): Promise<{ key: CryptoKey; text: string }> {
    const text = new TextDecoder().decode(await remote.get(`${SYNC_FOLDER}/${KEY_FILE}`));
    const { key } = await openKeyFile(text, passphrase);
    return { key, text };
  }

  private async createRemoteKey(remote: Remote, passphrase: string): Promise<{ key: CryptoKey; text: string }> {
    const made = await createKeyFile(passphrase);
    const dev = await this.db.transaction('rw', this.db.syncState, () => deviceId(this.db));
    try {
      await writeNew(remote, KEY_FILE, new TextEncoder().encode(made.text), tempName(dev, randomName()));
    } catch (err) {
      // Another device set the folder up at the same moment: use its key file.
      if (err instanceof RemoteError && err.status === 412) return this.openRemoteKey(remote, passphrase);
      throw err;
    }
    return { key: made.key, text: made.text };
  }
}

function randomName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
