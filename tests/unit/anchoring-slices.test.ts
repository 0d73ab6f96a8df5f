import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CANCELLED,
  anchorAll,
  anchorAllInSlices,
  anchorAllSteps,
  describe as describeRange,
  runInSlices,
  type AnchorResult,
  type Slicing,
} from '@/components/anchoring';
import { runAtOnce } from '@/components/anchoring/slices';
import { PaintedHighlights } from '@/entrypoints/content/annotator/painted-highlights';
import { yieldToPage } from '@/entrypoints/content/annotator/page-slicing';
import type { Selector } from '@/storage/model/annotation';
import { FakeBackend, markedText } from './annotator-fakes';

/** A fake clock that moves `stepMs` each time it is read, and counts the page's turns. */
function fakeSlicing(stepMs = 1, budgetMs = 8): Slicing & { turns: number; clock: { t: number } } {
  const clock = { t: 0 };
  const s = {
    turns: 0,
    clock,
    budgetMs,
    now: () => (clock.t += stepMs),
    yieldNow: async () => {
      s.turns++;
    },
  };
  return s;
}

describe('runInSlices', () => {
  function* counted(n: number, log: number[]): Generator<void, string, undefined> {
    for (let i = 0; i < n; i++) {
      log.push(i);
      yield;
    }
    return 'done';
  }

  it('runs every step and returns the work’s result, giving the page a turn between slices', async () => {
    const log: number[] = [];
    const slicing = fakeSlicing();
    expect(await runInSlices(counted(100, log), slicing)).toBe('done');
    expect(log).toEqual([...Array(100).keys()]);
    expect(slicing.turns).toBeGreaterThan(5);
  });

  it('never runs a slice past its budget: steps between two turns add up to at most the budget', async () => {
    const clock = { t: 0 };
    const slices: number[] = [];
    let inSlice = 0;
    function* oneMsEach(): Generator<void, void, undefined> {
      for (let i = 0; i < 50; i++) {
        clock.t += 1;
        inSlice += 1;
        yield;
      }
    }
    await runInSlices(oneMsEach(), {
      now: () => clock.t,
      budgetMs: 8,
      yieldNow: async () => {
        slices.push(inSlice);
        inSlice = 0;
      },
    });
    slices.push(inSlice);
    expect(slices.reduce((a, b) => a + b, 0)).toBe(50);
    expect(Math.max(...slices)).toBe(8);
  });

  it('stops at a turn when cancelled, and closes the work so its cleanup runs', async () => {
    let cleaned = false;
    let steps = 0;
    function* endless(): Generator<void, void, undefined> {
      try {
        for (;;) {
          steps++;
          yield;
        }
      } finally {
        cleaned = true;
      }
    }
    const slicing = fakeSlicing();
    const result = await runInSlices(endless(), { ...slicing, cancelled: () => slicing.turns >= 2 });
    expect(result).toBe(CANCELLED);
    expect(cleaned).toBe(true);
    expect(steps).toBeGreaterThan(0);
  });
});

/** A long article of varied sentences, and selectors for many passages of it (some gone). */
const SENTENCES = [
  '据知情人士透露，谈判将在下周继续进行。',
  '分析人士认为，这一决定将影响全球供应链。',
  '特朗普宣布了新的关税政策，引发市场震荡。',
  '专家指出，相关数据仍需进一步核实。',
  '有网友表示，此事在当地引起广泛讨论。',
];

function longArticle(paragraphs: number): string {
  const ps: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    ps.push(`<p>第${i}段：${SENTENCES[i % 5]}<b>编号${i * 7}</b>${SENTENCES[(i * 3 + 1) % 5]}</p>\n`);
  }
  return `<article id="root">${ps.join('')}</article>`;
}

function selectorsFor(root: Element, count: number): Selector[][] {
  const doc = root.ownerDocument;
  const out: Selector[][] = [];
  const ps = Array.from(root.querySelectorAll('p'));
  for (let i = 0; i < count; i++) {
    const p = ps[(i * 37) % ps.length]!;
    const range = doc.createRange();
    range.setStart(p.firstChild!, 1);
    range.setEnd(p.lastChild!, 6);
    out.push(describeRange(root, range));
  }
  // Orphans: words that are nowhere on the page.
  for (let i = 0; i < 10; i++) {
    out.push([{ type: 'TextQuoteSelector', exact: `不存在的第${i}句话，谁也没写过它。`, prefix: '前文', suffix: '后文' }]);
  }
  return out;
}

const summary = (rs: readonly AnchorResult[]) =>
  rs.map((r) => (r.range === null ? null : { method: r.method, start: r.start, end: r.end, text: r.range.toString() }));

describe('anchorAllInSlices', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('finds what anchorAll finds, the orphans too, while giving the page turns', async () => {
    document.body.innerHTML = longArticle(600);
    const root = document.getElementById('root')!;
    const list = selectorsFor(root, 80);
    // Moved passages: positions stale after a paragraph inserted at the top.
    root.insertAdjacentHTML('afterbegin', '<p>新插入的一段，让所有位置都错开。</p>');
    const once = summary(anchorAll(root, list));
    root.append(document.createComment('a change, so the sliced run walks the page itself'));
    const slicing = fakeSlicing();
    const sliced = await anchorAllInSlices(root, list, slicing);
    expect(sliced).not.toBe(CANCELLED);
    expect(summary(sliced as AnchorResult[])).toEqual(once);
    expect(once.filter((r) => r === null)).toHaveLength(10);
    expect(once.filter((r) => r?.method === 'quote').length).toBeGreaterThan(0);
    expect(slicing.turns).toBeGreaterThan(10);
  });

  it('builds the page walk, the whitespace-free text and the gram table in pieces, not in one step', () => {
    document.body.innerHTML = longArticle(3_000);
    const root = document.getElementById('root')!;
    const chars = root.textContent!.length;
    const textNodes = root.querySelectorAll('p').length * 3;
    const list = selectorsFor(root, 1).slice(-1); // one orphan: it needs the whole index
    list.push(list[0]!);
    root.append(document.createComment('a change: the index is built anew'));
    let steps = 0;
    const it = anchorAllSteps(root, list);
    while (!it.next().done) steps++;
    // At least one step per 10,000 characters for each of the text and the grams, and per
    // 500 Text nodes of the walk.
    expect(chars).toBeGreaterThan(100_000);
    expect(steps).toBeGreaterThanOrEqual(2 * Math.floor(chars / 10_000) + Math.floor(textNodes / 500));
  });

  it('starts over when the page changes between slices, and ends on the page as it is then', async () => {
    document.body.innerHTML = longArticle(800);
    const root = document.getElementById('root')!;
    const list = selectorsFor(root, 40);
    root.append(document.createComment('a change: the index is built anew'));
    const slicing = fakeSlicing();
    let changes = 0;
    const yieldNow = async () => {
      slicing.turns++;
      // The page's own script rewrites the top of the article twice while the work pauses.
      if (slicing.turns % 2 === 0 && changes < 2) {
        changes++;
        root.insertAdjacentHTML('afterbegin', `<p>页面脚本第${changes}次插入的新内容。</p>`);
      }
    };
    const sliced = await anchorAllInSlices(root, list, { ...slicing, yieldNow });
    expect(changes).toBe(2);
    const after = summary(anchorAll(root, list));
    expect(summary(sliced as AnchorResult[])).toEqual(after);
    // Every found Range is on the page as it is now: its text is the quote.
    for (const [i, r] of (sliced as AnchorResult[]).entries()) {
      if (r.range) expect(r.range.toString()).toBe((list[i]![0] as { exact: string }).exact);
    }
  });

  it('is cancelled at a turn when the page navigates', async () => {
    document.body.innerHTML = longArticle(800);
    const root = document.getElementById('root')!;
    let navigated = false;
    const slicing = fakeSlicing();
    const result = await anchorAllInSlices(root, selectorsFor(root, 40), {
      ...slicing,
      yieldNow: async () => {
        slicing.turns++;
        navigated = true;
      },
      cancelled: () => navigated,
    });
    expect(result).toBe(CANCELLED);
  });

  it('does the same at once when asked to (runAtOnce)', () => {
    document.body.innerHTML = longArticle(300);
    const root = document.getElementById('root')!;
    const list = selectorsFor(root, 20);
    const once = summary(anchorAll(root, list));
    root.append(document.createComment('changed'));
    expect(summary(runAtOnce(anchorAllSteps(root, list)))).toEqual(once);
  });
});

describe('a load of many highlights, painted in slices', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  function setUp(paragraphs: number, count: number) {
    document.body.innerHTML = longArticle(paragraphs);
    const root = document.getElementById('root')!;
    const backend = new FakeBackend();
    const lists = selectorsFor(root, count);
    const saved = lists.map((selectors) => backend.put(selectors));
    return { backend, saved };
  }

  it('paints every highlight once, orphans apart, with turns for the page in between', async () => {
    const { backend, saved } = setUp(600, 60);
    const slicing = fakeSlicing();
    const painted = new PaintedHighlights(document, backend, () => {}, slicing);
    await painted.load();
    painted.disconnect();
    expect(slicing.turns).toBeGreaterThan(10);
    const ids = new Set(Array.from(document.querySelectorAll('[data-annotation-id]')).map((el) => el.getAttribute('data-annotation-id')));
    expect(ids.size).toBe(60);
    expect(painted.orphans).toHaveLength(10);
    expect(painted.all).toHaveLength(saved.length);
    for (const a of saved.slice(0, 60)) expect(markedText(document, a.id)).toBe((a.selectors[0] as { exact: string }).exact);
  });

  it('paints nothing more of the old page once the page navigated (clear) during the load', async () => {
    const { backend } = setUp(600, 60);
    let painted!: PaintedHighlights;
    const slicing = fakeSlicing();
    const yieldNow = async () => {
      slicing.turns++;
      if (slicing.turns === 3) painted.clear();
    };
    painted = new PaintedHighlights(document, backend, () => {}, { ...slicing, yieldNow });
    await painted.load();
    expect(slicing.turns).toBe(3);
    expect(document.querySelectorAll('[data-annotation-id]')).toHaveLength(0);
    expect(painted.all).toHaveLength(0);
  });

  it('paints right on the page the site changed while the load paused', async () => {
    const { backend, saved } = setUp(600, 40);
    const slicing = fakeSlicing();
    let changed = false;
    const yieldNow = async () => {
      slicing.turns++;
      // Well into the painting: the site inserts a paragraph at the top (positions move).
      if (slicing.turns === 5 && !changed) {
        changed = true;
        document.getElementById('root')!.insertAdjacentHTML('afterbegin', '<p>网站晚到的一段新内容。</p>');
      }
    };
    const painted = new PaintedHighlights(document, backend, () => {}, { ...slicing, yieldNow });
    await painted.load();
    painted.disconnect();
    expect(changed).toBe(true);
    for (const a of saved.slice(0, 40)) expect(markedText(document, a.id)).toBe((a.selectors[0] as { exact: string }).exact);
  });
});

describe('yieldToPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('uses scheduler.yield where the browser has it', async () => {
    const yieldFn = vi.fn(() => Promise.resolve());
    vi.stubGlobal('scheduler', { yield: yieldFn });
    await yieldToPage();
    expect(yieldFn).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['throws', () => {
      throw new Error('replaced by the page');
    }],
    ['rejects', () => Promise.reject(new Error('replaced by the page'))],
  ])('still gives the work its next turn when scheduler.yield %s', async (_how, broken) => {
    vi.stubGlobal('scheduler', { yield: broken });
    let later = false;
    const turn = yieldToPage().then(() => (later = true));
    expect(later).toBe(false);
    await turn;
    expect(later).toBe(true);
  });

  it('posts itself a message where there is no scheduler.yield', async () => {
    vi.stubGlobal('scheduler', undefined);
    const order: string[] = [];
    const turn = yieldToPage().then(() => order.push('turn'));
    await Promise.resolve().then(() => order.push('microtask'));
    await turn;
    expect(order).toEqual(['microtask', 'turn']);
  });
});
