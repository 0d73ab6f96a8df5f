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
  /**
   * Whether `url` is on a site the loader is registered for (granted-sites.ts: granted, and not
   * the sync server's), for a tab whose address the browser told, no script of ours having asked.
   */
  readingSite: (url: string) => Promise<boolean>;
  /** Whether the page at `url` has saved annotations (one indexed count of its page key). */
  hasSaved: (url: string) => Promise<boolean>;
  /** Whether the content script already answers in the tab's top frame (then nothing is injected). */
  running: (tabId: number) => Promise<boolean>;
  /** Injects the content script with its CSS (send-to-tab.ts `injectIntoFrame`). */
  inject: (target: FrameTarget) => Promise<void>;
}

/**
 * Loads the full content script into the page of a granted site: when its tab shows a page with
 * saved annotations (`arrived`), or when its loader asked (entrypoints/granted-loader: the reader
 * selected something).
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
    return this.#once(documentKey(page), () => this.#inject(page));
  }

  /**
   * A tab finished loading `url`, moved to it (a single-page site), or a change reached its page
   * and nothing there answered (tabs.onUpdated and notices.ts; the browser shows the address only
   * where the extension has host access). On a site the loader runs on, a page with saved
   * annotations gets the content script now, so they paint without the page's loader doing
   * anything: it listens for the reader's selection only. Aimed at the tab's top frame (the browser
   * names no document here) unless the content script already answers there; if the tab moved on
   * meanwhile, the content script reads its own address and loads that page's annotations, on a
   * site that is granted too (the injection needs its permission).
   */
  async arrived(tabId: number, url: string): Promise<boolean> {
    if (!(await this.deps.readingSite(url)) || !(await this.deps.hasSaved(url))) return false;
    return this.#once(`${tabId}/@${url}`, async () => {
      if (await this.deps.running(tabId)) return true;
      await this.deps.inject({ tabId, frameId: 0 });
      return true;
    });
  }

  /** One injection per key at a time; a failed one (not granted, the tab gone) may be asked for again. */
  #once(key: string, inject: () => Promise<boolean>): Promise<boolean> {
    const known = this.#loads.get(key);
    if (known) return known;
    const loading = inject().catch(() => false);
    this.#loads.set(key, loading);
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
