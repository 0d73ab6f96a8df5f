import { describe, expect, it } from 'vitest';
import { useHarness } from './use-harness';

/**
 * Two tabs saving at once, through the same message path the content script uses
 * (runtime.sendMessage → background → Dexie). Driving 200 highlights through the toolbar would
 * test the mouse, not the storage.
 */
/** The one extension API these pages call; page.evaluate bodies run in the extension page. */
type Runtime = { runtime: { sendMessage(message: object): Promise<unknown> } };

describe('two tabs saving 100 highlights each at the same time', () => {
  const h = useHarness();

  it('stores all 200 records, none lost or doubled', async () => {
    const tabs = await Promise.all(
      [0, 1].map(async () => {
        const p = await h.context.newPage();
        await p.goto(`chrome-extension://${h.extensionId}/popup.html`);
        return p;
      }),
    );
    const results = await Promise.all(
      tabs.map((p, t) =>
        p.evaluate(async (tab) => {
          const { runtime } = (globalThis as unknown as { chrome: Runtime }).chrome;
          const save = (i: number) => {
            const now = new Date().toISOString();
            const hex = (tab * 1000 + i).toString(16).padStart(12, '0');
            return runtime.sendMessage({
              type: 'annotation.save',
              annotation: {
                id: `00000000-0000-4000-8000-${hex}`,
                pageKey: `concurrency.test/page-${tab}`,
                url: `https://concurrency.test/page-${tab}`,
                title: `页面 ${tab}`,
                site: 'concurrency.test',
                selectors: [{ type: 'TextQuoteSelector', exact: `第 ${i} 句` }],
                color: 'yellow',
                note: `笔记 ${tab}-${i}`,
                tags: [],
                created: now,
                updated: now,
              },
            }) as Promise<{ ok: boolean }>;
          };
          const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => save(i)));
          return answers.filter((a) => a?.ok).length;
        }, t),
      ),
    );
    expect(results).toEqual([100, 100]);
    const counts = await tabs[0]!.evaluate(async () => {
      const { runtime } = (globalThis as unknown as { chrome: Runtime }).chrome;
      const list = async (pageKey: string) =>
        ((await runtime.sendMessage({ type: 'annotation.listForPage', pageKey })) as {
          data: { annotations: { id: string }[] };
        }).data.annotations;
      const all = [...(await list('concurrency.test/page-0')), ...(await list('concurrency.test/page-1'))];
      return { total: all.length, distinct: new Set(all.map((a) => a.id)).size };
    });
    expect(counts).toEqual({ total: 200, distinct: 200 });
    await Promise.all(tabs.map((p) => p.close()));
  });

  it('sent no request to any host', () => {
    expect(h.strayRequests).toEqual([]);
  });
});
