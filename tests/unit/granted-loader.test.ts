import { describe, expect, it } from 'vitest';
import { idleOutline, idleStatus } from '@/storage/messaging/idle-page';
import { isSelectionGesture, type GestureEvent } from '@/components/page-script/selection-gesture';

describe('isSelectionGesture', () => {
  it.each<[GestureEvent, boolean]>([
    [{ type: 'mouseup', isTrusted: true }, true],
    [{ type: 'keyup', isTrusted: true, shiftKey: true, key: 'ArrowRight' }, true],
    [{ type: 'keyup', isTrusted: true, shiftKey: false, key: 'Shift' }, true],
    [{ type: 'keyup', isTrusted: true, shiftKey: false, key: 'ArrowRight' }, false],
    [{ type: 'mousedown', isTrusted: true }, false],
    [{ type: 'click', isTrusted: true }, false],
    // What a page script makes up never counts.
    [{ type: 'mouseup', isTrusted: false }, false],
    [{ type: 'keyup', isTrusted: false, shiftKey: true, key: 'Shift' }, false],
  ])('%j → %s', (e, expected) => {
    expect(isSelectionGesture(e)).toBe(expected);
  });
});

describe('what the popup and side panel say for a loader-only page (idle-page.ts)', () => {
  const url = 'https://www.chinanews.com.cn/gn/2026/02-01/10000001.shtml?utm_source=x#top';
  const key = 'chinanews.com.cn/gn/2026/02-01/10000001.shtml';

  it("say Sourcemark runs here with nothing found, settled, under the page key of the tab's address", () => {
    expect(idleStatus(url, key)).toEqual({
      url,
      pageKey: key,
      kind: 'unknown',
      platform: null,
      page: null,
      account: null,
      claims: { vague: 0, certainty: 0, statistic: 0 },
      highlights: 0,
      orphans: [],
      ready: true,
      revision: 0,
    });
  });

  it('give the side panel an outline with no claims and no orphans', () => {
    expect(idleOutline(url, key, 'x'.repeat(3000))).toMatchObject({ pageKey: key, title: 'x'.repeat(2000), claims: [], orphans: [], ready: true });
  });
});
