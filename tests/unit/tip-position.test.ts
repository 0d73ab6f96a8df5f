import { describe, expect, it } from 'vitest';
import { firstLine, lineAt, lineVisible, placeTip, TIP_GAP, VIEWPORT_MARGIN, type LineRect } from '@/components/marking/tip-position';

const VIEWPORT = { width: 1280, height: 900 };
const TIP = { width: 308, height: 180 };
/** A 22 px line of text from x to x + width, its top at y. */
const line = (x: number, y: number, width = 200): LineRect => ({ left: x, top: y, right: x + width, bottom: y + 22 });

describe('placeTip', () => {
  it('puts the tip just below the line, starting at its left edge, when it fits below', () => {
    expect(placeTip(line(400, 300), TIP, VIEWPORT)).toEqual({ left: 400, top: 322 + TIP_GAP, placement: 'below' });
  });

  it('leaves a gap of at most 6 px between the line and the tip', () => {
    expect(TIP_GAP).toBeGreaterThan(0);
    expect(TIP_GAP).toBeLessThanOrEqual(6);
  });

  it('takes the room below exactly when the tip fits to the margin', () => {
    const y = 900 - VIEWPORT_MARGIN - TIP.height - TIP_GAP - 22;
    expect(placeTip(line(400, y), TIP, VIEWPORT).placement).toBe('below');
    expect(placeTip(line(400, y + 1), TIP, VIEWPORT).placement).toBe('above');
  });

  it('flips above the line when there is no room below', () => {
    expect(placeTip(line(400, 800), TIP, VIEWPORT)).toEqual({
      left: 400,
      top: 800 - TIP_GAP - TIP.height,
      placement: 'above',
    });
  });

  it('pushes a tip by a line at the right edge back inside the right margin', () => {
    const p = placeTip(line(1150, 300, 100), TIP, VIEWPORT);
    expect(p.left).toBe(1280 - VIEWPORT_MARGIN - TIP.width);
  });

  it('keeps the left margin for a line that starts at the viewport edge', () => {
    expect(placeTip(line(0, 300), TIP, VIEWPORT).left).toBe(VIEWPORT_MARGIN);
  });

  it('starts a tip wider than the viewport at the left margin', () => {
    expect(placeTip(line(100, 300), { width: 400, height: 100 }, { width: 360, height: 640 }).left).toBe(VIEWPORT_MARGIN);
  });

  it('caps a tip taller than both sides on the roomier side (below), touching the line', () => {
    const p = placeTip(line(400, 300), { width: 308, height: 700 }, VIEWPORT);
    expect(p).toEqual({ left: 400, top: 322 + TIP_GAP, placement: 'below', maxHeight: 900 - VIEWPORT_MARGIN - (322 + TIP_GAP) });
  });

  it('caps a tip taller than both sides on the roomier side (above), touching the line', () => {
    const p = placeTip(line(400, 600), { width: 308, height: 700 }, VIEWPORT);
    expect(p).toEqual({ left: 400, top: VIEWPORT_MARGIN, placement: 'above', maxHeight: 600 - TIP_GAP - VIEWPORT_MARGIN });
    expect(p.top + p.maxHeight!).toBe(600 - TIP_GAP);
  });

  it('keeps the tip inside the viewport for a line scrolled half out at the top', () => {
    const p = placeTip({ left: 400, top: -15, right: 600, bottom: 2 }, TIP, VIEWPORT);
    expect(p).toEqual({ left: 400, top: VIEWPORT_MARGIN, placement: 'below' });
  });

  it('keeps the tip inside the viewport for a line scrolled half out at the bottom', () => {
    const p = placeTip({ left: 400, top: 890, right: 600, bottom: 912 }, TIP, VIEWPORT);
    expect(p.placement).toBe('above');
    expect(p.top + TIP.height).toBe(890 - TIP_GAP);
  });

  it('never gives a negative height when neither side has any room', () => {
    const p = placeTip({ left: 0, top: -10, right: 100, bottom: 700 }, TIP, { width: 320, height: 600 });
    expect(p.maxHeight).toBe(0);
  });

  it.each([
    ['at the start of a line', line(120, 200)],
    ['in the middle of a line', line(500, 200)],
    ['at the end of a line', line(1100, 200, 170)],
    ['near the bottom', line(640, 860)],
  ])('keeps the whole tip inside the viewport margins for a line %s', (_, l) => {
    const p = placeTip(l, TIP, VIEWPORT);
    expect(p.left).toBeGreaterThanOrEqual(VIEWPORT_MARGIN);
    expect(p.left + TIP.width).toBeLessThanOrEqual(VIEWPORT.width - VIEWPORT_MARGIN);
    expect(p.top).toBeGreaterThanOrEqual(VIEWPORT_MARGIN);
    expect(p.top + TIP.height).toBeLessThanOrEqual(VIEWPORT.height - VIEWPORT_MARGIN);
  });
});

describe('lineAt', () => {
  // A sentence wrapped over three lines: from mid-line to the end, a full line, then the start.
  const wrapped = [line(600, 100, 400), line(200, 130, 800), line(200, 160, 250)];

  it('picks the line that contains the point', () => {
    expect(lineAt(wrapped, 700, 110)).toBe(0);
    expect(lineAt(wrapped, 300, 140)).toBe(1);
    expect(lineAt(wrapped, 300, 170)).toBe(2);
  });

  it('picks the nearest line for a point in the gap between two lines', () => {
    expect(lineAt(wrapped, 700, 127)).toBe(1);
    expect(lineAt(wrapped, 700, 124)).toBe(0);
    // Left of the first line's fragment, in its row: the full line below is nearer.
    expect(lineAt(wrapped, 300, 123)).toBe(1);
  });

  it('skips empty fragments a wrap can leave', () => {
    expect(lineAt([{ left: 1000, top: 100, right: 1000, bottom: 122 }, line(200, 130)], 1000, 110)).toBe(1);
  });

  it('says -1 when there is no line with an area', () => {
    expect(lineAt([], 0, 0)).toBe(-1);
    expect(lineAt([{ left: 0, top: 0, right: 0, bottom: 0 }], 0, 0)).toBe(-1);
  });
});

describe('firstLine', () => {
  it('picks the first line with an area, for a tip opened by keyboard focus', () => {
    expect(firstLine([{ left: 1000, top: 100, right: 1000, bottom: 122 }, line(200, 130), line(200, 160)])).toBe(1);
    expect(firstLine([])).toBe(-1);
  });
});

describe('lineVisible', () => {
  it.each([
    [line(100, 100), true],
    [line(100, -10), true],
    [line(100, -22), false],
    [line(100, 900), false],
    [line(-300, 100), false],
  ])('says whether %o shows in a 1280×900 viewport', (l, visible) => {
    expect(lineVisible(l, VIEWPORT)).toBe(visible);
  });
});
