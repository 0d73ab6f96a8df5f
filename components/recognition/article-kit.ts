import type { PlatformEntry } from './platforms/types';
import type { Recognition } from './recognise';
import type { ArticleReading } from '../factcheck/snapshot';
import type { ParagraphDiff } from '../factcheck/diff';
import type { ArticleGone, GoneInput } from '../factcheck/gone';
import type { SelfMediaUi, SelfMediaUiOptions } from '../ui/page/self-media-ui';
import type { GoneNoticeOptions } from '../ui/page/banner-host';
import type { ClaimMarks, DetectedClaim } from '../marking/claim-marks';
import type { FoundClaims } from '../marking/article-claims';

/**
 * Everything only a self-media article needs: recognition (the platform registry), reading the
 * article for snapshots and its own UI. The claim detector is not here: the background runs it
 * (`claims.detect`), off the page's main thread. It ships as its own content script (entrypoints/claims), injected by the manifest at
 * self-media article URLs only, so the content script that every page the reader asks for loads
 * stays small. Content scripts of one extension in one frame share one global object, invisible
 * to the page (Chrome's isolated world, Firefox's sandbox), so the two scripts meet here whichever
 * runs first. Only types are imported, so the content script carries none of the kit's code.
 */
export interface ArticleKit {
  markPage(doc: Document, url: string): Recognition;
  findArticleBody(doc: Document, platform: PlatformEntry | null): Element | null;
  findArticleTop(doc: Document, platform: PlatformEntry | null): Element | null;
  /** The article body's claims, found by `detect` (the background) in its text (marking/article-claims.ts). */
  findArticleClaims(body: Element, detect: (text: string) => Promise<readonly DetectedClaim[]>): Promise<FoundClaims>;
  /** Marks them, keeping the reader's selection. */
  markFoundClaims(body: Element, found: FoundClaims): ClaimMarks;
  /** The fact-check work (components/factcheck), which also needs the platform registry. */
  /** `bodyText`: the body as blockTexts read it, when the caller has it (not read again). */
  readArticle(doc: Document, url: string, recognition: Recognition, bodyText?: string): ArticleReading;
  hashParagraphs(paragraphs: readonly string[]): Promise<string>;
  diffParagraphs(before: readonly string[], after: readonly string[]): ParagraphDiff;
  articleGone(input: GoneInput): ArticleGone;
  /** Whether the page prints a deletion notice (components/factcheck/gone.ts). */
  showsDeletionNotice(doc: Document): boolean;
  /**
   * The self-media page's own UI (banner, claim tooltips, the gone notice): only article pages
   * show it, so it ships here and the content script every page loads stays small.
   */
  startSelfMediaUi(opts: SelfMediaUiOptions): SelfMediaUi;
  showGoneNotice(doc: Document, opts: GoneNoticeOptions): { remove(): void };
}

interface Slot {
  kit?: ArticleKit;
  waiting: Array<(kit: ArticleKit) => void>;
}

const KEY = '__sourcemarkArticleKit';

function slot(): Slot {
  const g = globalThis as { [KEY]?: Slot };
  return (g[KEY] ??= { waiting: [] });
}

/** The article script's side: hands the kit over, now or when the content script starts. */
export function provideArticleKit(kit: ArticleKit): void {
  const s = slot();
  s.kit = kit;
  for (const take of s.waiting.splice(0)) take(kit);
}

/** The content script's side: `use` runs at once if the kit is here, else when it arrives. */
export function withArticleKit(use: (kit: ArticleKit) => void): void {
  const s = slot();
  if (s.kit) use(s.kit);
  else s.waiting.push(use);
}

/** The kit if its script has run in this frame, else null. */
export function articleKitNow(): ArticleKit | null {
  return slot().kit ?? null;
}
