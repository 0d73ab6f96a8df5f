import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, ICON_STAMP, pngPath, pngSize, svgSha256, type IconStamp } from '../support/icons';

describe('the committed icon PNGs', () => {
  it.each(ICON_SIZES)('%i.png is a PNG of exactly that many pixels square', (size) => {
    expect(pngSize(fs.readFileSync(pngPath(size)))).toEqual({ width: size, height: size });
  });

  it('were rendered from the icon.svg there now (else run `npm run icons`)', () => {
    const stamp = JSON.parse(fs.readFileSync(ICON_STAMP, 'utf8')) as IconStamp;
    expect(stamp).toEqual({ svgSha256: svgSha256(), sizes: [...ICON_SIZES] });
  });
});

describe('pngSize', () => {
  it('answers null for bytes that are not a PNG', () => {
    expect(pngSize(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(pngSize(Buffer.alloc(0))).toBeNull();
  });
});
