/**
 * Page scripts that try to drive Sourcemark's own UI, shared by the Chromium boundary tests and the
 * cross-browser ones. Text for a page's <head>: the page is the attacker.
 */

/** What the script below managed: it found the toolbar's and the banner's buttons and clicked them. */
export type UiAttempt = { toolbar: boolean; banner: boolean; marksAfter: string | null };

/**
 * Once the banner is there, selects a paragraph of the article, then clicks the toolbar's 高亮 and
 * the banner's 隐藏标记 as a script can (synthetic events); `window.__attempt` resolves to a
 * UiAttempt. Our UI acts only on trusted input, so neither click may do anything.
 */
export const CLICKS_OUR_UI = `<script>
  window.__attempt = new Promise((resolve) => {
    const seen = { toolbar: false, banner: false, marksAfter: null };
    const tryIt = () => {
      const body = document.querySelector('.post_body');
      const p = [...body.querySelectorAll('p')].find((x) => x.textContent.length > 20);
      document.getSelection().selectAllChildren(p);
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      setTimeout(() => {
        const tb = document.querySelector('[data-sourcemark-ui="annotator"]')?.shadowRoot;
        const button = tb && [...tb.querySelectorAll('button')].find((b) => b.textContent.includes('高亮'));
        if (button) { seen.toolbar = true; button.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, composed: true })); button.click(); }
        const bn = document.querySelector('[data-sourcemark-ui="banner"]')?.shadowRoot;
        const hide = bn && [...bn.querySelectorAll('button')].find((b) => b.textContent.includes('隐藏标记'));
        if (hide) { seen.banner = true; hide.click(); }
        seen.marksAfter = document.documentElement.getAttribute('data-sourcemark-claims');
        resolve(seen);
      }, 300);
    };
    const wait = () => document.querySelector('[data-sourcemark-ui="banner"]') ? tryIt() : setTimeout(wait, 50);
    addEventListener('load', wait);
  });
</script>`;

/**
 * Run in the page (`evaluate`): what a page script gets when it reaches for the note frame inside
 * our annotator's shadow root. The frame is another origin: `"null SecurityError"` (no
 * contentDocument, and its window's document refused), or `"no frame"` when none is open.
 */
export function noteFrameAccess(): string {
  const frame = document.querySelector('[data-sourcemark-ui="annotator"]')?.shadowRoot?.querySelector('iframe');
  if (!frame) return 'no frame';
  let doc: string;
  try {
    doc = String(frame.contentWindow?.document);
  } catch (e) {
    doc = (e as Error).name;
  }
  return `${String(frame.contentDocument)} ${doc}`;
}
