/**
 * `npm run demo`: shows the built extension working on the bundled seed pages. With a display
 * it opens Chromium on the desktop seed page and waits until you close the window; without one
 * it saves screenshots of every seed page to .output/demo/ and prints where they are.
 * `--readme` also refreshes the screenshots the README shows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { launch, ROOT, seedPages, serveSeeds } from './harness';

const headed = !!process.env.DISPLAY && !process.argv.includes('--headless');
const outDir = path.join(ROOT, '.output/demo');
const readmeDir = path.join(ROOT, 'tests/e2e/screenshots');

const h = await launch({ headless: !headed, locale: process.env.DEMO_LOCALE ?? 'zh-CN' });
serveSeeds(h);

if (headed) {
  const first = seedPages()[0]!;
  await h.open(first.url);
  console.log(`Chromium is open on ${first.url} with Sourcemark loaded; close the window to finish.`);
  await new Promise<void>((resolve) => h.context.on('close', () => resolve()));
} else {
  fs.mkdirSync(outDir, { recursive: true });
  for (const seed of seedPages()) {
    const page = await h.open(seed.url);
    if (seed.layout === 'mobile') await page.setViewportSize({ width: 420, height: 900 });
    // Let the content script (document_idle) finish before the picture.
    await page.waitForTimeout(600);
    const state = await page.evaluate(() => ({
      kind: document.documentElement.dataset.sourcemarkPage ?? '-',
      disclaimers: document.querySelectorAll('[data-sourcemark="disclaimer"]').length,
      claims: document.querySelectorAll('[data-sourcemark="claim"]').length,
      banner: document.querySelectorAll('[data-sourcemark-ui="banner"]').length,
    }));
    const file = path.join(outDir, seed.file.replace(/\.html$/, '.png'));
    await page.screenshot({ path: file });
    const shots = [file];
    const statement = page.locator('[data-sourcemark="disclaimer"]').first();
    if (state.disclaimers > 0) {
      const close = path.join(outDir, seed.file.replace(/\.html$/, '-statement.png'));
      await statement.scrollIntoViewIfNeeded();
      await page.screenshot({ path: close });
      shots.push(close);
    }
    if (process.argv.includes('--readme') && ['netease-hao-desktop.html', 'netease-hao-mobile.html', 'sohu-hao-desktop.html', 'wechat-mp.html'].includes(seed.file)) {
      fs.mkdirSync(readmeDir, { recursive: true });
      for (const shot of shots) fs.copyFileSync(shot, path.join(readmeDir, path.basename(shot)));
    }
    console.log(
      `${seed.url}\n  page=${state.kind} banner=${state.banner} disclaimers=${state.disclaimers} claims=${state.claims}\n  → ${shots.map((f) => path.relative(ROOT, f)).join(', ')}`,
    );
    await page.close();
  }
  if (h.strayRequests.length) console.log(`unexpected requests: ${h.strayRequests.join(', ')}`);
  await h.close();
}
