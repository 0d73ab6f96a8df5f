import { describe, expect, it } from 'vitest';
import { useHarness } from './use-harness';

// The privacy checks elsewhere assert that `strayRequests` stays empty; these prove that the
// harness would notice a request if one were made, from a page or from the extension itself.
describe('the e2e harness', () => {
  const h = useHarness();

  it('records a request a page makes to a host it does not serve', async () => {
    h.serve('https://seed.invalid/a.html', '<img src="https://tracker.invalid/pixel.gif">');
    const page = await h.open('https://seed.invalid/a.html');
    await expect.poll(() => h.strayRequests).toContain('https://tracker.invalid/pixel.gif');
    await page.close();
  });

  it("records a request made by the extension's service worker", async () => {
    await h.worker.evaluate(() => fetch('https://leak.invalid/beacon').catch(() => undefined));
    await expect.poll(() => h.strayRequests).toContain('https://leak.invalid/beacon');
  });
});
