import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import App from '@/entrypoints/popup/App';
import { publishEarly, takeEarly } from '@/components/ui/popup/early-handoff';
import { EARLY_ATTR, drawEarlyScreen } from '@/components/ui/popup/early-screen';
import { seedFirstPages } from '@/components/ui/popup/first-pages';
import { handOver } from '@/components/ui/popup/hand-over';
import { seedDigest } from '@/components/ui/popup/seeded-digest';
import { SourcemarkDB } from '@/storage/db/db';
import { buildDigest } from '@/storage/db/digest';
import type { DigestAnswer } from '@/storage/db/digest-now';
import type { DigestShard } from '@/storage/db/digest-shard';
import type { PageSummary } from '@/storage/db/page-summary';
import type { Annotation } from '@/storage/model/annotation';
import { makeLibrary } from '../bench/popup-data';

const pages: PageSummary[] = Array.from({ length: 20 }, (_, i) => ({
  pageKey: `example.com/${i}`,
  title: i === 3 ? '  ' : `第 ${i} 篇 <b>文章</b>`,
  site: i % 2 ? '网易号' : '',
  url: `https://example.com/${i}`,
  updated: new Date(Date.UTC(2026, 2, 20 - (i % 10))).toISOString(),
  count: i + 1,
}));

/** 40 pages of 5: one with markup in its title, quote and note, one judged false with tags. */
function library(): Annotation[] {
  const all = makeLibrary(40, 5);
  all[0] = { ...all[0]!, title: '<b>标题</b>', note: '<img src=x onerror=alert(1)>', selectors: [{ type: 'TextQuoteSelector', exact: '据知情<i>人士</i>' }] };
  all[5] = { ...all[5]!, tags: ['地缘', '待查'], assessment: { verdict: 'false', evidence: ['https://example.com/'] } };
  return all;
}

/** A digest answer as the first script holds it: `shards` once `answered` (at once if not given). */
function answerOf(shards: readonly DigestShard[] | null, answered?: Promise<void>): DigestAnswer & { takes: number } {
  let there = !answered;
  void answered?.then(() => (there = true));
  const answer = {
    takes: 0,
    answered: answered ?? Promise.resolve(),
    take() {
      if (!there) return undefined;
      answer.takes++;
      return shards;
    },
  };
  return answer;
}

/** Types `query` into the search field under `root`, as a reader does: one input event. */
function type(root: Element, query: string): void {
  const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the popup’s early screen (drawn before Preact loads)', () => {
  let db: SourcemarkDB;
  beforeEach(() => {
    fakeBrowser.reset();
    db = new SourcemarkDB(`early-${Math.random()}`);
    document.body.innerHTML = '<div id="app"></div>';
  });
  afterEach(() => {
    render(null, document.getElementById('app')!);
    document.body.innerHTML = '';
  });

  /** The App's first render over the same first pages, as mount.tsx renders it. */
  function appMarkup(lang: 'zh' | 'en'): string {
    const root = document.createElement('div');
    document.body.append(root);
    seedFirstPages(db, { pages, more: true });
    render(<App db={db} lang={lang} tab={{ kind: 'unsupported', tab: null }} />, root);
    const html = root.innerHTML;
    render(null, root);
    root.remove();
    return html;
  }

  it.each(['zh', 'en'] as const)('has the markup of the App’s first render of “All annotations” (%s)', (lang) => {
    const expected = appMarkup(lang);
    const root = document.getElementById('app')!;
    drawEarlyScreen(document, root, { lang, view: 'all', pages });
    expect(root.querySelectorAll('.group-head').length).toBeGreaterThan(5);
    expect(root.innerHTML).toBe(expected);
  });

  it('says “loading” in the list’s place on “This page”, with the same header and footer', () => {
    const root = document.getElementById('app')!;
    drawEarlyScreen(document, root, { lang: 'en', view: 'page', pages });
    expect(root.querySelector('[role="tab"][aria-selected="true"]')?.textContent).toBe('This page');
    expect(root.querySelector('main')?.textContent).toBe('Loading…');
    expect(root.querySelector('.group-head')).toBeNull();
    expect(root.querySelector('footer a')?.getAttribute('href')).toBe('/ledger.html');
  });

  it.each(['zh', 'en'] as const)('answers a search with the markup of the App’s results for it (%s)', async (lang) => {
    const shards = buildDigest(library());
    // The App over the same digest, as mount.tsx seeds it from the first script's read.
    seedDigest(db, Promise.resolve(shards));
    await tick();
    const app = document.createElement('div');
    document.body.append(app);
    seedFirstPages(db, { pages, more: true });
    render(<App db={db} lang={lang} tab={{ kind: 'unsupported', tab: null }} />, app);
    for (const query of ['据知情', '第5篇', 'minister said']) {
      type(app, query);
      await tick();
      const expected = app.querySelector('.results')!;
      expect(expected.getAttribute('aria-busy')).toBe('false');
      expect(expected.querySelectorAll('li.item').length).toBeGreaterThan(0);

      const root = document.getElementById('app')!;
      drawEarlyScreen(document, root, { lang, view: 'all', pages, digest: answerOf(shards) });
      type(root, query);
      expect(root.querySelector('.results')?.outerHTML).toBe(expected.outerHTML);
    }
    render(null, app);
  });

  it('shows markup in titles, quotes and notes as text, and a verdict and tags as the App does', () => {
    const root = document.getElementById('app')!;
    drawEarlyScreen(document, root, { lang: 'zh', view: 'all', pages, digest: answerOf(buildDigest(library())) });
    type(root, '<i>人士');
    const marked = root.querySelector(`li.item[data-annotation-id="${library()[0]!.id}"]`)!;
    expect(root.querySelectorAll('li.item')).toHaveLength(1);
    expect(root.querySelector('img, b, i')).toBeNull();
    expect(marked.querySelector('.quote')?.textContent).toBe('据知情<i>人士</i>');
    expect(marked.querySelector('.note')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(root.querySelector('.group-title')?.textContent).toBe('<b>标题</b>');
    type(root, '（1-0）');
    const judged = root.querySelector(`li.item[data-annotation-id="${library()[5]!.id}"]`)!;
    expect(judged.querySelector('.verdict-chip')?.getAttribute('data-verdict')).toBe('false');
    expect(judged.querySelector('.verdict-chip')?.textContent).toBe('✗ 不实');
    expect(judged.querySelector('.tags')?.textContent).toBe('#地缘 #待查');
  });

  it('says “nothing found” for a query nothing matches, and shows the page list again when the query is cleared', () => {
    const root = document.getElementById('app')!;
    drawEarlyScreen(document, root, { lang: 'en', view: 'all', pages, digest: answerOf(buildDigest(library())) });
    type(root, 'zzzz-nowhere');
    const results = root.querySelector('.results')!;
    expect(results.getAttribute('aria-busy')).toBe('false');
    expect(results.querySelector('[role="status"]')?.textContent).toMatch(/^Nothing found/);
    expect(results.querySelector('.vlist')).toBeNull();
    type(root, '');
    expect(root.querySelector('.results')).toBeNull();
    expect(root.querySelectorAll('.group-head').length).toBeGreaterThan(5);
  });

  it('answers a query typed before the digest was read as soon as it is, copying the digest once', async () => {
    let answer!: () => void;
    const digest = answerOf(buildDigest(library()), new Promise<void>((r) => (answer = r)));
    const root = document.getElementById('app')!;
    drawEarlyScreen(document, root, { lang: 'zh', view: 'all', pages, digest });
    type(root, '据知情');
    expect(root.querySelector('.results')?.getAttribute('aria-busy')).toBe('true');
    answer();
    await tick();
    const results = root.querySelector('.results')!;
    expect(results.getAttribute('aria-busy')).toBe('false');
    expect(results.getAttribute('data-query')).toBe('据知情');
    expect(results.querySelector('[role="status"]')?.textContent).toMatch(/^找到 \d+ 条$/);
    type(root, '据知情人士');
    expect(root.querySelector('.results li.item')).not.toBeNull();
    expect(digest.takes).toBe(1);
  });

  it('stays “searching” when the digest cannot be read (the App answers once it is there)', async () => {
    const root = document.getElementById('app')!;
    drawEarlyScreen(document, root, { lang: 'zh', view: 'all', pages, digest: answerOf(null) });
    await tick();
    type(root, '据知情');
    await tick();
    const results = root.querySelector('.results')!;
    expect(results.getAttribute('aria-busy')).toBe('true');
    expect(results.querySelector('[role="status"]')?.textContent).toBe('正在搜索…');
  });

  it('shows a query typed before the library is there as searching (busy), not the page list, and the list again when cleared', () => {
    const root = document.getElementById('app')!;
    drawEarlyScreen(document, root, { lang: 'zh', view: 'all', pages });
    const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    input.value = '据知情';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const results = root.querySelector('.results');
    expect(results?.getAttribute('aria-busy')).toBe('true');
    expect(results?.getAttribute('data-query')).toBe('据知情');
    expect(results?.querySelector('[role="status"]')?.textContent).toBe('正在搜索…');
    expect(root.querySelector('.group-head')).toBeNull();
    input.value = ' ';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(root.querySelector('.results')).toBeNull();
    expect(root.querySelectorAll('.group-head').length).toBeGreaterThan(5);
  });
});

describe('handOver (the App in place of the early screen)', () => {
  beforeEach(() => {
    document.body.innerHTML = '<div id="app"></div>';
  });

  /** A stand-in App: a search field that records the input events it gets. */
  function fakeApp(heard: string[]) {
    return (root: HTMLElement) => {
      const field = document.createElement('input');
      field.type = 'search';
      field.addEventListener('input', () => heard.push(field.value));
      const main = document.createElement('main');
      main.append(field);
      root.append(main);
    };
  }

  it('gives the App the text typed early, as an input event, with the focus and caret where they were', () => {
    drawEarlyScreen(document, document.getElementById('app')!, { lang: 'zh', view: 'all', pages });
    const early = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    early.focus();
    early.value = '美俄阿拉斯加';
    early.setSelectionRange(2, 4);
    const heard: string[] = [];
    handOver(document, fakeApp(heard));
    const app = document.getElementById('app')!;
    expect(app.hasAttribute(EARLY_ATTR)).toBe(false);
    expect(document.querySelectorAll('input[type="search"]')).toHaveLength(1);
    const field = app.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(heard).toEqual(['美俄阿拉斯加']);
    expect(document.activeElement).toBe(field);
    expect([field.selectionStart, field.selectionEnd]).toEqual([2, 4]);
  });

  it('sends no input event when nothing was typed, and takes no focus the early field did not have', () => {
    drawEarlyScreen(document, document.getElementById('app')!, { lang: 'zh', view: 'all', pages });
    const heard: string[] = [];
    handOver(document, fakeApp(heard));
    expect(document.querySelector('input[type="search"]')).not.toBeNull();
    expect(heard).toEqual([]);
    expect(document.activeElement).toBe(document.body);
  });

  it('clicks in the App the button clicked last on the early screen, and focuses the control that had the focus', () => {
    drawEarlyScreen(document, document.getElementById('app')!, { lang: 'en', view: 'all', pages });
    const heads = document.querySelectorAll<HTMLButtonElement>('.group-toggle');
    heads[0]!.click();
    heads[2]!.focus();
    heads[2]!.click();
    const clicks: string[] = [];
    handOver(document, (root) => {
      // A stand-in App with the early screen's markup, whose buttons report their clicks.
      drawEarlyScreen(document, root, { lang: 'en', view: 'all', pages });
      root.removeAttribute(EARLY_ATTR);
      for (const b of root.querySelectorAll('button')) b.addEventListener('click', () => clicks.push(b.textContent ?? ''));
    });
    expect(clicks).toEqual([heads[2]!.textContent]);
    expect(document.activeElement?.textContent).toBe(heads[2]!.textContent);
    expect(document.activeElement?.closest('#app')).toBe(document.getElementById('app'));
  });

  it('clicks the App’s button where a press on the early screen’s ends, and nothing where it ends elsewhere', () => {
    const press = (type: string, target: Element) =>
      target.dispatchEvent(new PointerEvent(type, { bubbles: true, isPrimary: true, button: 0 }));
    for (const endOn of ['same', 'other'] as const) {
      document.body.innerHTML = '<div id="app"></div>';
      drawEarlyScreen(document, document.getElementById('app')!, { lang: 'en', view: 'all', pages });
      const early = document.querySelectorAll('.group-toggle')[1]!;
      press('pointerdown', early);
      const clicks: string[] = [];
      handOver(document, (root) => {
        drawEarlyScreen(document, root, { lang: 'en', view: 'all', pages });
        root.removeAttribute(EARLY_ATTR);
        for (const b of root.querySelectorAll('button')) b.addEventListener('click', () => clicks.push(b.textContent ?? ''));
      });
      expect(clicks).toEqual([]);
      const heads = document.querySelectorAll('#app .group-toggle');
      press('pointerup', endOn === 'same' ? heads[1]! : heads[3]!);
      // A later press and release on it is the App's own business: not clicked a second time.
      press('pointerup', heads[1]!);
      expect(clicks).toEqual(endOn === 'same' ? [early.textContent] : []);
    }
  });

  it('clicks nothing when the App has other markup where the early button was', () => {
    drawEarlyScreen(document, document.getElementById('app')!, { lang: 'en', view: 'page', pages });
    document.querySelector<HTMLButtonElement>('footer button')!.click();
    const clicks: string[] = [];
    handOver(document, (root) => {
      root.innerHTML = '<header></header><main></main><footer><button type="button">Something else</button></footer>';
      root.querySelector('button')!.addEventListener('click', () => clicks.push('clicked'));
    });
    expect(document.querySelector('footer button')?.textContent).toBe('Something else');
    expect(clicks).toEqual([]);
  });

  it('keeps a search answered on the early screen, and gives a click on one of its results to the same result in the App', async () => {
    const db = new SourcemarkDB(`early-${Math.random()}`);
    const shards = buildDigest(library());
    seedDigest(db, Promise.resolve(shards));
    seedFirstPages(db, { pages, more: true });
    await tick();
    const root = document.getElementById('app')!;
    drawEarlyScreen(document, root, { lang: 'zh', view: 'all', pages, digest: answerOf(shards) });
    type(root, '（1-0）');
    const item = root.querySelector(`li.item[data-annotation-id="${library()[5]!.id}"]`)!;
    const edit = [...item.querySelectorAll('button')].find((b) => b.textContent === '编辑笔记' || b.textContent === '添加笔记')!;
    edit.click();
    handOver(document, (app) => render(<App db={db} lang="zh" tab={{ kind: 'unsupported', tab: null }} />, app));
    await tick();
    const app = document.getElementById('app')!;
    expect(app.hasAttribute(EARLY_ATTR)).toBe(false);
    expect(app.querySelector('.results')?.getAttribute('aria-busy')).toBe('false');
    const same = app.querySelector(`li.item[data-annotation-id="${library()[5]!.id}"]`)!;
    expect(same.querySelector('textarea')).not.toBeNull();
    render(null, app);
  });

  it('renders into #app as it is when no early screen was drawn', () => {
    const before = document.getElementById('app');
    const heard: string[] = [];
    handOver(document, fakeApp(heard));
    expect(document.getElementById('app')).toBe(before);
    expect(before?.querySelector('input[type="search"]')).not.toBeNull();
  });
});

describe('publishEarly and takeEarly (the early script hands its reads to the App’s script)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    delete (globalThis as { __sourcemarkPopup?: unknown }).__sourcemarkPopup;
  });

  it('gives the App the early script’s reads when the early script ran first', async () => {
    const first = Promise.resolve(null);
    const digest = Promise.resolve(null);
    const published = publishEarly(() => ({ tabId: 7, tab: Promise.resolve(undefined), first, drawn: Promise.resolve(), digest }));
    const taken = takeEarly('?tab=9');
    expect(taken).toBe(published);
    expect(taken.tabId).toBe(7);
    expect(taken.first).toBe(first);
    expect(taken.digest).toBe(digest);
  });

  it('reads the tab itself and leaves the first screen to Dexie when the early script has not run, which then draws nothing', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.com/a' });
    const taken = takeEarly(`?tab=${tab.id}`);
    expect(taken.tabId).toBe(tab.id);
    expect((await taken.tab)?.url).toBe('https://example.com/a');
    expect(await taken.first).toBeNull();
    expect(await taken.digest).toBeNull();
    let made = false;
    expect(
      publishEarly(() => {
        made = true;
        return taken;
      }),
    ).toBeNull();
    expect(made).toBe(false);
  });
});
