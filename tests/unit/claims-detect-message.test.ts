import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectClaims } from '@/components/claims';
import { fitParagraphs } from '@/components/claims/fit-paragraphs';
import { MAX_CLAIM_BLOCKS, MAX_CLAIM_TEXT } from '@/storage/messaging/protocol';
import { contentScript, EXTENSION_ID, harness, noteFrame, popup, senderOf, type Harness } from './background-harness';

/**
 * `claims.detect`: the background runs the claim detector for a content script, so the page's main
 * thread does not. Only our content script in a tab's top frame may ask, and only within the limits.
 */

const ARTICLE = 'https://www.163.com/dy/article/KKG7R2LD0525KQ8M.html';
const PARAGRAPHS = ['第一段交代背景。据知情人士透露，谈判将在下周继续进行。', '第二段：业内普遍认为，这一政策将导致房价下跌三成。', '公司发言人张三表示，数据来自2025年年报。'];

describe('claims.detect', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });
  afterEach(() => h.close());

  it("answers a content script with its paragraphs' claims, offsets into the paragraphs joined by a line break", async () => {
    const { claims } = (await h.ok(contentScript(ARTICLE), { type: 'claims.detect', blocks: PARAGRAPHS })) as { claims: unknown[] };
    const joined = PARAGRAPHS.join('\n');
    const expected = detectClaims(joined);
    expect(expected.length).toBe(2);
    expect(claims).toEqual(
      expected.map((c) => ({ start: c.start, end: c.end, category: c.category, cue: { start: c.cue.start, end: c.cue.end }, reason: c.reason })),
    );
    expect(claims.map((c) => joined.slice((c as { start: number }).start, (c as { end: number }).end))).toEqual([
      '据知情人士透露，谈判将在下周继续进行。',
      '第二段：业内普遍认为，这一政策将导致房价下跌三成。',
    ]);
  });

  it('answers no claims for no text', async () => {
    expect(await h.ok(contentScript(ARTICLE), { type: 'claims.detect', blocks: [] })).toEqual({ claims: [] });
  });

  it.each([
    ['another extension', { id: 'someotherextensionidxxxxxxxxxxxx', url: ARTICLE, tab: { id: 1 }, frameId: 0 }, /^refused: not from this extension/],
    ['a sender in no tab', { id: EXTENSION_ID, url: ARTICLE, frameId: 0 }, /^refused: not a top-level page/],
    ['a sub-frame', { id: EXTENSION_ID, url: ARTICLE, tab: { id: 1 }, frameId: 5 }, /^refused: not a top-level page/],
    ['a file: page', { id: EXTENSION_ID, url: 'file:///home/me/a.html', tab: { id: 1 }, frameId: 0 }, /^refused: not a web page/],
  ])('is refused from %s', async (_, info, why) => {
    expect(await h.ask(senderOf(info), { type: 'claims.detect', blocks: PARAGRAPHS })).toEqual({ ok: false, error: expect.stringMatching(why) });
  });

  it('is refused from an extension page and from the note frame: only a page asks for its claims', async () => {
    for (const sender of [popup(), noteFrame()]) {
      expect(await h.ask(sender, { type: 'claims.detect', blocks: PARAGRAPHS })).toEqual({
        ok: false,
        error: 'refused: claims.detect is not for this sender',
      });
    }
  });

  it('refuses more paragraphs than the limit, saying so', async () => {
    const blocks = Array.from({ length: MAX_CLAIM_BLOCKS + 1 }, () => '据悉。');
    expect(await h.ask(contentScript(ARTICLE), { type: 'claims.detect', blocks })).toEqual({
      ok: false,
      error: `invalid message: blocks: more than ${MAX_CLAIM_BLOCKS} paragraphs`,
    });
  });

  it('refuses more text than the limit, counting the line breaks, and takes text at the limit', async () => {
    const half = 'a'.repeat(MAX_CLAIM_TEXT / 2);
    expect(await h.ask(contentScript(ARTICLE), { type: 'claims.detect', blocks: [half, half] })).toEqual({
      ok: false,
      error: `invalid message: blocks: more than ${MAX_CLAIM_TEXT} characters of text`,
    });
    expect(await h.ok(contentScript(ARTICLE), { type: 'claims.detect', blocks: [half, half.slice(1)] })).toEqual({ claims: [] });
  });

  it('refuses anything but a list of strings', async () => {
    for (const blocks of ['据悉，公司将裁员。', [1, 2], null]) {
      const r = await h.ask(contentScript(ARTICLE), { type: 'claims.detect', blocks });
      expect(r).toEqual({ ok: false, error: expect.stringMatching(/^invalid message: blocks/) });
    }
  });
});

describe('fitParagraphs', () => {
  it('sends every paragraph of an article within the limits', () => {
    expect(fitParagraphs('ab\ncd\nef', 10, 100)).toEqual(['ab', 'cd', 'ef']);
  });

  it.each([
    ['stops at the paragraph limit', 'ab\ncd\nef', 2, 100, ['ab', 'cd']],
    ['stops where the characters run out, counting the line breaks', 'ab\ncd\nef', 10, 5, ['ab', 'cd']],
    ['cuts the paragraph the allowance ends in, so offsets stay those of the text', 'ab\ncdef', 10, 5, ['ab', 'cd']],
    ['cuts a first paragraph longer than the allowance', 'abcdef', 10, 4, ['abcd']],
    ['sends nothing for no text', '', 10, 100, []],
  ] as const)('%s', (_, text, blocks, chars, expected) => {
    const out = fitParagraphs(text, blocks, chars);
    expect(out).toEqual(expected);
    expect(text.startsWith(out.join('\n'))).toBe(true);
  });
});
