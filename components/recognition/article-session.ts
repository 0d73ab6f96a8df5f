import type { Recognition } from './recognise';
import type { ClaimMarks } from '../marking/claim-marks';
import type { Lang } from '../vocabulary/strings';
import type { Verdict } from '../vocabulary/verdicts';
import type { Settings } from '@/storage/model/settings';

/**
 * What the annotator (the content script) lends the article once it runs in the frame: the
 * claim tooltips' verdicts, and its answers to the requests the article script cannot answer.
 */
export interface ArticleAnnotator {
  verdictOf(index: number): Verdict | null;
  assess(index: number, verdict: Verdict): void;
  openEditor(index: number): void;
  /** The content script's own answer to a request to the page (it has its listener from now on). */
  answer(message: unknown): Promise<unknown> | undefined;
}

/** The reader's settings as the article script's start request brought them. */
export interface ArticleSettings {
  settings: Settings;
  lang: Lang;
}

/**
 * A self-media article URL's page as the article script (entrypoints/claims) runs it: what the
 * reader sees at load (recognition, the statement marks, banner, claim marks and tooltips, badge,
 * ledger and snapshot, claim navigation). The annotator is injected later, on the reader's first
 * selection or a verdict, or at load where the page has saved annotations; it takes this over
 * instead of doing it again. Content scripts of one extension in one frame share one global
 * object, invisible to the page (Chrome's isolated world, Firefox's sandbox): they meet here.
 * Only types are imported, so the content script carries none of the article's code.
 */
export interface ArticleSession {
  /** What recognition says of the page now (a late article updates it). */
  page(): Recognition;
  /** Whether the article's part started (a self-media article, not gone); false while idle. */
  started(): boolean;
  /** Whether the article's part started and has not finished its work at load (a late article's). */
  busy(): boolean;
  /** The article's claims once marked; null before, and where no article started. */
  claims(): ClaimMarks | null;
  /** The settings, once the article's start request answered (the defaults if it failed); pending where no article started. */
  readonly settings: Promise<ArticleSettings>;
  /**
   * Resolves once the article's claims are marked (an assessment's highlight goes on its claim's
   * marks), or at once where no article started at load (a late article's come when they come).
   */
  readonly settled: Promise<void>;
  /** The content script starts: it answers the page's requests from now on. */
  attach(annotator: ArticleAnnotator): void;
  /** The stored verdicts changed: the open tooltip follows. */
  tipsChanged(): void;
  /** The reader changed a setting (the content script heard it). */
  followSettings(settings: Settings): void;
  /** Keeps the first snapshot of this article, once (the reader annotated or assessed here). */
  keepSnapshot(): Promise<void>;
}

const KEY = '__sourcemarkArticle';

/** The article script's side: the session of this frame. */
export function provideArticleSession(session: ArticleSession): void {
  (globalThis as { [KEY]?: ArticleSession })[KEY] = session;
}

/** The content script's side: the article script's session if it ran in this frame, else null. */
export function articleSessionNow(): ArticleSession | null {
  return (globalThis as { [KEY]?: ArticleSession })[KEY] ?? null;
}
