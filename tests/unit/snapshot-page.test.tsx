/**
 * The snapshot page over a real (fake-indexeddb) database: what it says when its address names no
 * copy or an unknown one, the copy's details and integrity, the orphan list, and a redraw when the
 * reader's annotations of the article change.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashParagraphs } from '@/components/factcheck/snapshot';
import type { ArticleSnapshot } from '@/components/factcheck/snapshot-schema';
import SnapshotPage from '@/components/ui/snapshot/SnapshotPage';
import { SourcemarkDB } from '@/storage/db/db';
import { sampleAnnotation } from '../support/sample-annotation';

const KEY = '163.com/article/KKG7R2LD0525KQ8M';
const PARAGRAPHS = ['第一段交代背景。', '据知情人士透露，谈判将在下周继续进行。', '第三段<b>不是标记</b>。'];

async function snapshot(over: Partial<ArticleSnapshot> = {}): Promise<ArticleSnapshot> {
  return {
    pageKey: KEY,
    url: 'https://www.163.com/dy/article/KKG7R2LD0525KQ8M.html',
    title: '美俄乌会谈无果而终',
    account: '史政先锋',
    platform: 'netease',
    page: 'netease-hao',
    published: '2026-01-25 03:07:00',
    statement: '特别声明：以上内容为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。',
    paragraphs: PARAGRAPHS,
    sha256: await hashParagraphs(PARAGRAPHS),
    taken: '2026-02-01T08:00:00.000Z',
    ...over,
  };
}

const on = (quote: string, id: string) =>
  sampleAnnotation({ id, pageKey: KEY, selectors: [{ type: 'TextQuoteSelector', exact: quote }], note: '' });

async function until(done: () => boolean): Promise<void> {
  await vi.waitFor(() => {
    if (!done()) throw new Error('not yet');
  }, { timeout: 5000, interval: 10 });
}

describe('the snapshot page', () => {
  let db: SourcemarkDB;
  let root: HTMLElement;
  const text = (sel: string) => root.querySelector(sel)?.textContent ?? null;
  beforeEach(() => {
    db = new SourcemarkDB(`snapshot-page-${Math.random()}`);
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    db.close();
  });

  it('says so when its address names no copy', async () => {
    render(<SnapshotPage db={db} lang="en" pageKey={null} />, root);
    await until(() => text('.message') !== null);
    expect(text('.message')).toContain('names no copy');
    expect(root.querySelector('article')).toBeNull();
  });

  it('says so when no copy is kept under the key', async () => {
    render(<SnapshotPage db={db} lang="zh" pageKey="example.com/never-kept" />, root);
    await until(() => text('.message')?.includes('没有找到') === true);
    expect(root.querySelector('article')).toBeNull();
  });

  it('shows a damaged record as damaged, and nothing of it', async () => {
    await db.snapshots.put({ ...(await snapshot()), url: 'javascript:alert(1)' });
    render(<SnapshotPage db={db} lang="en" pageKey={KEY} />, root);
    await until(() => text('.message')?.includes('damaged') === true);
    expect(root.querySelector('a')).toBeNull();
  });

  it('shows the copy: details, integrity, paragraphs as text, statement, and highlights', async () => {
    await db.snapshots.put(await snapshot());
    await db.annotations.put(on('据知情人士透露', '00000000-0000-4000-8000-000000000001'));
    render(<SnapshotPage db={db} lang="en" pageKey={KEY} />, root);
    await until(() => root.querySelector('[data-sourcemark="highlight"]') !== null);
    expect(text('h1')).toBe('美俄乌会谈无果而终');
    expect(text('.account')).toBe('史政先锋');
    expect(text('.platform')).toBe('NetEase Hao');
    expect(text('.published')).toBe('2026-01-25 03:07:00');
    expect(root.querySelector('.address a')!.getAttribute('href')).toBe('https://www.163.com/dy/article/KKG7R2LD0525KQ8M.html');
    expect(text('.sha256')).toBe(await hashParagraphs(PARAGRAPHS));
    expect(root.querySelector('.integrity')!.getAttribute('data-intact')).toBe('true');
    expect(Array.from(root.querySelectorAll('.kept-body p'), (p) => p.textContent)).toEqual(PARAGRAPHS);
    expect(root.querySelector('.kept-body b')).toBeNull();
    expect(text('.statement p')).toContain('网易号');
    expect(text('[data-sourcemark="highlight"]')).toBe('据知情人士透露');
    expect(root.querySelector('.orphans')).toBeNull();
  });

  it('says a copy whose text no longer has its hash is not intact', async () => {
    await db.snapshots.put({ ...(await snapshot()), paragraphs: ['改过的第一段。'] });
    render(<SnapshotPage db={db} lang="en" pageKey={KEY} />, root);
    await until(() => root.querySelector('.integrity') !== null);
    expect(root.querySelector('.integrity')!.getAttribute('data-intact')).toBe('false');
    expect(text('.integrity')).toContain('Not intact');
  });

  it('lists annotations with no place in the copy, and redraws when the annotations change', async () => {
    await db.snapshots.put(await snapshot());
    render(<SnapshotPage db={db} lang="zh" pageKey={KEY} />, root);
    await until(() => root.querySelector('article h1') !== null);
    await db.annotations.put(on('作者后来加上的一句话', '00000000-0000-4000-8000-000000000002'));
    await until(() => root.querySelectorAll('.orphan').length === 1);
    expect(text('.orphan .quote')).toBe('作者后来加上的一句话');
    expect(root.querySelector('[data-sourcemark="highlight"]')).toBeNull();
    await db.annotations.put(on('第一段交代背景', '00000000-0000-4000-8000-000000000003'));
    await until(() => root.querySelectorAll('[data-sourcemark="highlight"]').length === 1);
    expect(text('[data-sourcemark="highlight"]')).toBe('第一段交代背景');
    expect(root.querySelectorAll('.orphan')).toHaveLength(1);
  });
});
