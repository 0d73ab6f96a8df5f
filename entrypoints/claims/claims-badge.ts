import type { Lang } from '@/components/vocabulary/strings';
import { bareRequest as request } from '@/storage/messaging/bare-client';
import type { ScriptContext } from '@/components/page-script/script-context';

/**
 * Tells the background how many unsourced claims this article has, for the toolbar button's
 * badge (entrypoints/background/badge.ts). Zero while the reader has claim marks switched off:
 * the badge then says nothing the page does not show either.
 *
 * Said again whenever the browser may have dropped it: the background clears a tab's badge when
 * the tab starts loading, which Chromium also reports for a same-document move (pushState), and a
 * page brought back from the back/forward cache runs no script anew.
 */
export function claimsBadge(
  ctx: ScriptContext,
  page: { count: number; product: { zh: string; en: string } | null; lang: Lang },
  marksOn: boolean,
): { setMarksOn(on: boolean): void } {
  let on = marksOn;
  const report = () => {
    if (!ctx.isValid) return;
    const msg = { type: 'page.claims' as const, count: on ? page.count : 0, lang: page.lang, ...(page.product ? { product: page.product } : {}) };
    void request(msg).catch(() => undefined);
  };
  ctx.onLocationChange(() => ctx.setTimeout(report, 0));
  ctx.addEventListener<PageTransitionEvent>(window, 'pageshow', (e) => {
    if (e.persisted) report();
  });
  report();
  return {
    setMarksOn(next) {
      on = next;
      report();
    },
  };
}
