import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ORPHAN_RETRY_FIRST_MS,
  ORPHAN_RETRY_MAX,
  PaintedHighlights,
} from '@/entrypoints/content/annotator/painted-highlights';
import type { Selector } from '@/storage/model/annotation';
import { deferred, FakeBackend, marksOf, markedText, selectorsOf, settle } from './annotator-fakes';

/**
 * PaintedHighlights against an in-memory backend whose answers the tests hold back and release,
 * on the test environment's own document (happy-dom).
 */

const ARTICLE =
  '<article><h1>关税新政</h1>' +
  '<p>第一段：<b>特朗普</b>宣布了新的关税政策，引发市场震荡。</p>\n' +
  '<p>第二段：据<a href="#">知情人士</a>透露，谈判将在下周继续进行。</p>\n' +
  '<p>第三段：分析人士认为，这一决定<em>将影响全球</em>供应链。</p></article>';

/** A quote that is on no page of these tests until one adds it. */
const LOST = 'Quartz zebras vex jumping fog';
const orphanSelectors = (): Selector[] => [{ type: 'TextQuoteSelector', exact: LOST, prefix: 'Before ', suffix: ' after' }];

let backend: FakeBackend;
let painted: PaintedHighlights;

beforeEach(() => {
  document.body.innerHTML = ARTICLE;
  backend = new FakeBackend();
  painted = new PaintedHighlights(document, backend);
});

afterEach(() => {
  painted.disconnect();
  painted.clear();
  vi.useRealTimers();
});

/** Records every DOM change under the body until `stop` is called. */
function watchBody(): { stop: () => MutationRecord[] } {
  const seen: MutationRecord[] = [];
  const observer = new MutationObserver((records) => seen.push(...records));
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  return {
    stop: () => {
      seen.push(...observer.takeRecords());
      observer.disconnect();
      return seen;
    },
  };
}

describe('a highlight made while the first load is on its way', () => {
  it('is wrapped once when the load then returns it too, and unwrapping it restores the page exactly', async () => {
    const before = document.body.innerHTML;
    const release = backend.hold('list');
    const loading = painted.load();

    // The reader's own new highlight: saved by the background, then painted through `add`.
    const saved = backend.put(selectorsOf(document.body, '新的关税政策，引发'));
    painted.add(saved);
    await release();
    await loading;

    const marks = marksOf(document, saved.id);
    expect(marks.length).toBeGreaterThan(0);
    expect(markedText(document, saved.id)).toBe('新的关税政策，引发');
    // No mark inside another mark of the same highlight: one set of wrappers, not two.
    expect(marks.every((m) => !m.parentElement?.closest(`[data-annotation-id="${saved.id}"]`))).toBe(true);
    expect(painted.all.map((a) => a.id)).toEqual([saved.id]);

    await painted.apply(saved.id, 'deleted');
    expect(marksOf(document, saved.id)).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
  });

  it('is wrapped once when it crosses inline markup and the load also brings other highlights', async () => {
    const other = backend.put(selectorsOf(document.body, '谈判将在下周'));
    const release = backend.hold('list');
    const loading = painted.load();
    const saved = backend.put(selectorsOf(document.body, '特朗普宣布了'));
    painted.add(saved);
    await release();
    await loading;

    expect(marksOf(document, saved.id)).toHaveLength(2); // <b>特朗普</b> and 宣布了
    expect(markedText(document, saved.id)).toBe('特朗普宣布了');
    expect(markedText(document, other.id)).toBe('谈判将在下周');
  });
});

describe('painting a new highlight after other marks split the page', () => {
  it('lands on exactly the words described from the selection', () => {
    // The reader selects; while the background saves it, other highlights arrive and are painted.
    const selectors = selectorsOf(document.body, '知情人士透露，谈判');
    painted.add(backend.put(selectorsOf(document.body, '据知情'))); // overlaps its start
    painted.add(backend.put(selectorsOf(document.body, '谈判将在下周继续'))); // overlaps its end
    painted.add(backend.put(selectorsOf(document.body, '新的关税')));
    expect(document.querySelectorAll('[data-annotation-id]').length).toBeGreaterThan(3);

    const saved = backend.put(selectors);
    painted.add(saved);
    expect(markedText(document, saved.id)).toBe('知情人士透露，谈判');
    expect(painted.orphans).toHaveLength(0);
  });
});

describe('change notices', () => {
  it('refreshes the stored note on "updated" without touching the page', async () => {
    const a = backend.put(selectorsOf(document.body, '分析人士认为'));
    await painted.load();
    await backend.update(a.id, { note: '谁的分析？' });

    const watch = watchBody();
    await painted.apply(a.id, 'updated');
    await settle();
    expect(watch.stop()).toHaveLength(0);
    expect(painted.all.find((x) => x.id === a.id)?.note).toBe('谁的分析？');
  });

  it('sets the new colour on every element of that highlight only on "recoloured"', async () => {
    const a = backend.put(selectorsOf(document.body, '这一决定将影响全球供应链'));
    const b = backend.put(selectorsOf(document.body, '第三段：分析'));
    await painted.load();
    expect(marksOf(document, a.id).length).toBeGreaterThan(1);

    await backend.update(a.id, { color: 'green' });
    await painted.apply(a.id, 'recoloured');
    expect(marksOf(document, a.id).map((m) => m.getAttribute('data-color'))).toEqual(
      marksOf(document, a.id).map(() => 'green'),
    );
    expect(marksOf(document, b.id).map((m) => m.getAttribute('data-color'))).toEqual(['yellow']);
    expect(painted.all.find((x) => x.id === a.id)?.color).toBe('green');
  });

  it('fetches and paints a highlight made elsewhere on "created"', async () => {
    await painted.load();
    const a = backend.put(selectorsOf(document.body, '引发市场震荡'));
    await painted.apply(a.id, 'created');
    expect(markedText(document, a.id)).toBe('引发市场震荡');
    expect(painted.has(a.id)).toBe(true);
  });

  it('leaves the page alone on "created" for a highlight already painted', async () => {
    const a = backend.put(selectorsOf(document.body, '引发市场震荡'));
    await painted.load();
    const watch = watchBody();
    await painted.apply(a.id, 'created');
    await settle();
    expect(watch.stop()).toHaveLength(0);
    expect(marksOf(document, a.id)).toHaveLength(1);
    // Nor asks the background again for a record it has.
    expect(backend.calls.get).toBe(0);
  });

  it('unwraps the highlight on "deleted" and leaves the others', async () => {
    const before = document.body.innerHTML;
    const a = backend.put(selectorsOf(document.body, '知情人士透露'));
    const b = backend.put(selectorsOf(document.body, '第二段：据知情'));
    await painted.load();
    await backend.delete(a.id);

    await painted.apply(a.id, 'deleted');
    expect(marksOf(document, a.id)).toHaveLength(0);
    expect(markedText(document, b.id)).toBe('第二段：据知情');
    expect(painted.has(a.id)).toBe(false);
    await painted.apply(b.id, 'deleted');
    expect(document.body.innerHTML).toBe(before);
  });

  it('unwraps the highlight when "updated" finds it gone from the backend', async () => {
    const a = backend.put(selectorsOf(document.body, '知情人士透露'));
    await painted.load();
    await backend.delete(a.id);
    await painted.apply(a.id, 'updated');
    expect(marksOf(document, a.id)).toHaveLength(0);
    expect(painted.has(a.id)).toBe(false);
  });

  it('paints nothing for a notice whose answer arrives after the page was cleared (URL change)', async () => {
    await painted.load();
    const a = backend.put(selectorsOf(document.body, '引发市场震荡'));
    const release = backend.hold('get');
    const applying = painted.apply(a.id, 'created');
    painted.clear();
    await release();
    await applying;
    expect(marksOf(document, a.id)).toHaveLength(0);
    expect(painted.has(a.id)).toBe(false);
  });
});

describe('a new page (URL change)', () => {
  it('drops the old page’s marks and paints the new page’s on clear() and load()', async () => {
    const before = document.body.innerHTML;
    const old = backend.put(selectorsOf(document.body, '特朗普宣布了'));
    await painted.load();
    expect(markedText(document, old.id)).toBe('特朗普宣布了');

    backend.page = 'https://news.example.com/a/2.html';
    const next = backend.put(selectorsOf(document.body, '供应链'));
    painted.clear();
    expect(document.body.innerHTML).toBe(before);
    await painted.load();
    expect(marksOf(document, old.id)).toHaveLength(0);
    expect(markedText(document, next.id)).toBe('供应链');
    expect(painted.all.map((a) => a.id)).toEqual([next.id]);
  });

  it('drops a load that answers after a newer one', async () => {
    const old = backend.put(selectorsOf(document.body, '特朗普宣布了'));
    const releaseOld = backend.hold('list');
    const oldLoad = painted.load();

    backend.page = 'https://news.example.com/a/2.html';
    const next = backend.put(selectorsOf(document.body, '供应链'));
    const releaseNew = backend.hold('list');
    painted.clear();
    const newLoad = painted.load();

    await releaseNew();
    await newLoad;
    await releaseOld();
    await oldLoad;
    expect(marksOf(document, old.id)).toHaveLength(0);
    expect(markedText(document, next.id)).toBe('供应链');
    expect(painted.all.map((a) => a.id)).toEqual([next.id]);
  });
});

describe('orphans and late content', () => {
  /** Like a rotating ad: a node added outside the article. */
  const rotateAd = (n: number): void => {
    const ad = document.createElement('div');
    ad.textContent = `广告 ${n}`;
    document.body.append(ad);
  };

  it('retries at doubling intervals on DOM changes, stops after ORPHAN_RETRY_MAX, then ignores changes', async () => {
    vi.useFakeTimers();
    backend.put(orphanSelectors());
    await painted.load();
    painted.observe();
    expect(painted.orphans).toHaveLength(1);

    for (let i = 0; i < ORPHAN_RETRY_MAX; i++) {
      const delay = ORPHAN_RETRY_FIRST_MS * 2 ** i;
      rotateAd(i);
      await settle();
      vi.advanceTimersByTime(delay - 1);
      // More changes while a retry is waiting do not bring it forward or add one.
      rotateAd(i + 0.5);
      await settle();
      expect(painted.retriesDone).toBe(i);
      vi.advanceTimersByTime(1);
      expect(painted.retriesDone).toBe(i + 1);
    }

    for (let n = 0; n < 5; n++) {
      rotateAd(100 + n);
      await settle();
      vi.advanceTimersByTime(ORPHAN_RETRY_FIRST_MS * 2 ** (ORPHAN_RETRY_MAX + 2));
    }
    expect(painted.retriesDone).toBe(ORPHAN_RETRY_MAX);
    expect(vi.getTimerCount()).toBe(0);
    expect(painted.orphans).toHaveLength(1);
  });

  it('does not retry without DOM changes', async () => {
    vi.useFakeTimers();
    backend.put(orphanSelectors());
    await painted.load();
    painted.observe();
    vi.advanceTimersByTime(60_000);
    expect(painted.retriesDone).toBe(0);
  });

  it('paints an orphan when late content with its quote arrives while retries remain', async () => {
    vi.useFakeTimers();
    const a = backend.put(orphanSelectors());
    await painted.load();
    painted.observe();

    rotateAd(1);
    await settle();
    vi.advanceTimersByTime(ORPHAN_RETRY_FIRST_MS);
    expect(painted.retriesDone).toBe(1);
    expect(painted.orphans).toHaveLength(1);

    const late = document.createElement('p');
    late.textContent = `Before ${LOST} after, in a paragraph loaded late.`;
    document.querySelector('article')!.append(late);
    await settle();
    vi.advanceTimersByTime(ORPHAN_RETRY_FIRST_MS * 2);

    expect(painted.orphans).toHaveLength(0);
    expect(markedText(document, a.id)).toBe(LOST);
    expect(marksOf(document, a.id)[0]?.closest('p')).toBe(late);
  });

  it('does not count its own painting as late content', async () => {
    vi.useFakeTimers();
    backend.put(orphanSelectors());
    await painted.load();
    painted.observe();
    // A new highlight and a deleted one change the DOM, but only through Sourcemark.
    const b = backend.put(selectorsOf(document.body, '引发市场震荡'));
    painted.add(b);
    await settle();
    await painted.apply(b.id, 'deleted');
    await settle();
    vi.advanceTimersByTime(60_000);
    expect(painted.retriesDone).toBe(0);
  });
});

describe('notices that overtake the first load', () => {
  /** A backend whose list is read when asked and answered only when the test says. */
  function listReadEarly(): () => void {
    const snapshot = [...backend.records.values()].map((a) => ({ ...a }));
    const gate = deferred();
    backend.listForPage = async () => {
      await gate.promise;
      return snapshot;
    };
    return () => gate.resolve();
  }

  it('does not bring back a highlight deleted while the first load was on its way', async () => {
    const before = document.body.innerHTML;
    const a = backend.put(selectorsOf(document.body, '新的关税政策，引发'));
    const answer = listReadEarly();
    const loading = painted.load();
    backend.records.delete(a.id);
    await painted.apply(a.id, 'deleted');
    answer();
    await loading;
    expect(painted.all).toEqual([]);
    expect(marksOf(document, a.id)).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
  });

  it('keeps the newer colour a notice brought when the older list arrives after it', async () => {
    const a = backend.put(selectorsOf(document.body, '新的关税政策，引发'));
    const answer = listReadEarly();
    const loading = painted.load();
    await backend.update(a.id, { color: 'green' });
    await painted.apply(a.id, 'recoloured');
    answer();
    await loading;
    expect(painted.all.map((x) => x.color)).toEqual(['green']);
    expect(new Set(marksOf(document, a.id).map((m) => m.getAttribute('data-color')))).toEqual(new Set(['green']));
  });
});
