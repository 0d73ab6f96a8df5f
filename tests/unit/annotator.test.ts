import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Annotator } from '@/entrypoints/content/annotator/annotator';
import { pageKey } from '@/storage/model/page-key';
import { FakeBackend, marksOf, markedText, rangeOf, selectorsOf } from './annotator-fakes';

/**
 * The Annotator's wiring of the reader's actions, change notices and URL changes to the painted
 * highlights, with a fake backend and fake note-frame options on the test environment's document.
 */

const ARTICLE =
  '<article><p>第一段：<b>特朗普</b>宣布了新的关税政策，引发市场震荡。</p>\n' +
  '<p>第二段：据<a href="#">知情人士</a>透露，谈判将在下周继续进行。</p></article>';

const PAGE_1 = 'https://news.example.com/a/1.html';
const PAGE_2 = 'https://news.example.com/a/2.html';

let url: string;
let backend: FakeBackend;
let annotator: Annotator;

beforeEach(() => {
  document.body.innerHTML = ARTICLE;
  url = PAGE_1;
  backend = new FakeBackend(PAGE_1);
  annotator = new Annotator(document, backend, {
    lang: 'zh',
    defaultColor: 'yellow',
    url: () => url,
    noteFrameUrl: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/note.html',
    noteFrameOrigins: ['chrome-extension://abcdefghijklmnopabcdefghijklmnop'],
    openNoteFrame: async () => 'token-0123456789abcdef',
  });
});

afterEach(() => {
  annotator.destroy();
  document.getSelection()?.removeAllRanges();
});

/** The reader selects `quote` on the page. */
function select(quote: string): void {
  const sel = document.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(rangeOf(document.body, quote));
}

/** A single-page site moves to `next`: the sender's URL changes, then the content script notices. */
function navigate(next: string): Promise<void> {
  url = next;
  backend.page = next;
  return annotator.onUrlChange(next);
}

describe('Annotator', () => {
  it('wraps the reader’s highlight once when it is saved while the first load is on its way', async () => {
    const release = backend.hold('list');
    const loading = annotator.load();
    select('新的关税政策');
    const saved = await annotator.highlightSelection();
    await release();
    await loading;

    expect(saved).not.toBeNull();
    expect(marksOf(document, saved!.id)).toHaveLength(1);
    expect(markedText(document, saved!.id)).toBe('新的关税政策');
    expect(annotator.highlights.all.map((a) => a.id)).toEqual([saved!.id]);
    expect(document.getSelection()?.rangeCount).toBe(0);
  });

  it('paints a highlight saved while the page changed under it where the selection was', async () => {
    const other = backend.put(selectorsOf(document.body, '知情人士透露'));
    select('据知情人士');
    const release = backend.hold('create');
    const saving = annotator.highlightSelection('blue');
    // The highlight that overlaps the selection arrives first and splits its Text nodes.
    await annotator.load();
    await release();
    const saved = await saving;

    expect(markedText(document, other.id)).toBe('知情人士透露');
    expect(markedText(document, saved!.id)).toBe('据知情人士');
    expect(marksOf(document, saved!.id).every((m) => m.getAttribute('data-color') === 'blue')).toBe(true);
  });

  it('ignores change notices for another page', async () => {
    await annotator.load();
    const a = backend.put(selectorsOf(document.body, '引发市场震荡'), { pageKey: pageKey(PAGE_2), url: PAGE_2 });
    await annotator.onNotice({ type: 'annotations.changed', pageKey: pageKey(PAGE_2), id: a.id, change: 'created' });
    expect(marksOf(document, a.id)).toHaveLength(0);
    expect(backend.calls.get).toBe(0);
  });

  it('paints a highlight made in another tab when its notice names this page', async () => {
    await annotator.load();
    const a = backend.put(selectorsOf(document.body, '引发市场震荡'));
    await annotator.onNotice({ type: 'annotations.changed', pageKey: annotator.pageKey, id: a.id, change: 'created' });
    expect(markedText(document, a.id)).toBe('引发市场震荡');
  });

  it('drops the old page’s marks and paints the new page’s on a URL change', async () => {
    const before = document.body.innerHTML;
    const old = backend.put(selectorsOf(document.body, '特朗普宣布了'));
    await annotator.load();
    expect(marksOf(document, old.id)).toHaveLength(2);

    backend.page = PAGE_2;
    const next = backend.put(selectorsOf(document.body, '谈判将在下周'));
    backend.page = PAGE_1;
    await navigate(PAGE_2);

    expect(annotator.pageKey).toBe(pageKey(PAGE_2));
    expect(marksOf(document, old.id)).toHaveLength(0);
    expect(markedText(document, next.id)).toBe('谈判将在下周');
    expect(annotator.highlights.all.map((a) => a.id)).toEqual([next.id]);
    annotator.highlights.clear();
    expect(document.body.innerHTML).toBe(before);
  });

  it('drops the first load when it answers after the new page’s', async () => {
    const old = backend.put(selectorsOf(document.body, '特朗普宣布了'));
    backend.page = PAGE_2;
    const next = backend.put(selectorsOf(document.body, '谈判将在下周'));
    backend.page = PAGE_1;

    const releaseOld = backend.hold('list');
    const oldLoad = annotator.load();
    const releaseNew = backend.hold('list');
    const moving = navigate(PAGE_2);
    await releaseNew();
    await moving;
    await releaseOld();
    await oldLoad;

    expect(marksOf(document, old.id)).toHaveLength(0);
    expect(markedText(document, next.id)).toBe('谈判将在下周');
  });

  it('does not paint the old page’s highlight on the new page when its save answers after a URL change', async () => {
    await annotator.load();
    select('新的关税政策');
    const release = backend.hold('create');
    const saving = annotator.highlightSelection();
    // The background got the request while the tab still showed the first page.
    await navigate(PAGE_2);
    await release();
    const saved = await saving;

    expect(saved?.pageKey).toBe(pageKey(PAGE_1));
    expect(marksOf(document, saved!.id)).toHaveLength(0);
    expect(annotator.highlights.all).toEqual([]);
  });
});
