import type { Lang } from '@/components/vocabulary/strings';
import { bareRequest as request } from '@/storage/messaging/bare-client';
import type { ScriptContext } from '@/components/page-script/script-context';

/** What `page.claims` says (less its type), as `article.opened` carries it at load. */
export interface PageClaimsReport {
  count: number;
  lang: Lang;
  product?: { zh: string; en: string };
}

/**
 * Tells the background how many unsourced claims this article has, for the toolbar button's
 * badge (entrypoints/background/badge.ts). Zero while the reader has claim marks switched off:
 * the badge then says nothing the page does not show either.
 *
 * Said again whenever the browser may have dropped it: the background clears a tab's badge when
 * the tab starts loading, which Chromium also reports for a same-document move (pushState), and a
 * page brought back from the back/forward cache runs no script anew. At load the caller says it,
 * `report` as part of the article's opening (`article.opened`): one message fewer on every article
 * page (tests/bench/page-cost.ts).
 */
export function claimsBadge(
  ctx: ScriptContext,
  page: { count: number; product: { zh: string; en: string } | null; lang: Lang },
  marksOn: boolean,
): { setMarksOn(on: boolean): void; readonly report: PageClaimsReport } {
  let on = marksOn;
  const body = (): PageClaimsReport => ({ count: on ? page.count : 0, lang: page.lang, ...(page.product ? { product: page.product } : {}) });
  const report = () => {
    if (!ctx.isValid) return;
    void request({ type: 'page.claims', ...body() }).catch(() => undefined);
  };
  ctx.onLocationChange(() => ctx.setTimeout(report, 0));
  ctx.addEventListener<PageTransitionEvent>(window, 'pageshow', (e) => {
    if (e.persisted) report();
  });
  return {
    setMarksOn(next) {
      on = next;
      report();
    },
    get report() {
      return body();
    },
  };
}
