import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseImportFile } from '@/storage/formats/import';
import { sampleAnnotation } from '../support/sample-annotation';
import type { Harness } from './harness';
import { useHarness } from './use-harness';

interface DownloadItem {
  filename: string;
  state: string;
}

/** An extension page's `chrome`; typed here since the tests do not load Chrome's types. */
type Runtime = { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };

function downloads(h: Harness): Promise<DownloadItem[]> {
  return h.worker.evaluate(() => {
    // The service worker's `chrome`; typed here since the tests do not load Chrome's types.
    const api = (globalThis as unknown as { chrome: { downloads: { search(q: object): Promise<DownloadItem[]> } } }).chrome;
    return api.downloads.search({}).then((list) => list.map((d) => ({ filename: d.filename, state: d.state })));
  });
}

describe('the weekly copy in Downloads, for readers without sync', () => {
  const h = useHarness({ locale: 'zh-CN' });
  const stored = [
    sampleAnnotation(),
    sampleAnnotation({ id: '00000000-0000-4000-8000-000000000002', note: '第二条 <script>x</script>', tags: ['待查'] }),
  ];
  beforeAll(async () => {
    const options = await h.open(`chrome-extension://${h.extensionId}/options.html`);
    // Through the background, as an import does.
    const answer = await options.evaluate(
      (annotations) => (globalThis as unknown as Runtime).chrome.runtime.sendMessage({ type: 'import.write', annotations, mode: 'skip' }),
      stored,
    );
    expect(answer).toMatchObject({ ok: true, data: { added: 2 } });
    await options.close();
  });

  it('saves an importable JSON-LD copy of every annotation as soon as the reader turns it on', async () => {
    expect(await downloads(h)).toEqual([]);
    const options = await h.open(`chrome-extension://${h.extensionId}/options.html`);
    const box = options.getByRole('checkbox', { name: /每周在“下载”文件夹保存一份副本/ });
    await box.check();
    await expect.poll(() => downloads(h).then((d) => d.filter((x) => x.state === 'complete').length), { timeout: 15_000 }).toBe(1);
    const [item] = await downloads(h);
    const parsed = parseImportFile(fs.readFileSync(item!.filename, 'utf8'));
    expect(parsed.ok && parsed.annotations.map((a) => a.id).sort()).toEqual(stored.map((a) => a.id).sort());
    expect(parsed.ok && parsed.annotations.find((a) => a.id === stored[1]!.id)?.note).toBe(stored[1]!.note);
    // Turning it off and on again within the week saves no second copy.
    await box.uncheck();
    await box.check();
    await expect.poll(() => options.evaluate(() => (globalThis as unknown as Runtime).chrome.runtime.sendMessage({ type: 'settings.get' }))).toMatchObject({ data: { settings: { weeklyBackup: true } } });
    expect(await downloads(h)).toHaveLength(1);
  });
});
