import { describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { waitForSourcemark } from './probes';
import { useHarness } from './use-harness';
import { dragSelect, highlightTexts } from './select';

// A small 网易号-shaped page whose body the test controls, at real NetEase URLs.
const A = 'https://www.163.com/dy/article/AAAAAAAAAA05AAAA.html';
const B = 'https://www.163.com/dy/article/BBBBBBBBBB05BBBB.html';
const SENT_A = '这是第一篇文章里需要高亮的一句话，后面还有别的内容。';
const SENT_B = '第二篇文章说的是另一件事情，也值得记下来。';

function page(title: string, paragraphs: string[], script = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}_网易订阅</title><link rel="icon" href="data:,"></head>
<body><div class="post_main"><h1 class="post_title">${title}</h1><div class="post_body">${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join('')}</div></div>${script ? `<script>${script}</script>` : ''}</body></html>`;
}

/** These are 网易号 URLs: the reader starts once the banner says what the page is. */
async function openReady(h: Harness, url: string) {
  const p = await h.open(url);
  await expect.poll(() => p.getByRole('region', { name: 'Sourcemark' }).count()).toBe(1);
  return p;
}

describe('content that arrives late, and single-page navigation', () => {
  const h = useHarness({ locale: 'zh-CN' });

  it('paints a saved highlight once its paragraph is added after Sourcemark finished loading the page', async () => {
    h.serve(A, page('文章甲', ['开头一段。', SENT_A, '结尾一段。']));
    const p = await openReady(h, A);
    await dragSelect(p, '.post_body', SENT_A);
    await p.getByRole('button', { name: '高亮', exact: true }).click();
    await expect.poll(() => highlightTexts(p).then((t) => Object.values(t))).toEqual([SENT_A]);

    // The same article, but its second paragraph is rendered only when the test says so.
    h.serve(
      A,
      page('文章甲', ['开头一段。', '结尾一段。'], `window.addLate = () => {
        const p = document.createElement('p'); p.textContent = ${JSON.stringify(SENT_A)};
        document.querySelector('.post_body').insertBefore(p, document.querySelector('.post_body').lastChild);
      };`),
    );
    await p.reload();
    // Loaded, and found no place for the highlight yet: it is an orphan, nothing is painted.
    const status = await waitForSourcemark(h, p);
    expect(status.orphans).toMatchObject([{ quote: SENT_A }]);
    expect(await highlightTexts(p)).toEqual({});
    await p.evaluate(() => (window as unknown as { addLate(): void }).addLate());
    await expect.poll(() => highlightTexts(p).then((t) => Object.values(t)), { timeout: 10_000 }).toEqual([SENT_A]);
    await p.close();
  });

  it("reloads the page's annotations when a single-page site changes its URL", async () => {
    h.serve(B, page('文章乙', ['另一段开头。', SENT_B]));
    const pb = await openReady(h, B);
    await dragSelect(pb, '.post_body', SENT_B);
    await pb.getByRole('button', { name: '高亮', exact: true }).click();
    await expect.poll(() => highlightTexts(pb).then((t) => Object.values(t))).toEqual([SENT_B]);
    await pb.close();

    // On A, a client-side router swaps the body for B's and pushes B's URL, then goes back.
    const router = `window.go = (url, paras) => {
      history.pushState({}, '', url);
      document.querySelector('.post_body').replaceChildren(...paras.map((t) => { const p = document.createElement('p'); p.textContent = t; return p; }));
    };`;
    h.serve(A, page('文章甲', ['开头一段。', SENT_A, '结尾一段。'], router));
    const p = await h.open(A);
    await expect.poll(() => highlightTexts(p).then((t) => Object.values(t))).toEqual([SENT_A]);
    await p.evaluate(([url, s]) => (window as unknown as { go: (u: string, p: string[]) => void }).go(url!, ['另一段开头。', s!]), [B, SENT_B]);
    await expect.poll(() => highlightTexts(p).then((t) => Object.values(t)), { timeout: 10_000 }).toEqual([SENT_B]);
    await p.evaluate(([url, s]) => (window as unknown as { go: (u: string, p: string[]) => void }).go(url!, ['开头一段。', s!, '结尾一段。']), [A, SENT_A]);
    await expect.poll(() => highlightTexts(p).then((t) => Object.values(t)), { timeout: 10_000 }).toEqual([SENT_A]);
    await p.close();
  });

  it('sent no request to any host', () => {
    expect(h.strayRequests).toEqual([]);
  });
});
