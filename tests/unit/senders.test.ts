import { describe, expect, it } from 'vitest';
import { classifySender, originOf } from '@/entrypoints/background/senders';
import { EXTENSION, EXTENSION_ID, senderOf } from './background-harness';

const ARTICLE = 'https://www.163.com/dy/article/KKG7R2LD0525KQ8M.html';
const OURS = `chrome-extension://${EXTENSION_ID}`;
/** Chrome serves note.html at a per-session dynamic origin (use_dynamic_url); the id stays ours. */
const DYNAMIC = 'chrome-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';

describe('classifySender', () => {
  it('takes a content script in a top frame of an https page at its URL, and derives its page key from it', () => {
    expect(senderOf({ id: EXTENSION_ID, url: `${ARTICLE}?f=post2020_dy_recommends#comments`, tab: { id: 4 }, frameId: 0 })).toEqual({
      kind: 'content-script',
      tabId: 4,
      url: `${ARTICLE}?f=post2020_dy_recommends#comments`,
      pageKey: '163.com/article/KKG7R2LD0525KQ8M',
    });
  });

  it('takes a content script on an http page too', () => {
    expect(senderOf({ id: EXTENSION_ID, url: 'http://example.com/a?utm_source=x', tab: { id: 4 }, frameId: 0 })).toEqual({
      kind: 'content-script',
      tabId: 4,
      url: 'http://example.com/a?utm_source=x',
      pageKey: 'example.com/a',
    });
  });

  it("never involves a canonical link: the page key is the frame URL's own", () => {
    // Even a same-site canonical, which pageKey(url, canonical) would follow, cannot reach here:
    // the sender has no field for it, and extra fields of the sender object are ignored.
    const info = { id: EXTENSION_ID, url: 'https://example.com/copy', tab: { id: 4 }, frameId: 0, canonical: 'https://example.com/original' };
    const s = senderOf(info);
    expect(s).toMatchObject({ kind: 'content-script', pageKey: 'example.com/copy' });
  });

  it("carries the document Chrome names, so an injection can aim at exactly it", () => {
    expect(senderOf({ id: EXTENSION_ID, url: 'https://example.com/a', tab: { id: 4 }, frameId: 0, documentId: 'D0C' })).toEqual({
      kind: 'content-script',
      tabId: 4,
      url: 'https://example.com/a',
      pageKey: 'example.com/a',
      documentId: 'D0C',
    });
  });

  it("follows the tab's address after a single-page site's pushState, which the document's address does not", () => {
    const pushed = 'https://www.163.com/dy/article/AAAAAAAAAAAAAAAA.html';
    expect(senderOf({ id: EXTENSION_ID, url: ARTICLE, tab: { id: 4, url: pushed }, frameId: 0 })).toMatchObject({
      kind: 'content-script',
      url: pushed,
      pageKey: '163.com/article/AAAAAAAAAAAAAAAA',
    });
  });

  it("keeps the document's own address when the tab is already at another origin", () => {
    // The old document's last messages while the tab navigates away must not speak for the new site.
    expect(senderOf({ id: EXTENSION_ID, url: ARTICLE, tab: { id: 4, url: 'https://bank.example/login' }, frameId: 0 })).toMatchObject({
      kind: 'content-script',
      url: ARTICLE,
      pageKey: '163.com/article/KKG7R2LD0525KQ8M',
    });
  });

  it('refuses a content script in a sub-frame', () => {
    expect(senderOf({ id: EXTENSION_ID, url: ARTICLE, tab: { id: 4 }, frameId: 2 }).kind).toBe('refused');
  });

  it('refuses a web page sender without a tab or a frame id', () => {
    expect(senderOf({ id: EXTENSION_ID, url: ARTICLE, frameId: 0 }).kind).toBe('refused');
    expect(senderOf({ id: EXTENSION_ID, url: ARTICLE, tab: { id: 4 } }).kind).toBe('refused');
  });

  it('refuses a message from another extension id, whatever it claims to be', () => {
    for (const url of [ARTICLE, `${OURS}/popup.html`, `${OURS}/note.html`]) {
      expect(senderOf({ id: 'someotherextensionidxxxxxxxxxxxx', url, tab: { id: 4 }, frameId: 0 }).kind, url).toBe('refused');
      expect(senderOf({ url, tab: { id: 4 }, frameId: 0 }).kind, url).toBe('refused');
    }
  });

  it.each(['file:///home/me/a.html', 'data:text/html,<p>x</p>', 'about:blank', 'chrome://settings/', 'javascript:alert(1)', 'ftp://example.com/a', '', 'not a url'])(
    'refuses a non-web address: %s',
    (url) => {
      expect(senderOf({ id: EXTENSION_ID, url, tab: { id: 4 }, frameId: 0 }).kind).toBe('refused');
    },
  );

  it.each(['/popup.html', '/options.html', '/ledger.html'])('takes %s at the extension origin as an extension page', (path) => {
    expect(senderOf({ id: EXTENSION_ID, url: `${OURS}${path}` })).toEqual({ kind: 'extension-page' });
    // Opened in a tab of its own (options_ui open_in_tab, or the popup's page in a tab).
    expect(senderOf({ id: EXTENSION_ID, url: `${OURS}${path}`, tab: { id: 9 }, frameId: 0 })).toEqual({ kind: 'extension-page' });
  });

  it('takes popup.html of Firefox moz-extension origin as an extension page', () => {
    const uuid = '3f1c2a4e-9d2b-4c6e-8a1f-0b2c3d4e5f60';
    const ext = { id: 'sourcemark@example.org', origin: originOf(`moz-extension://${uuid}/`) };
    expect(classifySender({ id: ext.id, url: `moz-extension://${uuid}/popup.html` }, ext)).toEqual({ kind: 'extension-page' });
  });

  it('refuses popup.html or options.html at another extension origin', () => {
    // The id is ours but the origin is not the one popup.html is served at: not a reader page.
    expect(senderOf({ id: EXTENSION_ID, url: `${DYNAMIC}/popup.html` }).kind).toBe('refused');
    expect(senderOf({ id: EXTENSION_ID, url: `${DYNAMIC}/options.html` }).kind).toBe('refused');
  });

  it('refuses other extension pages of ours', () => {
    expect(senderOf({ id: EXTENSION_ID, url: `${OURS}/background.html` }).kind).toBe('refused');
    expect(senderOf({ id: EXTENSION_ID, url: `${OURS}/popup.html.evil` }).kind).toBe('refused');
  });

  it('takes note.html in a tab with frameId > 0 as a note frame', () => {
    expect(senderOf({ id: EXTENSION_ID, url: `${OURS}/note.html`, tab: { id: 4 }, frameId: 17 })).toEqual({ kind: 'note-frame', tabId: 4, frameId: 17 });
  });

  it('takes note.html at a dynamic extension origin as a note frame too', () => {
    expect(senderOf({ id: EXTENSION_ID, url: `${DYNAMIC}/note.html`, tab: { id: 4 }, frameId: 17 })).toEqual({ kind: 'note-frame', tabId: 4, frameId: 17 });
  });

  it('refuses note.html without a tab', () => {
    expect(senderOf({ id: EXTENSION_ID, url: `${OURS}/note.html` }).kind).toBe('refused');
    expect(senderOf({ id: EXTENSION_ID, url: `${OURS}/note.html`, frameId: 3 }).kind).toBe('refused');
  });

  it('refuses note.html as a top frame (frameId 0): it is only ever framed by a page', () => {
    expect(senderOf({ id: EXTENSION_ID, url: `${OURS}/note.html`, tab: { id: 4 }, frameId: 0 }).kind).toBe('refused');
  });

  it('computes the extension origin as scheme and host, the same for the background and the sender', () => {
    expect(EXTENSION.origin).toBe(OURS);
    expect(originOf(`${OURS}/popup.html?x#y`)).toBe(OURS);
    expect(originOf(`${DYNAMIC}/popup.html`)).not.toBe(OURS);
  });
});
