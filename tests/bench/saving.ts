/**
 * Saving, end to end in Chromium with the built extension (tests/e2e/harness.ts): on the desktop
 * seed page a reader drag-selects a clause and clicks the toolbar's 高亮 button; the time runs
 * from the click (a capturing listener in the page, before the extension's handler runs) until
 * the highlight element is in the DOM (a MutationObserver in the page). The content script paints
 * only after the background confirmed the IndexedDB write, so this is selection → describe →
 * message → validated write → reply → painted. The first save is reported apart (cold paths); the
 * next ones give median and p95. A reload at the end checks every saved highlight comes back.
 */
import type { Page } from 'playwright-core';
import { launch, seed, serveSeeds } from '../e2e/harness';
import { dragSelect } from '../e2e/select';

export interface SavingReport {
  page: string;
  measured: number[];
  firstMs: number | null;
  skipped: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
  restoredAfterReload: number;
  saved: number;
}

declare global {
  interface Window {
    __saveBench?: { clickAt: number; paintedAt: number };
  }
}

function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  // Nearest rank: the smallest value with at least q of the samples at or below it.
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

/**
 * Clauses (up to and including their punctuation) of 8–50 characters that each lie inside one
 * Text node of the article body: disjoint, so no save lands on an earlier highlight.
 */
function candidates(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector);
    if (!root) throw new Error(`no ${selector}`);
    const out: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (const s of (n.nodeValue ?? '').match(/[^。！？，,；;：:]+[。！？，,；;：:]/g) ?? []) {
        const t = s.trim();
        if (t.length >= 8 && t.length <= 50 && !out.includes(t)) out.push(t);
      }
    }
    return out;
  }, selector);
}

async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const state = { clickAt: 0, paintedAt: 0 };
    window.__saveBench = state;
    window.addEventListener('click', () => void (state.clickAt = performance.now()), true);
    new MutationObserver((records) => {
      if (state.paintedAt) return;
      for (const r of records) {
        for (const node of Array.from(r.addedNodes)) {
          if (node instanceof Element && node.matches('[data-sourcemark="highlight"]')) {
            state.paintedAt = performance.now();
            return;
          }
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
}

export async function runSavingBench(opts: { saves?: number } = {}): Promise<SavingReport> {
  const saves = opts.saves ?? 21;
  const desktop = seed('netease-hao-desktop.html');
  const h = await launch({ locale: 'zh-CN' });
  try {
    serveSeeds(h);
    const page = await h.open(desktop.url);
    // The content script is ready when the banner and claim marks are in (it loads the page's
    // annotations before it listens for selections).
    await page.waitForSelector('[data-sourcemark-ui]', { state: 'attached', timeout: 15_000 });
    await page.waitForTimeout(500);
    await instrument(page);
    const button = page.getByRole('button', { name: '高亮', exact: true });
    const times: number[] = [];
    let skipped = 0;
    for (const sentence of await candidates(page, desktop.bodySelector)) {
      if (times.length >= saves) break;
      let selected: string;
      try {
        selected = await dragSelect(page, desktop.bodySelector, sentence);
      } catch {
        skipped++;
        continue;
      }
      if (selected !== sentence) {
        skipped++;
        await page.mouse.click(5, 5);
        continue;
      }
      await page.evaluate(() => void (window.__saveBench!.paintedAt = 0));
      await button.click({ timeout: 5_000 });
      try {
        await page.waitForFunction(() => window.__saveBench!.paintedAt > 0, undefined, { timeout: 10_000 });
      } catch {
        skipped++;
        continue;
      }
      const { clickAt, paintedAt } = await page.evaluate(() => window.__saveBench!);
      times.push(paintedAt - clickAt);
    }
    const count = await page.locator('[data-sourcemark="highlight"]').evaluateAll(
      (els) => new Set(els.map((e) => e.getAttribute('data-annotation-id'))).size,
    );
    await page.reload();
    await page.waitForTimeout(1_500);
    const restored = await page.locator('[data-sourcemark="highlight"]').evaluateAll(
      (els) => new Set(els.map((e) => e.getAttribute('data-annotation-id'))).size,
    );
    const [first, ...rest] = times;
    const measured = rest.length > 0 ? rest : times;
    return {
      page: desktop.url,
      measured,
      firstMs: rest.length > 0 ? (first ?? null) : null,
      skipped,
      medianMs: quantile(measured, 0.5),
      p95Ms: quantile(measured, 0.95),
      minMs: Math.min(...measured),
      maxMs: Math.max(...measured),
      restoredAfterReload: restored,
      saved: count,
    };
  } finally {
    await h.close();
  }
}
