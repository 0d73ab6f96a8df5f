import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../harness';
import { CLICKS_OUR_UI, noteFrameAccess, type UiAttempt } from '../hostile-scripts';
import { inHead, readableText, seedVariant, SPY_SCRIPT, type Spied } from '../probes';
import {
  annotationsOf,
  clickLabelled,
  highlight,
  highlightTexts,
  openNoteEditor,
  openReader,
  popoverText,
  saveNote,
  until,
  waitForSourcemark,
  writeNote,
} from './actions';
import { BROWSERS, launchBrowser, useBrowser } from './browsers';
import type { Tab } from './driver';

/**
 * A reader's work in each browser: highlight, note, reload, the popup, export and import into a
 * fresh profile, and a hostile page that can neither read the note nor drive Sourcemark
 * (tests/e2e/highlights, popup, hostile-page and boundary check more, in Chromium only).
 */
const desktop = seed('netease-hao-desktop.html');
const PAGE_KEY = '163.com/article/KKG7R2LD0525KQ8M';
const TITLE_PART = '美俄乌会谈无果而终';
const SENTENCE_1 = '出于各种原因,川普政府对阿拉斯加美俄会晤内容一直保密。';
const SENTENCE_2 = '俄军曾经匮缺的高科技军事资源开始快速补充';
/** Markup in a note is text: it must come back as these characters and never as an element. */
const NOTE = '<b>谁说的？</b>来源在哪 check';
/** Typed key by key (ASCII, so every character is a key event a keylogger would see). */
const SECRET = 'Only-for-me 7QXJ: check the source';

describe.each(BROWSERS)('annotating in %s', (browser) => {
  const d = useBrowser(browser);
  let reader: Tab;
  let noteId = '';
  beforeAll(async () => {
    reader = await openReader(d);
  });

  it('highlights a sentence and writes a note on another, and both come back after a reload with the note intact', async () => {
    const page = await d.open(desktop.url);
    await waitForSourcemark(reader, page);
    await highlight(page, desktop.bodySelector, SENTENCE_1);
    noteId = await writeNote(page, desktop.bodySelector, SENTENCE_2, NOTE);

    await page.reload();
    await waitForSourcemark(reader, page);
    expect(Object.values(await highlightTexts(page)).sort()).toEqual([SENTENCE_1, SENTENCE_2].sort());
    const stored = await annotationsOf(reader, PAGE_KEY);
    expect(stored.find((a) => a.id === noteId)?.note).toBe(NOTE);
    expect(stored).toHaveLength(2);
    // The note's markup became no element anywhere in the page.
    expect(await page.evaluate(() => document.querySelectorAll('b').length)).toBe(0);
    // And the reader sees it, as written, in the highlight's popover.
    expect(await popoverText(page, SENTENCE_2)).toContain(NOTE);
    await page.close();
  });

  it('lists the note in the popup under the page title, as text', async () => {
    const popup = await d.openExtensionPage('popup.html');
    const group = () =>
      popup.evaluate((title) => {
        const g = Array.from(document.querySelectorAll('section.group')).find((s) => s.textContent?.includes(title));
        return g ? { meta: g.querySelector('.group-meta')?.textContent ?? '', open: g.querySelector('.group-toggle')?.getAttribute('aria-expanded') } : null;
      }, TITLE_PART);
    expect((await until('the page group', group, (g) => g !== null))!.meta).toContain('2 条');
    if ((await group())!.open !== 'true') await clickLabelled(popup, '.group-toggle', TITLE_PART, { partial: true });
    const item = await until(
      'the listed note',
      () =>
        popup.evaluate((id) => {
          const li = document.querySelector(`li.item[data-annotation-id="${id}"]`);
          return li ? { note: li.querySelector('.note')?.textContent ?? null, quote: li.querySelector('.quote')?.textContent ?? null, elements: li.querySelectorAll('.note *').length } : null;
        }, noteId),
      (v) => v !== null,
    );
    expect(item).toEqual({ note: NOTE, quote: SENTENCE_2, elements: 0 });
    await popup.close();
  });

  it('exports JSON-LD from the popup, and a fresh profile imports the file without loss', async () => {
    const before = await annotationsOf<Record<string, unknown>>(reader, PAGE_KEY);
    const popup = await d.openExtensionPage('popup.html');
    // Export once the popup has read the database (it lists the page): an export section opened
    // before that was seen to close again by itself (Firefox, loaded machine), so no download.
    await until(
      'the popup to list the page',
      () => popup.evaluate((title) => Array.from(document.querySelectorAll('section.group')).find((g) => g.textContent?.includes(title))?.querySelector('.group-meta')?.textContent ?? '', TITLE_PART),
      (meta) => meta.includes('2 条'),
    );
    await clickLabelled(popup, 'details.export summary', '导出');
    await clickLabelled(popup, 'details.export label', 'JSON-LD（W3C，可再导入）');
    const [text] = await Promise.all([
      popup.nextDownload(),
      (async () => {
        await clickLabelled(popup, 'details.export button', '下载');
        // The popup says so once the browser took the file: slow in a loaded Firefox.
        await until(
          'the export',
          () => popup.evaluate(() => document.querySelector('details.export')?.textContent ?? ''),
          (t) => /已导出 2 条：sourcemark-\d{4}-\d{2}-\d{2}\.jsonld/.test(t),
          20_000,
        );
      })(),
    ]);
    await popup.close();
    expect(text).toContain(`urn:uuid:${noteId}`);
    expect(text).toContain(JSON.stringify(NOTE));

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-export-')), 'sourcemark.jsonld');
    fs.writeFileSync(file, text);
    const fresh = await launchBrowser(browser);
    try {
      const options = await fresh.openExtensionPage('options.html');
      expect(await annotationsOf(options, PAGE_KEY)).toEqual([]);
      await options.setInputFile('input[type="file"]', file);
      await clickLabelled(options, '.import button', '导入 2 条');
      await until('the import', () => options.evaluate(() => document.querySelector('.import')?.textContent ?? ''), (t) => t.includes('已导入：新增 2 条'));
      const byId = (list: Record<string, unknown>[]) => [...list].sort((a, b) => String(a.id).localeCompare(String(b.id)));
      expect(byId(await annotationsOf<Record<string, unknown>>(options, PAGE_KEY))).toEqual(byId(before));
      // And they are painted on the same words in the new profile.
      const page = await fresh.open(desktop.url);
      await waitForSourcemark(options, page);
      expect(Object.values(await highlightTexts(page)).sort()).toEqual([SENTENCE_1, SENTENCE_2].sort());
      expect(fresh.strayRequests).toEqual([]);
    } finally {
      await fresh.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it("keeps the reader's note from a hostile page: not a key of it while typed, not a character of it saved or after a reload", async () => {
    const v = seedVariant('HOSTILE000000001', (html) => inHead(html, SPY_SCRIPT));
    d.serve(v.url, v.html);
    const page = await d.open(v.url);
    await waitForSourcemark(reader, page);
    const spied = () => page.evaluate(() => (window as unknown as { __spy(): Spied }).__spy());
    const keysBefore = (await spied()).keys.length;
    await openNoteEditor(page, desktop.bodySelector, SENTENCE_2);
    await page.type(SECRET);

    const assertUnreadable = async (when: string) => {
      const spy = await spied();
      expect(await page.evaluate(readableText), when).not.toContain(SECRET);
      expect(spy.seen, `${when}: seen by a MutationObserver at any time`).not.toContain(SECRET);
      expect(spy.messages.join('\n'), `${when}: posted to the page`).not.toContain(SECRET);
    };
    // While the note is typed: the page's capture listeners on window heard none of its keys, and
    // the note frame is another origin, which the page can neither reach into nor read.
    expect((await spied()).keys.slice(keysBefore)).toEqual([]);
    await assertUnreadable('while typed');
    const frameAccess = await page.evaluate(noteFrameAccess);
    expect(frameAccess).toBe('null SecurityError');

    await saveNote(page, SENTENCE_2);
    // The positive signal: the note is saved, as typed.
    expect((await annotationsOf(reader, '163.com/article/HOSTILE000000001')).map((a) => a.note)).toEqual([SECRET]);
    await assertUnreadable('after saving');

    await page.reload();
    await waitForSourcemark(reader, page);
    expect(Object.values(await highlightTexts(page))).toEqual([SENTENCE_2]);
    await assertUnreadable('at rest after reload');
    expect(await popoverText(page, SENTENCE_2)).toContain(SECRET);
    await assertUnreadable('popover open after reload');
    await page.close();
  });

  it('ignores a page script that selects text and clicks the toolbar and the banner', async () => {
    const script = CLICKS_OUR_UI;
    const v = seedVariant('SYNTHETIC0000001', (html) => inHead(html, script));
    d.serve(v.url, v.html);
    const page = await d.open(v.url);
    await waitForSourcemark(reader, page);
    const attempt = await page.evaluate(
      () => (window as unknown as { __attempt: Promise<UiAttempt> }).__attempt,
    );
    // The script reached the banner's button and clicked it; click handlers run synchronously, so
    // it would already have switched the marks off. Its made-up mouseup loaded nothing: the
    // annotator, which only the reader's own selection brings, has no toolbar to reach.
    expect(attempt).toEqual({ toolbar: false, banner: true, marksAfter: null });
    expect(await page.evaluate(() => document.querySelectorAll('[data-sourcemark-ui="annotator"]').length)).toBe(0);
    // Then the reader highlights for real: theirs is the page's one and only annotation.
    await page.press('Escape');
    await highlight(page, desktop.bodySelector, SENTENCE_2);
    const list = await annotationsOf(reader, '163.com/article/SYNTHETIC0000001');
    expect(list.map((a) => a.selectors.find((s) => s.type === 'TextQuoteSelector')?.exact)).toEqual([SENTENCE_2]);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-sourcemark-claims'))).toBeNull();
    await page.close();
  });

  it('sent no request to any host: not the pages, not the popup, not the background', () => {
    expect(d.strayRequests).toEqual([]);
  });
});
