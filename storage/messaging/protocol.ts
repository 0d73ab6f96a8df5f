import { z } from 'zod';
import type { ClaimCategory } from '@/components/vocabulary/categories';
import { PLATFORM_IDS, type PageKind, type PlatformId, type SelfMediaPage } from '@/components/vocabulary/page-kinds';
import {
  AnnotationSchema,
  AssessmentSchema,
  ColorSchema,
  MAX_NOTE,
  MAX_TAG,
  MAX_TAGS,
  MAX_TITLE,
  MAX_URL,
  SelectorSchema,
  type Annotation,
  type Assessment,
} from '../model/annotation';
import { SettingsPatchSchema, SettingsSchema, type Settings } from '../model/settings';
import { ARTICLE_CLASSIC, ARTICLE_START, CHANGES, LOADER_SELECTION, MAX_CLAIM_BLOCKS, MAX_CLAIM_TEXT, NOTE_FRAME_SOURCE, NOTE_HOST_SOURCE } from './protocol-constants';
import { SyncSetupSchema, type BackupInfo, type SyncError, type SyncStatus } from '@/components/sync/status';
import type { KeptAside } from '@/components/sync/kept-aside';
import { VERDICTS } from '@/components/vocabulary/verdicts';
import { ArticleSnapshotSchema, MAX_ACCOUNT, type ArticleSnapshot } from '@/components/factcheck/snapshot-schema';
import type { AccountSummary } from '@/components/factcheck/ledger';
import type { ClaimSpan } from '@/components/claims/paragraphs';

export { CHANGES, MAX_CLAIM_BLOCKS, MAX_CLAIM_TEXT, NOTE_FRAME_SOURCE, NOTE_HOST_SOURCE } from './protocol-constants';

/**
 * Every message between Sourcemark's contexts, declared once, by direction:
 *
 *  - to the background (`BackgroundRequestSchema`): from content scripts, the note frame and the
 *    extension pages (popup, options). The background owns the database and is its only writer.
 *    It decides what a request may do from *who sent it* (entrypoints/background/senders.ts),
 *    never from what the message says: a content script's page is its frame's URL.
 *  - to a content script (`ContentRequestSchema`): commands from the background or the popup,
 *    and the narrow change notices the background sends after each write.
 *  - to extension pages (`ExtensionNoticeSchema`): the same notices, for the popup, options and
 *    open note frames.
 *  - between the content script and the note frame, over `postMessage` (the only channel a web
 *    page can also reach): `NoteFrameHostMessage` and `NoteFrameEvent`.
 *
 * The content script does not bundle zod (zod/mini would add 5.6 KB gzip to it): it checks what
 * reaches it with ./content-request-guard.ts, a strict guard for `NoteFrameEvent` (held to its
 * schema by tests/unit/message-guards.test.ts) and a shape check for `ContentRequest`, whose
 * senders validate with the schema (./send-to-tab.ts).
 */

const Id = z.uuid();
const PageKey = z.string().min(1).max(MAX_URL);
const Tags = z.array(z.string().min(1).max(MAX_TAG)).max(MAX_TAGS);

/** What a reader may change of an annotation; `assessment: null` withdraws a verdict. */
export const AnnotationPatchSchema = z.strictObject({
  note: z.string().max(MAX_NOTE).optional(),
  color: ColorSchema.optional(),
  tags: Tags.optional(),
  assessment: AssessmentSchema.nullable().optional(),
});
export type AnnotationPatch = z.infer<typeof AnnotationPatchSchema>;

/**
 * A new highlight as a content script describes it: what it saw on its page. The id, page key,
 * URL, site and times are the background's to fill in, from the sender.
 */
export const AnnotationDraftSchema = z.strictObject({
  selectors: AnnotationSchema.shape.selectors,
  color: ColorSchema,
  title: z.string().max(MAX_TITLE),
  note: z.string().max(MAX_NOTE),
  /** A verdict given as the passage is first saved (a claim mark's tooltip). */
  assessment: AssessmentSchema.optional(),
});
export type AnnotationDraft = z.infer<typeof AnnotationDraftSchema>;

const LangSchema = z.enum(['zh', 'en']);

/** More claims than any article has; a page saying more is not believed. */
export const MAX_PAGE_CLAIMS = 100_000;
/** What a page says of its claims for the toolbar button's badge (`page.claims`, `article.opened`). */
const PageClaimsShape = {
  count: z.number().int().nonnegative().max(MAX_PAGE_CLAIMS),
  product: z.strictObject({ zh: z.string().min(1).max(40), en: z.string().min(1).max(40) }).optional(),
  lang: LangSchema,
};

/** What a note frame is opened for: one saved annotation, or a new highlight's note. */
export const NoteGrantRequestSchema = z.discriminatedUnion('mode', [
  /** `edit`: open straight in the editor (a claim's "note and evidence"), not the popover. */
  z.strictObject({ mode: z.literal('view'), lang: LangSchema, id: Id, edit: z.boolean().optional() }),
  z.strictObject({
    mode: z.literal('new'),
    lang: LangSchema,
    selectors: z.array(SelectorSchema).min(1).max(8),
    color: ColorSchema,
    title: z.string().max(MAX_TITLE),
    /** Assessing a claim mark that has no verdict yet: saving creates the assessment. */
    assessment: AssessmentSchema.optional(),
  }),
]);
export type NoteGrantRequest = z.infer<typeof NoteGrantRequestSchema>;

/** What a content script says about an article it opened; page and time are the background's. */
export const ArticleOpenedDraftSchema = z.strictObject({
  account: z.string().min(1).max(MAX_ACCOUNT).nullable(),
  platform: z.enum(PLATFORM_IDS).nullable(),
  title: z.string().max(MAX_TITLE),
  chars: z.number().int().nonnegative().max(100_000_000),
  claims: z.strictObject({
    vague: z.number().int().nonnegative().max(1_000_000),
    certainty: z.number().int().nonnegative().max(1_000_000),
    statistic: z.number().int().nonnegative().max(1_000_000),
  }),
});
export type ArticleOpenedDraft = z.infer<typeof ArticleOpenedDraftSchema>;

/** A snapshot as the content script reads it; page, address, hash and time are the background's. */
export const SnapshotReadingSchema = ArticleSnapshotSchema.omit({ pageKey: true, url: true, sha256: true, taken: true });
export type SnapshotReading = z.infer<typeof SnapshotReadingSchema>;

/**
 * An article's paragraphs as the content script reads them (components/marking/text-ranges.ts),
 * each without its "\n": at most MAX_CLAIM_BLOCKS of them and MAX_CLAIM_TEXT characters in all.
 */
export const ClaimBlocksSchema = z
  .array(z.string().max(MAX_CLAIM_TEXT))
  .max(MAX_CLAIM_BLOCKS, { error: `more than ${MAX_CLAIM_BLOCKS} paragraphs` })
  .refine((blocks) => blocks.reduce((n, b) => n + b.length + 1, -1) <= MAX_CLAIM_TEXT, {
    error: `more than ${MAX_CLAIM_TEXT} characters of text`,
  });

export const BackgroundRequestSchema = z.discriminatedUnion('type', [
  /**
   * The annotations of one page, oldest first. A content script gets its own page's and names
   * none (a `pageKey` it names must be its own); an extension page names the page.
   */
  z.strictObject({ type: z.literal('annotation.listForPage'), pageKey: PageKey.optional() }),
  /** One annotation, or null. A content script gets only one of its own page. */
  z.strictObject({ type: z.literal('annotation.get'), id: Id }),
  /** A content script's new highlight on its own page. */
  z.strictObject({ type: z.literal('annotation.create'), draft: AnnotationDraftSchema }),
  /** Store a whole record as it is (the popup's undo of a delete). Extension pages only. */
  z.strictObject({ type: z.literal('annotation.save'), annotation: AnnotationSchema }),
  z.strictObject({ type: z.literal('annotation.update'), id: Id, patch: AnnotationPatchSchema }),
  z.strictObject({ type: z.literal('annotation.delete'), id: Id }),
  /** Open the annotation's page (or its open tab) and scroll to the highlight. Extension pages only. */
  z.strictObject({ type: z.literal('annotation.reveal'), id: Id }),
  /** Write a parsed import in one transaction. Extension pages only. */
  z.strictObject({
    type: z.literal('import.write'),
    annotations: z.array(AnnotationSchema),
    mode: z.enum(['skip', 'update']),
    /** Article snapshots from the file; a page's snapshot already here is kept (the first one). */
    snapshots: z.array(ArticleSnapshotSchema).max(100_000).optional(),
  }),
  /** Delete every annotation. Extension pages only. */
  z.strictObject({ type: z.literal('data.deleteAll') }),
  /** Run Sourcemark in a tab that does not have it (the popup's "use on this page"). */
  z.strictObject({ type: z.literal('tab.enable'), tabId: z.number().int().nonnegative() }),
  /** Every setting, defaults filled in. */
  z.strictObject({ type: z.literal('settings.get') }),
  /** Change some settings; answers with all of them. Extension pages only. */
  z.strictObject({ type: z.literal('settings.set'), patch: SettingsPatchSchema }),
  /** A content script asks for a one-time token to open the note frame on its page. */
  z.strictObject({ type: z.literal('noteFrame.open'), grant: NoteGrantRequestSchema }),
  /** The note frame redeems the token its host posted to it; once only. */
  z.strictObject({ type: z.literal('noteFrame.redeem'), token: z.string().min(16).max(64) }),
  /**
   * The note frame writes the note (and the verdict, when it shows one) it was opened for,
   * creating the highlight in 'new' mode; `assessment: null` withdraws a verdict.
   */
  z.strictObject({
    type: z.literal('noteFrame.saveNote'),
    note: z.string().max(MAX_NOTE),
    assessment: AssessmentSchema.nullable().optional(),
  }),
  z.strictObject({ type: z.literal('noteFrame.recolor'), color: ColorSchema }),
  z.strictObject({ type: z.literal('noteFrame.delete') }),
  /**
   * A content script opened an article: the account ledger counts it (when the reader has the
   * ledger on) and answers with that account's summary for the banner's line. `badge`: what
   * `page.claims` says, for the toolbar button, so a page says both in one message at load.
   */
  z.strictObject({ type: z.literal('article.opened'), opened: ArticleOpenedDraftSchema, badge: z.strictObject(PageClaimsShape).optional() }),
  /** The first snapshot of the sender's own page, or null. */
  z.strictObject({ type: z.literal('snapshot.get') }),
  /**
   * Keep this page's text as the reader first annotated it; the background adds the page, hash
   * and time, and keeps the first snapshot of a page only.
   */
  z.strictObject({ type: z.literal('snapshot.keep'), reading: SnapshotReadingSchema }),
  /** Open the snapshot page of the sender's own page in a new tab (its "open your copy" button). */
  z.strictObject({ type: z.literal('snapshot.open') }),
  /**
   * How many unsourced claims the content script marked on its page, for the toolbar button's
   * badge in the sender's own tab (a tab is never named: it is the sender's). `product` is the
   * platform's self-media product by name, `lang` the reader's language for the button's title.
   */
  z.strictObject({ type: z.literal('page.claims'), ...PageClaimsShape }),
  /**
   * The reader made a selection on a granted site whose loader has not loaded the full content
   * script yet (only the reader's own mouseup or shift+key does this): the background injects it
   * into the sender's frame, once, and the content script offers its toolbar for that selection.
   */
  z.strictObject({ type: z.literal(LOADER_SELECTION) }),
  /**
   * The article script starts on a self-media article page (entrypoints/claims): the reader's
   * settings, whether the sender's own page has saved annotations (its key is the sender's, never
   * named here) and the reader's snapshot of it, in one answer. Where the page has annotations the
   * background injects the annotator (the content script) into the sender's frame as it answers,
   * so their highlights and verdicts paint at load. A content script in a tab's top frame only.
   */
  z.strictObject({ type: z.literal(ARTICLE_START) }),
  /**
   * Chrome's article loader (entrypoints/article-loader.ts) could not import the article script as
   * a module: the background runs it in the sender's own document as an ordinary content script,
   * on a self-media article URL only. Nothing is named: the document is the sender's.
   */
  z.strictObject({ type: z.literal(ARTICLE_CLASSIC) }),
  /**
   * Find the unsourced claims in the sender's article (components/claims), so the detector and
   * its lexicon run in the background instead of on the page's main thread. Offsets in the answer
   * are into the paragraphs joined by "\n". A content script in a tab's top frame only.
   */
  z.strictObject({ type: z.literal('claims.detect'), blocks: ClaimBlocksSchema }),
  /** Forget every article the ledger counted. Extension pages only. */
  z.strictObject({ type: z.literal('ledger.clear') }),
  /** Sync's state in words' worth of data. Extension pages only, as is all of sync. */
  z.strictObject({ type: z.literal('sync.status') }),
  /**
   * Set sync up on this device: checks the server, creates or opens the sync folder, derives the
   * key from the passphrase (never stored), then syncs once. The options page asked the host
   * permission for that server first.
   */
  z.strictObject({ type: z.literal('sync.setup'), setup: SyncSetupSchema }),
  /** Sync now (the "Sync now" buttons). */
  z.strictObject({ type: z.literal('sync.now') }),
  /** Stop syncing on this device and forget the server, password and key. The server is untouched. */
  z.strictObject({ type: z.literal('sync.disconnect') }),
  /** The daily backups on the server, newest first. */
  z.strictObject({ type: z.literal('sync.backups') }),
  /** One backup, decrypted, as JSON-LD text for the import preview. */
  z.strictObject({ type: z.literal('sync.readBackup'), name: z.string().min(1).max(200) }),
  /** Notes and tags that lost to newer changes from other devices. */
  z.strictObject({ type: z.literal('sync.keptAside') }),
  /** The reader has dealt with one kept-aside item. */
  z.strictObject({ type: z.literal('sync.dismissKept'), key: z.string().min(1).max(200) }),
]);
export type BackgroundRequest = z.infer<typeof BackgroundRequestSchema>;
export type BackgroundRequestType = BackgroundRequest['type'];

/** What the note frame learns when it redeems its token. */
export type NoteGrantView =
  | { mode: 'view'; lang: 'zh' | 'en'; annotation: Annotation | null; edit: boolean }
  /** The passage the new note is about, and the verdict it starts with when assessing a claim. */
  | { mode: 'new'; lang: 'zh' | 'en'; quote: string; assessment: Assessment | null };

export interface ImportOutcomeData {
  added: number;
  updated: number;
  unchanged: number;
  /** Snapshots stored, and those refused because their text does not match their hash. */
  snapshots?: { added: number; refused: number };
}

/** What each request answers with, when it succeeds. */
export interface BackgroundResponseData {
  'annotation.listForPage': { annotations: Annotation[] };
  'annotation.get': { annotation: Annotation | null };
  'annotation.create': { annotation: Annotation };
  'annotation.save': { annotation: Annotation };
  'annotation.update': { annotation: Annotation };
  'annotation.delete': { deleted: boolean };
  'annotation.reveal': { shown: boolean };
  'import.write': ImportOutcomeData;
  'data.deleteAll': { deleted: number };
  'tab.enable': { enabled: true };
  'settings.get': { settings: Settings };
  'settings.set': { settings: Settings };
  'noteFrame.open': { token: string };
  'noteFrame.redeem': NoteGrantView;
  'noteFrame.saveNote': { annotation: Annotation };
  'noteFrame.recolor': { annotation: Annotation };
  'noteFrame.delete': { deleted: boolean };
  'article.opened': { summary: AccountSummary | null };
  'snapshot.get': { snapshot: ArticleSnapshot | null };
  'snapshot.keep': { snapshot: ArticleSnapshot };
  'snapshot.open': { opened: boolean };
  'page.claims': { shown: boolean };
  [LOADER_SELECTION]: { injected: boolean };
  [ARTICLE_START]: { settings: Settings; saved: boolean; snapshot: ArticleSnapshot | null };
  [ARTICLE_CLASSIC]: { injected: boolean };
  'claims.detect': { claims: ClaimSpan[] };
  'ledger.clear': { cleared: number };
  'sync.status': { status: SyncStatus };
  'sync.setup': { status: SyncStatus; error: SyncError | null };
  'sync.now': { status: SyncStatus; error: SyncError | null };
  'sync.disconnect': { status: SyncStatus };
  'sync.backups': { backups: BackupInfo[] };
  'sync.readBackup': { name: string; text: string };
  'sync.keptAside': { items: KeptAside[] };
  'sync.dismissKept': { items: KeptAside[] };
}

export type BackgroundResponse<T extends BackgroundRequestType> =
  | { ok: true; data: BackgroundResponseData[T] }
  | { ok: false; error: string };

/** Names the first problem of a zod error with its location, e.g. `annotation.color: Invalid option`. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length ? issue.path.map(String).join('.') : '(root)';
  return `${where}: ${issue.message}`;
}

export function parseBackgroundRequest(
  raw: unknown,
): { ok: true; request: BackgroundRequest } | { ok: false; error: string } {
  const parsed = BackgroundRequestSchema.safeParse(raw);
  if (parsed.success) return { ok: true, request: parsed.data };
  return { ok: false, error: `invalid message: ${describeZodError(parsed.error)}` };
}

/** How one annotation changed: what a page needs to do about it, and no more. */
export type Change = (typeof CHANGES)[number];

/**
 * Sent by the background after each write, to the tabs showing that page and to extension pages.
 * `updated` (a note or tags) needs no DOM work in a page; `recoloured` changes one attribute.
 */
export const ChangeNoticeSchema = z.strictObject({
  type: z.literal('annotations.changed'),
  pageKey: PageKey,
  id: Id,
  change: z.enum(CHANGES),
});
export type ChangeNotice = z.infer<typeof ChangeNoticeSchema>;

/** After an import or delete-all: the page's annotations are to be loaded again. */
export const ReloadNoticeSchema = z.strictObject({ type: z.literal('annotations.reload') });
export type ReloadNotice = z.infer<typeof ReloadNoticeSchema>;

/** The reader changed a setting (popup or options): open pages follow it without a reload. */
export const SettingsNoticeSchema = z.strictObject({ type: z.literal('settings.changed'), settings: SettingsSchema });
export type SettingsNotice = z.infer<typeof SettingsNoticeSchema>;

export const ContentRequestSchema = z.discriminatedUnion('type', [
  /** Highlight the current selection in the default colour (shortcut, context menu). */
  z.strictObject({ type: z.literal('content.highlightSelection') }),
  /** Open the note editor for the current selection. */
  z.strictObject({ type: z.literal('content.noteSelection') }),
  /** Scroll to an annotation's highlight and flash it. */
  z.strictObject({ type: z.literal('content.reveal'), id: Id }),
  /** Ask what the content script found on the page (for the popup's "This page"). */
  z.strictObject({ type: z.literal('content.status') }),
  /** The page's claims, in page order, and its orphans: the side panel's list (`PageOutline`). */
  z.strictObject({ type: z.literal('content.outline') }),
  /** Scroll to claim `index` and focus it (the side panel). */
  z.strictObject({ type: z.literal('content.revealClaim'), index: z.number().int().nonnegative() }),
  /** Move to the next (1) or previous (-1) claim from the one in focus (keyboard commands). */
  z.strictObject({ type: z.literal('content.stepClaim'), step: z.union([z.literal(1), z.literal(-1)]) }),
  /** Record a verdict on claim `index`, as its tooltip's buttons do (the side panel). */
  z.strictObject({ type: z.literal('content.assessClaim'), index: z.number().int().nonnegative(), verdict: z.enum(VERDICTS) }),
  ChangeNoticeSchema,
  ReloadNoticeSchema,
  SettingsNoticeSchema,
]);
export type ContentRequest = z.infer<typeof ContentRequestSchema>;

/**
 * Content script → extension pages: what this tab shows changed (loaded, a highlight or verdict
 * applied). The side panel redraws from its own requests; the notice carries nothing else, and a
 * listener believes only a sender the browser names as this extension's script in its tab.
 */
export const PageChangedNoticeSchema = z.strictObject({ type: z.literal('page.changed'), revision: z.number().int().nonnegative() });
export type PageChangedNotice = z.infer<typeof PageChangedNoticeSchema>;

/** Sync started, finished or failed: the options page and the popup redraw its state. */
export const SyncNoticeSchema = z.strictObject({ type: z.literal('sync.changed') });
export type SyncNotice = z.infer<typeof SyncNoticeSchema>;

/** Notices extension pages (popup, options, note frames) receive. */
export const ExtensionNoticeSchema = z.discriminatedUnion('type', [ChangeNoticeSchema, ReloadNoticeSchema, SettingsNoticeSchema, SyncNoticeSchema]);
export type ExtensionNotice = z.infer<typeof ExtensionNoticeSchema>;

export type ClaimCounts = Record<ClaimCategory, number>;

/** What the content script reports about its page (the answer to `content.status`). */
export interface PageStatus {
  url: string;
  pageKey: string;
  kind: PageKind;
  /** The known platform whose article URL this is, or null. */
  platform: PlatformId | null;
  /** On a self-media page, its product (`data-sourcemark-page`). */
  page: SelfMediaPage | null;
  account: string | null;
  claims: ClaimCounts;
  highlights: number;
  orphans: { id: string; quote: string; note: string }[];
  /** Settings applied, the page's annotations loaded and painted: absence checks may start. */
  ready: boolean;
  /** How many change notices and reloads this page has applied (each one is done when counted). */
  revision: number;
}

/** One claim as the side panel lists it; its verdict is the annotation `assessmentId`'s. */
export interface OutlineClaim {
  index: number;
  category: ClaimCategory;
  sentence: string;
  reason: { zh: string; en: string };
  assessmentId: string | null;
}

/** The answer to `content.outline`. */
export interface PageOutline {
  url: string;
  pageKey: string;
  title: string;
  platform: PlatformId | null;
  /** The platform's self-media product by name (网易号 / NetEase Hao), for the audit report. */
  product: { zh: string; en: string } | null;
  account: string | null;
  /** The platform's self-media statement as the page prints it. */
  statement: string | null;
  claims: OutlineClaim[];
  /** Annotations of this page that could not be placed on it. */
  orphans: string[];
  ready: boolean;
  revision: number;
}

/** The answer to the other content requests. */
export interface ContentAck {
  ok: boolean;
}

/**
 * Frame → content script. A note frame tells its host only that it wants to close: everything
 * that changed reaches the host as a ChangeNotice from the background, which a page cannot forge.
 */
export const NoteFrameEventSchema = z.strictObject({ source: z.literal(NOTE_FRAME_SOURCE), type: z.literal('close') });
export type NoteFrameEvent = z.infer<typeof NoteFrameEventSchema>;

/** Content script → frame: the one-time token, posted to the frame's window only. */
export const NoteFrameHostMessageSchema = z.strictObject({
  source: z.literal(NOTE_HOST_SOURCE),
  type: z.literal('token'),
  token: z.string().min(16).max(64),
});
export type NoteFrameHostMessage = z.infer<typeof NoteFrameHostMessageSchema>;
