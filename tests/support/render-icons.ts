/**
 * Renders public/icon/icon.svg to public/icon/<size>.png with Debian's Chromium (no image library,
 * no new dependency), and records the SVG's hash in public/icon/rendered-from.json so a unit test
 * can tell when the PNGs are older than the SVG. Run it after editing the SVG: `npm run icons`.
 *
 * Each size is its own page of exactly that many CSS pixels at device scale 1, the SVG drawn as an
 * <img> filling it, screenshot with the background left transparent (the tile's rounded corners).
 */
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { chromePath } from '../e2e/harness';
import { ICON_SIZES, ICON_STAMP, ICON_SVG, pngPath, svgSha256, type IconStamp } from './icons';

async function main(): Promise<void> {
  const svg = fs.readFileSync(ICON_SVG);
  const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
  const browser = await chromium.launch({ executablePath: chromePath(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const size of ICON_SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent">` +
          `<img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      fs.writeFileSync(pngPath(size), png);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const stamp: IconStamp = { svgSha256: svgSha256(), sizes: [...ICON_SIZES] };
  fs.writeFileSync(ICON_STAMP, `${JSON.stringify(stamp, null, 2)}\n`);
  console.log(`rendered ${ICON_SIZES.join(', ')} px from ${ICON_SVG}`);
}

void main();
