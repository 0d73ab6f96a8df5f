import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atSelfMediaUrl } from '@/components/recognition/self-media-url';
import { ARTICLE_START } from '@/storage/messaging/protocol-constants';
import { DEFAULT_SETTINGS } from '@/storage/model/settings-defaults';
import { sampleAnnotation } from '../support/sample-annotation';
import { contentScript, harness, noteFrame, popup, type Harness } from './background-harness';

const ARTICLE = 'https://www.163.com/dy/article/KKG7R2LD0525KQ8M.html';
const OTHER_ARTICLE = 'https://www.163.com/dy/article/KKG7R2LD0525KQ99.html';

describe('the article script’s start request', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });
  afterEach(() => h.close());

  it('answers the settings, no saved annotations and no snapshot for a fresh page, and loads nothing', async () => {
    expect(await h.ok(contentScript(ARTICLE, 4), { type: ARTICLE_START })).toEqual({
      settings: DEFAULT_SETTINGS,
      saved: false,
      snapshot: null,
    });
    expect(h.loaded).toEqual([]);
  });

  it("has the annotator loaded into the sender's page when that page has saved annotations", async () => {
    await h.db.annotations.put(sampleAnnotation());
    expect(await h.ok(contentScript(ARTICLE, 4), { type: ARTICLE_START })).toMatchObject({ saved: true });
    expect(h.loaded).toEqual([contentScript(ARTICLE, 4)]);
  });

  it("speaks of the sender's own page only: another page's annotations load nothing, and the message names no page", async () => {
    await h.db.annotations.put(sampleAnnotation());
    expect(await h.ok(contentScript(OTHER_ARTICLE, 4), { type: ARTICLE_START })).toMatchObject({ saved: false });
    const named = await h.ask(contentScript(OTHER_ARTICLE, 4), { type: ARTICLE_START, url: ARTICLE });
    expect(named.ok).toBe(false);
    expect(h.loaded).toEqual([]);
  });

  it('is for pages only: extension pages and note frames are refused', async () => {
    await h.db.annotations.put(sampleAnnotation());
    for (const sender of [popup(), noteFrame()]) expect((await h.ask(sender, { type: ARTICLE_START })).ok).toBe(false);
    expect(h.loaded).toEqual([]);
  });
});

describe('atSelfMediaUrl', () => {
  it.each([
    [ARTICLE, true],
    ['https://www.sohu.com/a/123456789_121124', true],
    ['http://www.163.com/dy/article/KKG7R2LD0525KQ8M.html', false],
    ['https://www.163.com/news/article/KKG7R2LD0525KQ8M.html', false],
    ['https://www.chinanews.com.cn/gn/2026/02-01/10000001.shtml', false],
    ['not a url', false],
  ])('%s → %s (where the manifest runs the article script)', (url, expected) => {
    expect(atSelfMediaUrl(url)).toBe(expected);
  });
});
