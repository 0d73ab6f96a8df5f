import { describe, expect, it, vi } from 'vitest';
import { diffParagraphs } from '@/components/factcheck/diff';
import { articleChangesDom } from '@/components/ui/page/article-changes-dom';
import { goneNoticeDom } from '@/components/ui/page/gone-notice-dom';

const TAKEN = '2026-01-25T03:00:00.000Z';

describe('articleChangesDom', () => {
  const diff = diffParagraphs(['第一段。', '原来的第二段说了三件事。', '被删掉的一段。'], ['第一段。', '现在的第二段说了三件事。', '新加的一段。']);
  const root = articleChangesDom(document, { lang: 'en', taken: TAKEN, diff });

  it('counts the changes on the element and in its title line', () => {
    expect(root.dataset).toMatchObject({ changed: String(diff.summary.changed), added: String(diff.summary.added), removed: String(diff.summary.removed) });
    expect(root.querySelector('.changes-title strong')?.textContent).toMatch(/^This article changed since you kept a copy on /);
  });

  it('lists each change, its places in both versions, the changed words marked as text', () => {
    const items = Array.from(root.querySelectorAll('ol.change-list > li'));
    expect(items.map((li) => (li as HTMLElement).dataset.change)).toEqual(diff.changes.map((c) => c.kind));
    const changed = items.find((li) => (li as HTMLElement).dataset.change === 'changed')!;
    expect(changed.querySelector('.which')?.textContent).toBe('Paragraph 2');
    expect(changed.querySelector('.then')?.textContent).toBe('Then: 原来的第二段说了三件事。');
    expect(changed.querySelector('.then del')?.textContent).toBe('原来');
    expect(changed.querySelector('.now ins')?.textContent).toBe('现在');
    expect(root.querySelector('details > summary')?.textContent).toBe('Show the changes');
  });

  it('never parses the paragraphs as markup', () => {
    const html = articleChangesDom(document, { lang: 'zh', taken: TAKEN, diff: diffParagraphs([], ['<img src=x onerror=alert(1)>']) });
    expect(html.querySelector('img')).toBeNull();
    expect(html.querySelector('ins')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('goneNoticeDom', () => {
  it('says why the article is gone and opens the copy from its button', () => {
    const onOpen = vi.fn();
    const root = goneNoticeDom(document, { lang: 'zh', why: 'deleted-page', taken: TAKEN, onOpen });
    expect(root.dataset.gone).toBe('deleted-page');
    expect(root.querySelector('.title')?.textContent).toBe('这篇文章已经不在了');
    expect(root.querySelector('.body')?.textContent).toMatch(/^平台显示文章已被删除。 你在 .* 保存了它的副本/);
    root.querySelector<HTMLButtonElement>('button.open-copy')!.click();
    expect(onOpen).toHaveBeenCalledOnce();
  });
});
