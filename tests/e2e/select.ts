import type { FrameLocator, Page } from 'playwright-core';

/**
 * Run in the page: where a drag over `text` inside the first `selector` starts and ends (the
 * middle of its first and last characters), scrolled into view. Shared by the Playwright and the
 * cross-browser drag.
 */
export const dragEnds = ({ selector, text }: { selector: string; text: string }) => {
  const root = document.querySelector(selector);
  if (!root) throw new Error(`no element ${selector}`);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = (n.nodeValue ?? '').indexOf(text);
    if (i < 0) continue;
    const r = document.createRange();
    r.setStart(n, i);
    r.setEnd(n, i + 1);
    (n.parentElement as Element).scrollIntoView({ block: 'center' });
    const first = r.getClientRects()[0]!;
    r.setStart(n, i + text.length - 1);
    r.setEnd(n, i + text.length);
    const rects = r.getClientRects();
    const last = rects[rects.length - 1]!;
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
  }
  throw new Error(`text not found in one text node of ${selector}: ${text}`);
};

/**
 * Selects `text` inside the first element matching `selector` the way a reader does: press the
 * mouse at its first character, drag to its last, release. Returns the selected string.
 */
export async function dragSelect(page: Page, selector: string, text: string): Promise<string> {
  const box = await page.evaluate(dragEnds, { selector, text });
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
  return page.evaluate(() => document.getSelection()?.toString() ?? '');
}

/** The text of every highlight on the page, by annotation id. */
export function highlightTexts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of Array.from(document.querySelectorAll('[data-sourcemark="highlight"]'))) {
      const id = el.getAttribute('data-annotation-id') ?? '?';
      out[id] = (out[id] ?? '') + el.textContent;
    }
    return out;
  });
}

/**
 * Sourcemark's note frame on `page` (entrypoints/note/main.tsx): the note editor and the popover
 * of a clicked highlight live in this extension frame, where page scripts cannot read them.
 */
export function noteFrame(page: Page): FrameLocator {
  return page.frameLocator('[data-sourcemark-ui="annotator"] iframe.note-frame');
}
