import { pageKey } from '@/storage/model/page-key';

/**
 * Who sent a message, as the browser tells it (`runtime.MessageSender`), never as the message
 * claims. Only this extension's own contexts can reach `runtime.onMessage` (there is no
 * `externally_connectable`), and for each the browser sets `id`, `url`, `tab` and `frameId`
 * itself, so a web page cannot pose as another sender: the most it can do is have our content
 * script send for it, and a content script speaks only for its own frame's URL.
 */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
  /** Chrome's id of the sending document (absent in Firefox): injection can aim at exactly it. */
  documentId?: string;
}

export type Sender =
  /** The popup or the options page: the reader's own controls. */
  | { kind: 'extension-page' }
  /**
   * Our content script in a web page's top frame (frame 0); `pageKey` is derived from that
   * frame's URL; `documentId` names the document where the browser says (Chrome).
   */
  | { kind: 'content-script'; tabId: number; url: string; pageKey: string; documentId?: string }
  /** note.html, framed by a content script in tab `tabId`; what it may do is what its token granted. */
  | { kind: 'note-frame'; tabId: number; frameId: number }
  | { kind: 'refused'; why: string };

/**
 * Extension pages that act for the reader with full rights. None is web-accessible, so only the
 * reader opens them; none takes an order from its URL (a query names at most what to show).
 * The ledger page switches the ledger off and clears it.
 */
const READER_PAGES: ReadonlySet<string> = new Set(['/popup.html', '/options.html', '/sidepanel.html', '/ledger.html']);
const NOTE_PAGE = '/note.html';

/**
 * `scheme://host` of an address. Not `URL.origin`: the URL standard makes the origin of a
 * non-special scheme such as chrome-extension: or moz-extension: opaque ("null"), as Node and
 * spec-following engines report it, and then every extension address had the same "origin" and
 * the check below that popup.html and options.html are at *our* origin compared "null" with
 * "null". The background computes its own origin with this too (index.ts).
 */
export function originOf(address: string | URL): string {
  const u = typeof address === 'string' ? new URL(address) : address;
  return `${u.protocol}//${u.host}`;
}

export function classifySender(sender: SenderInfo, extension: { id: string; origin: string }): Sender {
  if (sender.id !== extension.id) return { kind: 'refused', why: 'not from this extension' };
  let url: URL;
  try {
    url = new URL(sender.url ?? '');
  } catch {
    return { kind: 'refused', why: 'sender without an address' };
  }
  if (url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:') {
    // note.html is web-accessible with a dynamic URL in Chrome, so its origin may differ from the
    // extension's static one; the id above is still ours.
    if (url.pathname === NOTE_PAGE && sender.tab?.id !== undefined && sender.frameId !== undefined && sender.frameId > 0) {
      return { kind: 'note-frame', tabId: sender.tab.id, frameId: sender.frameId };
    }
    if (originOf(url) === extension.origin && READER_PAGES.has(url.pathname)) return { kind: 'extension-page' };
    return { kind: 'refused', why: `${url.pathname} may not send requests` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { kind: 'refused', why: 'not a web page' };
  if (sender.tab?.id === undefined || sender.frameId !== 0) return { kind: 'refused', why: 'not a top-level page' };
  const page = topFrameUrl(url, sender.tab.url);
  const at = { kind: 'content-script', tabId: sender.tab.id, url: page, pageKey: pageKey(page) } as const;
  return typeof sender.documentId === 'string' ? { ...at, documentId: sender.documentId } : at;
}

/**
 * The address a top-frame content script speaks for. `sender.url` is the document's address as it
 * was loaded: a single-page site's pushState does not change it (Chromium 156), while the tab's
 * URL follows. The tab's is taken only when it is of the same origin as the document: a page can
 * push any address of its own origin anyway, and a tab already navigating to another site must not
 * lend that site's address to the old document's last messages.
 */
function topFrameUrl(documentUrl: URL, tabUrl: string | undefined): string {
  if (!tabUrl) return documentUrl.href;
  try {
    const tab = new URL(tabUrl);
    return tab.origin === documentUrl.origin ? tab.href : documentUrl.href;
  } catch {
    return documentUrl.href;
  }
}
