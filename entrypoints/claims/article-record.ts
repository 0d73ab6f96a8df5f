import { countChars, ledgerLine } from '@/components/factcheck/ledger';
import type { Recognition } from '@/components/recognition/recognise';
import type { ArticleSnapshot } from '@/components/factcheck/snapshot-schema';
import type { ClaimCounts } from '@/storage/messaging/protocol';
import { bareRequest as request } from '@/storage/messaging/bare-client';
import { hashParagraphs, readArticle, readOpening, type BodyReading } from '@/components/factcheck/snapshot';
import { diffParagraphs } from '@/components/factcheck/diff';
import { articleGone, showsDeletionNotice } from '@/components/factcheck/gone';
import { showGoneNotice } from '@/components/ui/page/banner-host';
import type { Lang } from '@/components/vocabulary/strings';
import type { BannerHandle } from '@/components/ui/page/banner-host';
import type { PageClaimsReport } from './claims-badge';

/** The HTTP status of this document, where the browser tells it (Chrome 109+, Firefox 133+). */
export function documentStatus(): number | null {
  const nav = performance.getEntriesByType('navigation')[0] as (PerformanceEntry & { responseStatus?: number }) | undefined;
  return typeof nav?.responseStatus === 'number' && nav.responseStatus > 0 ? nav.responseStatus : null;
}

export interface ArticleRecord {
  /**
   * On load: counts the opening in the account ledger (the account's line goes in the banner)
   * and compares the page with the reader's snapshot of it (the changes go in the banner), from
   * one reading of the article. `known`: the body and its text as the claims were found in it, so
   * the body is neither searched for nor walked again; `snapshot`: the reader's copy, as the
   * article script's start request brought it; `badge`: the toolbar button's count, said in the
   * same message (claims-badge.ts).
   * `claims` null: they could not be counted (the detector failed), so the opening is not counted
   * either; an opening with "no claims" in the ledger would pull the account's rate down falsely.
   */
  onLoad(claims: ClaimCounts | null, snapshot: ArticleSnapshot | null, known?: BodyReading, badge?: PageClaimsReport): Promise<void>;
  /** Keeps the first snapshot of this article, once (the reader annotated or assessed here). */
  keepSnapshot(): Promise<void>;
}

/**
 * The fact-check side of an article page: the account ledger's count, the snapshot kept the
 * first time the reader annotates, and what changed since. The background stores everything,
 * keyed by this page's URL.
 */
export function articleRecord(opts: { page: Recognition; lang: Lang; banner: BannerHandle | null }): ArticleRecord {
  const { page, lang, banner } = opts;
  let snapshotKnown = false;
  const read = () => readArticle(document, location.href, page);
  return {
    async onLoad(claims, snapshot, known, badge) {
      // What the opening and the comparison need; the date and page key are a snapshot's alone.
      const now = readOpening(document, page, known);
      const countOpening = async () => {
        if (!claims) {
          // The badge's count, which would have gone with the opening, goes on its own.
          if (badge) await request({ type: 'page.claims', ...badge });
          return;
        }
        const opened = { account: now.account, platform: now.platform, title: now.title, chars: countChars(now.paragraphs), claims };
        const { summary } = await request({ type: 'article.opened', opened, ...(badge ? { badge } : {}) });
        banner?.setLedgerLine(summary ? ledgerLine(summary, lang) : null);
      };
      const compareWithSnapshot = async () => {
        if (!snapshot) return;
        snapshotKnown = true;
        if ((await hashParagraphs(now.paragraphs)) === snapshot.sha256) return;
        const diff = diffParagraphs(snapshot.paragraphs, now.paragraphs);
        if (diff.changes.length) banner?.setChanges({ taken: snapshot.taken, diff });
      };
      // Each failure (the background gone a moment) only leaves the banner without its line.
      await Promise.all([countOpening().catch(() => undefined), compareWithSnapshot().catch(() => undefined)]);
    },
    async keepSnapshot() {
      if (snapshotKnown) return;
      snapshotKnown = true;
      const { pageKey: _key, url: _url, ...reading } = read();
      // An article of pictures alone has no text to keep, and nothing to compare later.
      if (reading.paragraphs.length === 0) return;
      await request({ type: 'snapshot.keep', reading }).catch(() => {
        snapshotKnown = false;
      });
    },
  };
}

/**
 * Whether the page itself says its article is gone (a 404, the platform's deletion notice), before
 * asking whether the reader kept a copy. Synchronous and request-free, so an article page that is
 * there starts without waiting; an empty body is not counted, as the article may still be rendering.
 */
export function pageSaysGone(page: Recognition): boolean {
  const status = documentStatus();
  // What counts here is a 404 or a deletion notice on a short page (articleGone's first two
  // reasons). Without either the article need not be read, which was most of this check's cost
  // in the first task of every article page (tests/bench/page-cost.ts).
  if (status !== 404 && status !== 410 && !showsDeletionNotice(document)) return false;
  const now = readArticle(document, location.href, page);
  const gone = articleGone({ status, doc: document, bodyText: now.paragraphs.join('\n') });
  return gone.gone && gone.why !== 'empty-body';
}

/**
 * On an article URL where no article was recognised, or one whose page says it is gone: if the reader kept a copy of this page and
 * the article is gone (a 404, a deletion notice, no text left), say so and offer the copy.
 * `allowEmpty`: a page that may still be rendering its article is not called empty until later.
 */
export async function noticeIfGone(page: Recognition, snapshot: ArticleSnapshot | null, lang: Lang, allowEmpty: boolean): Promise<boolean> {
  if (!snapshot || snapshot.paragraphs.length === 0) return false;
  const now = readArticle(document, location.href, page);
  const gone = articleGone({ status: documentStatus(), doc: document, bodyText: now.paragraphs.join('\n') });
  if (!gone.gone || (gone.why === 'empty-body' && !allowEmpty)) return false;
  showGoneNotice(document, {
    lang,
    why: gone.why,
    taken: snapshot.taken,
    onOpen: () => void request({ type: 'snapshot.open' }),
  });
  return true;
}
