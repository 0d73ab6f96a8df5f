import Dexie from 'dexie';
import { expect } from 'vitest';
import type { PageSender } from '@/entrypoints/background/full-script';
import { handleMessage, type HandlerDeps } from '@/entrypoints/background/handlers';
import { NoteGrants } from '@/entrypoints/background/note-grants';
import { classifySender, originOf, type Sender, type SenderInfo } from '@/entrypoints/background/senders';
import { SourcemarkDB } from '@/storage/db/db';
import { Writer, type NoticeTarget } from '@/storage/db/writer';
import type { AnnotationDraft, BackgroundRequestType, BackgroundResponse, ChangeNotice, ReloadNotice, SettingsNotice } from '@/storage/messaging/protocol';
import type { Annotation } from '@/storage/model/annotation';

/**
 * The background as tests drive it: a fresh database, the Writer with a fixed clock and
 * predictable ids, one-time grants on a clock the test moves, and senders classified from
 * `runtime.MessageSender`-shaped objects exactly as entrypoints/background/index.ts does.
 */

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
/** Computed the way the background computes it from `runtime.getURL('/')`. */
export const EXTENSION = { id: EXTENSION_ID, origin: originOf(`chrome-extension://${EXTENSION_ID}/`) };

export const FIXED_NOW = new Date('2026-02-01T10:00:00.000Z');

/** `00000000-0000-4000-8000-<n>`: a valid v4 UUID per number. */
export const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export function senderOf(info: SenderInfo): Sender {
  return classifySender(info, EXTENSION);
}

/** Our content script in the top frame of tab `tabId` showing `url`. */
export function contentScript(url: string, tabId = 7): Extract<Sender, { kind: 'content-script' }> {
  const s = senderOf({ id: EXTENSION_ID, url, tab: { id: tabId }, frameId: 0 });
  if (s.kind !== 'content-script') throw new Error(`expected a content script, got ${JSON.stringify(s)}`);
  return s;
}

export function popup(): Sender {
  const s = senderOf({ id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` });
  if (s.kind !== 'extension-page') throw new Error(`expected an extension page, got ${JSON.stringify(s)}`);
  return s;
}

/** note.html framed in tab `tabId` as frame `frameId`. */
export function noteFrame(tabId = 7, frameId = 3): Sender {
  const s = senderOf({ id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/note.html`, tab: { id: tabId }, frameId });
  if (s.kind !== 'note-frame') throw new Error(`expected a note frame, got ${JSON.stringify(s)}`);
  return s;
}

export interface Sent {
  notice: ChangeNotice | ReloadNotice | SettingsNotice;
  target: NoticeTarget;
}

export interface Harness {
  db: SourcemarkDB;
  writer: Writer;
  grants: NoteGrants;
  deps: HandlerDeps;
  notices: Sent[];
  injected: number[];
  /** The pages a granted site's loader had the content script loaded into (`loadFull`). */
  loaded: PageSender[];
  revealed: string[];
  /** Moves the grants' clock. */
  advance(ms: number): void;
  ask(sender: Sender, message: unknown): Promise<BackgroundResponse<BackgroundRequestType>>;
  /** Asks and expects success; answers the data. */
  ok(sender: Sender, message: unknown): Promise<Record<string, unknown>>;
  everything(): Promise<Annotation[]>;
  close(): Promise<void>;
}

export function harness(name = `bg-${Math.random()}`): Harness {
  const db = new SourcemarkDB(name);
  const notices: Sent[] = [];
  const injected: number[] = [];
  const loaded: PageSender[] = [];
  const revealed: string[] = [];
  let ids = 1000;
  const writer = new Writer(db, (notice, target) => notices.push({ notice, target }), {
    now: () => FIXED_NOW,
    newId: () => uuid(ids++),
  });
  let t = 1_000_000;
  let tokens = 0;
  const grants = new NoteGrants(
    () => t,
    () => `token-${String(++tokens).padStart(12, '0')}`,
  );
  const deps: HandlerDeps = {
    db,
    writer,
    grants,
    injectInto: async (tabId) => {
      injected.push(tabId);
    },
    reveal: async (a) => {
      revealed.push(a.id);
      return true;
    },
    loadFull: async (page) => {
      loaded.push(page);
      return true;
    },
  };
  const ask = (sender: Sender, message: unknown) => handleMessage(deps, message, sender);
  return {
    db,
    writer,
    grants,
    deps,
    notices,
    injected,
    loaded,
    revealed,
    advance: (ms) => {
      t += ms;
    },
    ask,
    async ok(sender, message) {
      const r = await ask(sender, message);
      if (!r.ok) expect.fail(`expected success for ${JSON.stringify(message)}, got ${r.error}`);
      return r.data as unknown as Record<string, unknown>;
    },
    everything: () => db.annotations.orderBy('id').toArray(),
    async close() {
      db.close();
      await Dexie.delete(name);
    },
  };
}

/** What a content script sends for a new highlight. */
export function draft(over: Partial<AnnotationDraft> = {}): AnnotationDraft {
  return {
    selectors: [{ type: 'TextQuoteSelector', exact: '可以确定所谓美俄阿拉斯加密约', prefix: '媒体“漏风”,', suffix: '就是乌克兰' }],
    color: 'yellow',
    title: '美俄乌会谈无果而终',
    note: '',
    ...over,
  };
}
