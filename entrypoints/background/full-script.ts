import type { Sender } from './senders';

/** The top frame of a web page whose content script (here: a granted site's loader) asked. */
export type PageSender = Extract<Sender, { kind: 'content-script' }>;

/** Where to inject: the sender's own frame, and in Chrome its very document. */
export interface FrameTarget {
  tabId: number;
  frameId: number;
  documentId?: string;
}

export interface FullScriptDeps {
  /** Whether the reader granted the site at `url` (the permissions API, never the message). */
  granted: (url: string) => Promise<boolean>;
  /** Injects the content script with its CSS (send-to-tab.ts `injectIntoFrame`). */
  inject: (target: FrameTarget) => Promise<void>;
}

/**
 * Loads the full content script into the page of a granted site whose loader asked for it
 * (entrypoints/granted-loader: the page has saved annotations, or the reader selected something).
 * Everything about where comes from the sender: its tab, its frame (the top one: senders.ts
 * refuses others) and, in Chrome, its document, so a page that navigated meanwhile gets nothing.
 * The site must be one the reader granted. Once per document: a page cannot make its loader ask
 * again and again (the loader asks once per address anyway), and the content script refuses a
 * second start besides.
 */
export class FullScriptLoads {
  readonly #loads = new Map<string, Promise<boolean>>();

  constructor(private readonly deps: FullScriptDeps) {}

  /** Injects unless already done for this document; resolves whether the script is there now. */
  load(page: PageSender): Promise<boolean> {
    const key = documentKey(page);
    const known = this.#loads.get(key);
    if (known) return known;
    const loading = this.#inject(page).catch(() => false);
    this.#loads.set(key, loading);
    // A failed injection (not granted, the tab gone) may be asked for again: the next is new.
    void loading.then((ok) => {
      if (!ok && this.#loads.get(key) === loading) this.#loads.delete(key);
    });
    return loading;
  }

  /**
   * The tab shows another document now (or is closed). Firefox names no document, so its key is
   * the tab's, and this is what lets the next page of that tab load the script again.
   */
  forgetTab(tabId: number): void {
    for (const key of this.#loads.keys()) if (key.startsWith(`${tabId}/`)) this.#loads.delete(key);
  }

  async #inject(page: PageSender): Promise<boolean> {
    if (!(await this.deps.granted(page.url))) return false;
    await this.deps.inject({ tabId: page.tabId, frameId: 0, ...(page.documentId ? { documentId: page.documentId } : {}) });
    return true;
  }
}

function documentKey(page: PageSender): string {
  return `${page.tabId}/${page.documentId ?? ''}`;
}

/**
 * The host permission pattern that covers `url`'s site, to ask the permissions API with. Without
 * the port: neither browser's match patterns name one, and a grant covers every port.
 */
export function sitePattern(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? `${u.protocol}//${u.hostname}/*` : null;
  } catch {
    return null;
  }
}
