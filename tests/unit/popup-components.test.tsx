import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import AllAnnotations from '@/components/ui/popup/AllAnnotations';
import { listedOf } from '@/storage/db/digest';
import AnnotationItem from '@/components/ui/popup/AnnotationItem';
import { EnvContext, type AnnotationActions, type PopupEnv } from '@/components/ui/popup/env';
import { NO_SEARCH, type SearchState } from '@/components/ui/popup/search-state';
import { popupStrings, resolveLang } from '@/components/vocabulary/strings';
import type { Annotation } from '@/storage/model/annotation';
import { SourcemarkDB } from '@/storage/db/db';
import { sampleAnnotation } from '../support/sample-annotation';

const NOTE = '<img src=x onerror="window.__pwned=1">谁说的';

async function until(done: () => boolean): Promise<void> {
  await vi.waitFor(() => {
    if (!done()) throw new Error('not yet');
  }, { timeout: 5000, interval: 10 });
}

describe('popup components', () => {
  let db: SourcemarkDB;
  let root: HTMLElement;
  let actions: { [K in keyof AnnotationActions]: ReturnType<typeof vi.fn> };
  let env: PopupEnv;
  beforeEach(() => {
    db = new SourcemarkDB(`popup-ui-${Math.random()}`);
    root = document.createElement('div');
    document.body.append(root);
    actions = { saveNote: vi.fn(async () => {}), remove: vi.fn(async () => {}), go: vi.fn(async () => {}) };
    env = { db, lang: 'zh', t: popupStrings.zh, actions: actions as unknown as AnnotationActions };
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  function mountAll(initial: SearchState = NO_SEARCH) {
    let state = initial;
    const draw = () =>
      render(
        <EnvContext.Provider value={env}>
          <AllAnnotations
            search={state}
            onSearch={(s) => {
              state = s;
              draw();
            }}
            onOpenSettings={() => {}}
          />
        </EnvContext.Provider>,
        root,
      );
    draw();
  }

  /** One annotation item in a list; `button(name)` finds its buttons by their text. */
  function mountItem(a: Annotation) {
    render(
      <EnvContext.Provider value={env}>
        <ul>
          <AnnotationItem annotation={listedOf(a)} />
        </ul>
      </EnvContext.Provider>,
      root,
    );
    return (name: string) =>
      [...root.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;
  }

  /** Opens the item's note editor, types `note` and saves. */
  async function editNote(button: (name: string) => HTMLButtonElement, note: string) {
    button('编辑笔记').click();
    await until(() => root.querySelector('textarea') !== null);
    const box = root.querySelector('textarea')!;
    box.value = note;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    button('保存').click();
  }

  it('tells a new reader what to do when there is nothing yet', async () => {
    mountAll();
    await until(() => root.querySelector('.empty') !== null);
    expect(root.querySelector('.empty h2')!.textContent).toBe('还没有批注');
    expect(root.querySelectorAll('.empty li')).toHaveLength(3);
  });

  it('lists pages, opens one, and renders its note as text', async () => {
    await db.annotations.put(sampleAnnotation({ note: NOTE }));
    mountAll();
    await until(() => root.querySelectorAll('section.group').length === 1);
    const toggle = root.querySelector<HTMLButtonElement>('.group-toggle')!;
    expect(toggle.textContent).toContain('美俄乌会谈无果而终');
    expect(toggle.textContent).toContain('1 条');
    toggle.click();
    await until(() => root.querySelector('li.item .note') !== null);
    expect(root.querySelector('li.item .note')!.textContent).toBe(NOTE);
    expect(root.querySelector('li.item img')).toBeNull();
  });

  it('searches as the reader types and shows the count', async () => {
    await db.annotations.bulkPut([
      sampleAnnotation(),
      sampleAnnotation({ id: '0b6f3c2e-8f1a-4c47-9a5e-000000000002', selectors: [{ type: 'TextQuoteSelector', exact: '别的句子' }] }),
    ]);
    mountAll();
    await until(() => root.querySelectorAll('section.group').length === 1);
    const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    input.value = '阿拉斯加密';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => root.querySelector('.results [role="status"]')?.textContent === '找到 1 条');
    expect(root.querySelectorAll('.results li.item')).toHaveLength(1);
  });

  it('keeps open search results current when an annotation is saved or deleted meanwhile', async () => {
    await db.annotations.put(sampleAnnotation());
    mountAll();
    await until(() => root.querySelectorAll('section.group').length === 1);
    const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    input.value = '阿拉斯加密';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const status = () => root.querySelector('.results [role="status"]')?.textContent;
    const live = { timeout: 5000, interval: 10 };
    await expect.poll(status, live).toBe('找到 1 条');
    const second = '0b6f3c2e-8f1a-4c47-9a5e-000000000003';
    await db.annotations.put(sampleAnnotation({ id: second, note: '又一处阿拉斯加密约' }));
    await expect.poll(status, live).toBe('找到 2 条');
    await db.annotations.delete(second);
    await expect.poll(status, live).toBe('找到 1 条');
  });

  it('edits a note in place and deletes through the actions', async () => {
    const a: Annotation = sampleAnnotation();
    const button = mountItem(a);
    await editNote(button, '新的笔记');
    await until(() => actions.saveNote.mock.calls.length === 1);
    expect(actions.saveNote).toHaveBeenCalledWith(listedOf(a), '新的笔记');
    await until(() => root.querySelector('textarea') === null);
    button('删除').click();
    await until(() => actions.remove.mock.calls.length === 1);
  });

  it('says the disk is full, not Dexie\'s words, when a note edit hits the quota, and keeps the draft', async () => {
    const quota = Object.assign(new Error('Dexie.ModifyError: 1 of 1 operations failed'), {
      name: 'ModifyError',
      failures: [Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' })],
    });
    actions.saveNote.mockRejectedValueOnce(quota);
    await editNote(mountItem(sampleAnnotation()), '写到一半的笔记');
    await until(() => root.textContent!.includes('storage full'));
    expect(root.textContent).not.toContain('ModifyError');
    expect(root.querySelector('textarea')!.value).toBe('写到一半的笔记');
  });

  it('picks the language: the setting wins over the browser', () => {
    expect(resolveLang('auto', 'zh-TW')).toBe('zh');
    expect(resolveLang('auto', 'fr')).toBe('en');
    expect(resolveLang('en', 'zh-CN')).toBe('en');
    expect(resolveLang('zh', 'en-US')).toBe('zh');
  });
});
