import { beforeEach, describe, expect, it, vi } from 'vitest';
import { articleKitNow, provideArticleKit, withArticleKit, type ArticleKit } from '@/components/recognition/article-kit';

const kit: ArticleKit = {
  markPage: () => {
    throw new Error('not called');
  },
  findArticleBody: () => null,
  findArticleTop: () => null,
  findArticleClaims: () => {
    throw new Error('not called');
  },
  markFoundClaims: () => {
    throw new Error('not called');
  },
  readArticle: () => {
    throw new Error('not called');
  },
  hashParagraphs: async () => '',
  diffParagraphs: () => ({ changes: [], summary: { changed: 0, added: 0, removed: 0 } }),
  articleGone: () => ({ gone: false }),
  showsDeletionNotice: () => false,
  startSelfMediaUi: () => {
    throw new Error('not called');
  },
  showGoneNotice: () => {
    throw new Error('not called');
  },
};

describe('the article kit hand-over between the two content scripts', () => {
  beforeEach(() => {
    delete (globalThis as Record<string, unknown>).__sourcemarkArticleKit;
  });

  it('uses the kit at once when its script ran first', () => {
    provideArticleKit(kit);
    const use = vi.fn();
    withArticleKit(use);
    expect(use).toHaveBeenCalledExactlyOnceWith(kit);
    expect(articleKitNow()).toBe(kit);
  });

  it('waits for the kit when the content script ran first, then uses it once', () => {
    const use = vi.fn();
    withArticleKit(use);
    expect(use).not.toHaveBeenCalled();
    expect(articleKitNow()).toBeNull();
    provideArticleKit(kit);
    expect(use).toHaveBeenCalledExactlyOnceWith(kit);
    provideArticleKit(kit);
    expect(use).toHaveBeenCalledOnce();
  });
});
