import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { syncStrings } from '@/components/vocabulary/sync-strings';
import { useEnv } from '../popup/env';
import { formatBytes } from './sync-words';

export type StorageStatusProps = Record<string, never>;

interface StorageFacts {
  /** Whether the browser keeps the data when the disk runs low; null when it does not say. */
  persistent: boolean | null;
  usage: number | null;
  quota: number | null;
}

let asked: Promise<boolean | null> | null = null;

/**
 * Asks the browser, once per page, to keep Sourcemark's storage when the disk runs low
 * (`navigator.storage.persist()`), and answers whether it does. Only a window has
 * `navigator.storage.persist`; where it is missing or refuses to answer, what it already decided
 * (`persisted()`) is the answer, or null.
 */
export function askPersistence(): Promise<boolean | null> {
  asked ??= (async () => {
    const storage = typeof window === 'undefined' ? undefined : window.navigator.storage;
    if (!storage) return null;
    try {
      if (typeof storage.persist === 'function') return await storage.persist();
    } catch {
      // Some browsers refuse outside a user gesture: fall through to what is already decided.
    }
    try {
      return typeof storage.persisted === 'function' ? await storage.persisted() : null;
    } catch {
      return null;
    }
  })();
  return asked;
}

/**
 * Chromium never evicts an extension that has `unlimitedStorage` (its quota database skips
 * "unlimited" origins when choosing what to evict), yet answers `persist()` with false: the
 * permission, not the answer, says the notes are kept. Firefox turns the same permission into
 * persistent storage, so there `persist()` answers true by itself.
 */
function unlimitedInChromium(): boolean {
  if (import.meta.env.FIREFOX) return false;
  try {
    return (browser.runtime.getManifest().permissions ?? []).includes('unlimitedStorage');
  } catch {
    return false;
  }
}

async function readFacts(): Promise<StorageFacts> {
  const asked = await askPersistence();
  const persistent = asked === true || unlimitedInChromium() ? true : asked;
  let usage: number | null = null;
  let quota: number | null = null;
  try {
    const estimate = await window.navigator.storage?.estimate?.();
    usage = estimate?.usage ?? null;
    quota = estimate?.quota ?? null;
  } catch {
    // No estimate: the usage line is left out.
  }
  return { persistent, usage, quota };
}

/** Whether the browser may clear the reader's notes to free space, and how much they take. */
export default function StorageStatus(_props: StorageStatusProps) {
  const { lang } = useEnv();
  const w = syncStrings[lang];
  const [facts, setFacts] = useState<StorageFacts | null>(null);
  useEffect(() => {
    let live = true;
    void readFacts().then((f) => {
      if (live) setFacts(f);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!facts) return null;
  return (
    <div class="storage-status" data-persistent={facts.persistent === null ? 'unknown' : String(facts.persistent)}>
      <h3>{w.storageTitle}</h3>
      <p class={facts.persistent === false ? 'warning' : ''}>
        {facts.persistent === true ? w.storagePersistent : facts.persistent === false ? w.storageNotPersistent : w.storageUnknown}
      </p>
      {facts.usage !== null && facts.quota !== null ? <p class="muted">{w.storageUsage(formatBytes(facts.usage), formatBytes(facts.quota))}</p> : null}
    </div>
  );
}
