import type { SourcemarkDB } from '@/storage/db/db';
import { readSettings } from '@/storage/db/settings';
import { NotAllowedError, type Writer } from '@/storage/db/writer';
import type { Annotation } from '@/storage/model/annotation';
import { errorMessage } from '@/storage/model/error-message';
import {
  parseBackgroundRequest,
  type BackgroundRequest,
  type BackgroundRequestType,
  type BackgroundResponse,
  type BackgroundResponseData,
} from '@/storage/messaging/protocol';
import { badgeFor, type Badge } from './badge';
import type { NoteGrants, NoteSession } from './note-grants';
import type { PageSender } from './full-script';
import type { Sender } from './senders';
import { ARTICLE_CLASSIC, ARTICLE_START, LOADER_SELECTION } from '@/storage/messaging/protocol-constants';
import { hasAnnotations } from '@/storage/db/queries';
import type { SyncService } from './sync/service';
import { clearLedger, countOpened, importSnapshots, keepSnapshot } from '@/storage/db/factcheck-store';
import { claimsInParagraphs } from '@/components/claims/paragraphs';
import { atSelfMediaUrl } from '@/components/recognition/self-media-url';

export interface HandlerDeps {
  db: SourcemarkDB;
  writer: Writer;
  grants: NoteGrants;
  injectInto: (tabId: number) => Promise<void>;
  reveal: (a: Annotation) => Promise<boolean>;
  /** A content script spoke for this page from this tab (the notices' map of open pages). */
  seen?: (tabId: number, pageKey: string) => void;
  /** Sync, when the background runs it (unit tests of other messages leave it out). */
  sync?: SyncService;
  /** The reader turned the weekly download on: make the first one now. */
  weeklyTurnedOn?: () => void;
  /** Opens one of the extension's pages in a new tab (a path with its query). */
  openPage?: (path: string) => Promise<void>;
  /** Shows a badge on the toolbar button in tab `tabId` (entrypoints/background/badge.ts). */
  setBadge?: (tabId: number, badge: Badge) => Promise<void>;
  /**
   * Loads the full content script into a granted site's page whose loader asked, once per
   * document; resolves whether it is there (./full-script.ts).
   */
  loadFull?: (page: PageSender) => Promise<boolean>;
  /** Runs the article script in the sender's document as a content script (send-to-tab.ts `injectArticle`). */
  loadArticle?: (page: PageSender) => Promise<void>;
}

/**
 * What each kind of sender may ask. A content script acts for its own page only (checked again
 * per request below); the note frame only for what its token granted; settings, export, import,
 * delete-all and other pages' data are the reader's own pages' business.
 */
const ALLOWED: Record<Exclude<Sender['kind'], 'refused'>, ReadonlySet<BackgroundRequestType>> = {
  'content-script': new Set<BackgroundRequestType>([
    'annotation.listForPage',
    'annotation.get',
    'annotation.create',
    'annotation.update',
    'annotation.delete',
    'settings.get',
    'noteFrame.open',
    'article.opened',
    'snapshot.get',
    'snapshot.keep',
    'snapshot.open',
    'page.claims',
    LOADER_SELECTION,
    ARTICLE_START,
    ARTICLE_CLASSIC,
    'claims.detect',
  ]),
  'note-frame': new Set<BackgroundRequestType>([
    'noteFrame.redeem',
    'noteFrame.saveNote',
    'noteFrame.recolor',
    'noteFrame.delete',
  ]),
  'extension-page': new Set<BackgroundRequestType>([
    'annotation.listForPage',
    'annotation.get',
    'annotation.save',
    'annotation.update',
    'annotation.delete',
    'annotation.reveal',
    'import.write',
    'data.deleteAll',
    'tab.enable',
    'settings.get',
    'settings.set',
    'ledger.clear',
    // Sync carries the reader's server password and key: only their own pages may drive it.
    'sync.status',
    'sync.setup',
    'sync.now',
    'sync.disconnect',
    'sync.backups',
    'sync.readBackup',
    'sync.keptAside',
    'sync.dismissKept',
  ]),
};

/**
 * Answers one message from `sender`. Plain function of (dependencies, raw message, sender) so
 * unit tests call it directly; the background only wires it to `runtime.onMessage`. Never throws:
 * errors become `{ ok: false, error }` so the sender can tell the reader what went wrong.
 */
export async function handleMessage(
  deps: HandlerDeps,
  raw: unknown,
  sender: Sender,
): Promise<BackgroundResponse<BackgroundRequestType>> {
  if (sender.kind === 'refused') return { ok: false, error: `refused: ${sender.why}` };
  const parsed = parseBackgroundRequest(raw);
  if (!parsed.ok) return parsed;
  const req = parsed.request;
  if (!ALLOWED[sender.kind].has(req.type)) return { ok: false, error: `refused: ${req.type} is not for this sender` };
  try {
    return { ok: true, data: await dispatch(deps, req, sender) };
  } catch (err) {
    return { ok: false, error: err instanceof NotAllowedError ? `refused: ${err.message}` : errorMessage(err) };
  }
}

type Data = BackgroundResponseData[BackgroundRequestType];

async function dispatch(deps: HandlerDeps, req: BackgroundRequest, sender: Exclude<Sender, { kind: 'refused' }>): Promise<Data> {
  if (sender.kind === 'note-frame') return noteFrame(deps, req, sender);
  const { db, writer } = deps;
  // A content script's page is its frame's URL; an extension page may act on any page.
  const own = sender.kind === 'content-script' ? (a: Annotation) => a.pageKey === sender.pageKey : () => true;
  switch (req.type) {
    case 'annotation.listForPage': {
      let key = req.pageKey;
      if (sender.kind === 'content-script') {
        if (key !== undefined && key !== sender.pageKey) throw new NotAllowedError("another page's annotations");
        key = sender.pageKey;
        deps.seen?.(sender.tabId, key);
      }
      if (key === undefined) throw new Error('pageKey: required');
      return { annotations: await db.annotations.where('pageKey').equals(key).sortBy('created') };
    }
    case 'annotation.get': {
      const a = (await db.annotations.get(req.id)) ?? null;
      return { annotation: a && own(a) ? a : null };
    }
    case 'annotation.create':
      if (sender.kind !== 'content-script') throw new NotAllowedError('only a page creates highlights');
      return { annotation: await writer.create(req.draft, { pageKey: sender.pageKey, url: sender.url }) };
    case 'annotation.save':
      return { annotation: await writer.save(req.annotation) };
    case 'annotation.update':
      return { annotation: await writer.update(req.id, req.patch, own) };
    case 'annotation.delete':
      return { deleted: await writer.delete(req.id, own) };
    case 'annotation.reveal': {
      const a = await db.annotations.get(req.id);
      if (!a) throw new Error(`no annotation with id ${req.id}`);
      return { shown: await deps.reveal(a) };
    }
    case 'import.write': {
      const out = await writer.importWrite(req.annotations, req.mode);
      return req.snapshots?.length ? { ...out, snapshots: await importSnapshots(db, req.snapshots) } : out;
    }
    case 'data.deleteAll':
      return { deleted: await writer.deleteAll() };
    case 'tab.enable':
      await deps.injectInto(req.tabId);
      return { enabled: true };
    case 'settings.get':
      return { settings: await readSettings(db) };
    case 'settings.set': {
      const settings = await writer.setSettings(req.patch);
      if (req.patch.weeklyBackup === true) deps.weeklyTurnedOn?.();
      return { settings };
    }
    case 'article.opened': {
      if (sender.kind !== 'content-script') throw new NotAllowedError('only a page opens an article');
      const [summary] = await Promise.all([
        countOpened(db, req.opened, sender, new Date()),
        // As for page.claims, on the sender's own tab; a tab closed meanwhile costs the ledger nothing.
        req.badge ? deps.setBadge?.(sender.tabId, badgeFor(req.badge)).catch(() => undefined) : undefined,
      ]);
      return { summary };
    }
    case 'snapshot.get':
      if (sender.kind !== 'content-script') throw new NotAllowedError('extension pages read snapshots themselves');
      return { snapshot: (await db.snapshots.get(sender.pageKey)) ?? null };
    case 'snapshot.keep':
      if (sender.kind !== 'content-script') throw new NotAllowedError('only a page keeps its own text');
      return { snapshot: await keepSnapshot(db, req.reading, sender, new Date()) };
    case 'snapshot.open': {
      if (sender.kind !== 'content-script') throw new NotAllowedError('only a page opens its own snapshot');
      if (!(await db.snapshots.get(sender.pageKey))) return { opened: false };
      await deps.openPage?.(`/snapshot.html?page=${encodeURIComponent(sender.pageKey)}`);
      return { opened: deps.openPage !== undefined };
    }
    case 'page.claims': {
      // The badge goes on the sender's own tab: an extension page has no page to count.
      if (sender.kind !== 'content-script') throw new NotAllowedError("only a page reports its claims");
      await deps.setBadge?.(sender.tabId, badgeFor(req));
      return { shown: deps.setBadge !== undefined };
    }
    case LOADER_SELECTION:
      if (sender.kind !== 'content-script') throw new NotAllowedError('only a page has a loader');
      return { injected: (await deps.loadFull?.(sender)) ?? false };
    case ARTICLE_START: {
      if (sender.kind !== 'content-script') throw new NotAllowedError('only a page starts an article');
      const [settings, saved, snapshot] = await Promise.all([
        readSettings(db),
        hasAnnotations(db, sender.pageKey),
        db.snapshots.get(sender.pageKey),
      ]);
      // This tab shows the page now: a change to its annotations made elsewhere reaches it.
      deps.seen?.(sender.tabId, sender.pageKey);
      // Its highlights and verdicts paint at load: the annotator goes in now, not on the first
      // selection (the same once-per-document injection a selection asks for).
      if (saved) void deps.loadFull?.(sender);
      return { settings, saved, snapshot: snapshot ?? null };
    }
    case ARTICLE_CLASSIC: {
      if (sender.kind !== 'content-script') throw new NotAllowedError('only a page loads its article script');
      // Where the manifest runs the article script's loader, and nowhere else.
      if (!atSelfMediaUrl(sender.url) || !deps.loadArticle) return { injected: false };
      await deps.loadArticle(sender);
      return { injected: true };
    }
    case 'claims.detect':
      // The detector is pure and the text is the sender's own page's: nothing is stored.
      if (sender.kind !== 'content-script') throw new NotAllowedError('only a page asks for its claims');
      return { claims: claimsInParagraphs(req.blocks) };
    case 'ledger.clear':
      return { cleared: await clearLedger(db) };
    case 'sync.status':
      return { status: await needSync(deps).status() };
    case 'sync.setup': {
      const error = await needSync(deps).setup(req.setup);
      return { status: await needSync(deps).status(), error };
    }
    case 'sync.now': {
      const error = await needSync(deps).run();
      return { status: await needSync(deps).status(), error };
    }
    case 'sync.disconnect':
      await needSync(deps).disconnect();
      return { status: await needSync(deps).status() };
    case 'sync.backups':
      return { backups: await needSync(deps).backups() };
    case 'sync.readBackup':
      return { name: req.name, text: await needSync(deps).readBackup(req.name) };
    case 'sync.keptAside':
      return { items: await needSync(deps).keptAside() };
    case 'sync.dismissKept':
      return { items: await needSync(deps).dismissKept(req.key) };
    case 'noteFrame.open': {
      if (sender.kind !== 'content-script') throw new NotAllowedError('only a page opens its note frame');
      const grant = req.grant;
      if (grant.mode === 'view') {
        const a = await db.annotations.get(grant.id);
        if (!a || !own(a)) throw new NotAllowedError('not an annotation of this page');
      }
      return { token: deps.grants.issue(sender.tabId, { ...grant, page: { pageKey: sender.pageKey, url: sender.url } }) };
    }
    default:
      throw new NotAllowedError(`${req.type} is not for this sender`);
  }
}

/** The note frame acts only on what its redeemed token granted. */
async function noteFrame(deps: HandlerDeps, req: BackgroundRequest, sender: Extract<Sender, { kind: 'note-frame' }>): Promise<Data> {
  const { db, writer, grants } = deps;
  if (req.type === 'noteFrame.redeem') {
    const session = grants.redeem(req.token, sender.tabId, sender.frameId);
    if (!session) throw new NotAllowedError('this note panel has no valid token');
    const { grant } = session;
    if (grant.mode === 'new') {
      const quote = grant.selectors.find((x) => x.type === 'TextQuoteSelector');
      return { mode: 'new', lang: grant.lang, quote: quote?.type === 'TextQuoteSelector' ? quote.exact : '', assessment: grant.assessment ?? null };
    }
    const a = await db.annotations.get(grant.id);
    return { mode: 'view', lang: grant.lang, annotation: a && a.pageKey === grant.page.pageKey ? a : null, edit: grant.edit === true };
  }
  const session = grants.session(sender.tabId, sender.frameId);
  if (!session) throw new NotAllowedError('this note panel has no valid token');
  const mine = sessionOwns(session);
  switch (req.type) {
    case 'noteFrame.saveNote': {
      // A second save while the first one's create is still being written (a double click on
      // Save) waits for it and edits that annotation: checking `annotationId` alone let both
      // create, so one 'new' token made two highlights.
      if (!session.annotationId && session.creating) await session.creating.catch(() => undefined);
      if (session.annotationId) {
        return { annotation: await writer.update(session.annotationId, { note: req.note, assessment: req.assessment }, mine) };
      }
      const { grant } = session;
      if (grant.mode !== 'new') throw new NotAllowedError('nothing to save');
      const assessment = req.assessment === undefined ? grant.assessment : (req.assessment ?? undefined);
      const creating = writer.create(
        { selectors: grant.selectors, color: grant.color, title: grant.title, note: req.note, ...(assessment ? { assessment } : {}) },
        grant.page,
      );
      session.creating = creating;
      try {
        const created = await creating;
        session.annotationId = created.id;
        return { annotation: created };
      } finally {
        session.creating = null;
      }
    }
    case 'noteFrame.recolor':
      if (!session.annotationId) throw new NotAllowedError('nothing to recolour');
      return { annotation: await writer.update(session.annotationId, { color: req.color }, mine) };
    case 'noteFrame.delete':
      if (!session.annotationId) throw new NotAllowedError('nothing to delete');
      return { deleted: await writer.delete(session.annotationId, mine) };
    default:
      throw new NotAllowedError(`${req.type} is not for this sender`);
  }
}

function needSync(deps: HandlerDeps): SyncService {
  if (!deps.sync) throw new Error('sync is not available here');
  return deps.sync;
}

function sessionOwns(session: NoteSession): (a: Annotation) => boolean {
  return (a) => a.id === session.annotationId && a.pageKey === session.grant.page.pageKey;
}
