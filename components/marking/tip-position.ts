/**
 * Where a floating tip goes next to one line of a mark, in viewport coordinates (for
 * `position: fixed`). Pure: the caller measures the line, the tip and the viewport, so this runs
 * and is tested without a browser.
 *
 * A mark that wraps has one client rect per line; the tip belongs by the line the reader is
 * looking at (under the pointer, or the first line for keyboard focus), not by the mark's
 * bounding box, whose left edge is the paragraph's and whose bottom is the last line's.
 */

/** A rectangle in viewport coordinates, as `getClientRects()` gives them. */
export interface LineRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

export type Placement = 'below' | 'above';

export interface TipPosition {
  left: number;
  top: number;
  placement: Placement;
  /**
   * Set only when the tip is taller than the room on its side: the caller caps the tip's height
   * at this and lets it scroll, so it still touches the line and stays inside the viewport.
   */
  maxHeight?: number;
}

/** Space between the line and the tip: close enough to read as one thing, clear of underlines. */
export const TIP_GAP = 4;
/** The tip keeps this far from every edge of the viewport. */
export const VIEWPORT_MARGIN = 8;

/**
 * Below the line when the tip fits there, above it when it fits there instead; when it fits on
 * neither side, on the roomier side with its height capped (`maxHeight`). Horizontally it starts
 * at the line's left edge and is pushed back inside the viewport's margins.
 */
export function placeTip(line: LineRect, tip: Size, viewport: Size): TipPosition {
  // Each side's room runs from the line (plus the gap) to the viewport's margin. A line scrolled
  // partly out of view would put the tip's near edge past the margin: the margin wins there.
  const belowTop = Math.max(VIEWPORT_MARGIN, line.bottom + TIP_GAP);
  const aboveBottom = Math.min(viewport.height - VIEWPORT_MARGIN, line.top - TIP_GAP);
  const below = viewport.height - VIEWPORT_MARGIN - belowTop;
  const above = aboveBottom - VIEWPORT_MARGIN;
  const left = clamp(line.left, VIEWPORT_MARGIN, viewport.width - VIEWPORT_MARGIN - tip.width);
  if (tip.height <= below) return { left, top: belowTop, placement: 'below' };
  if (tip.height <= above) return { left, top: aboveBottom - tip.height, placement: 'above' };
  // Fits whole on neither side: the roomier one, with the height capped to its room.
  if (below >= above) return { left, top: belowTop, placement: 'below', maxHeight: Math.max(0, below) };
  return { left, top: VIEWPORT_MARGIN, placement: 'above', maxHeight: Math.max(0, above) };
}

/** `min` wins over `max` when they cross (a tip wider than the viewport starts at the margin). */
function clamp(v: number, min: number, max: number): number {
  return Math.max(min, Math.min(v, max));
}

/**
 * The line of a mark a point is on: the rect that contains it, else the nearest one (the pointer
 * can sit in the gap between two lines, or on a border pixel rounding leaves out). Rects with no
 * area (empty fragments at a wrap) are skipped. Returns the index into `rects`, or -1 when none
 * has an area.
 */
export function lineAt(rects: readonly LineRect[], x: number, y: number): number {
  let best = -1;
  let bestDistance = Infinity;
  rects.forEach((r, i) => {
    if (!hasArea(r)) return;
    const dx = Math.max(r.left - x, 0, x - r.right);
    const dy = Math.max(r.top - y, 0, y - r.bottom);
    const d = dx * dx + dy * dy;
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  });
  return best;
}

/** The first line with an area: where a tip opened by keyboard focus goes. -1 when none has one. */
export function firstLine(rects: readonly LineRect[]): number {
  return rects.findIndex(hasArea);
}

function hasArea(r: LineRect): boolean {
  return r.right > r.left && r.bottom > r.top;
}

/** Whether any part of the line is inside the viewport (a tip by a line out of view is hidden). */
export function lineVisible(line: LineRect, viewport: Size): boolean {
  return line.bottom > 0 && line.top < viewport.height && line.right > 0 && line.left < viewport.width;
}
