import { bareRuntime } from '@/storage/messaging/bare-client';

/**
 * The content script's lifetime: listeners and timers that end when the script does (the
 * extension was reloaded or updated, which leaves this copy orphaned without `runtime.id`).
 *
 * Ours, not WXT's `ContentScriptContext`: that one announces each start to the page with a
 * `window.postMessage` naming the extension's id, and tears the script down when a same-named
 * event is dispatched on `document`, which any page script can do once it has read the id from
 * that message. A page could then remove every mark and the banner at will. Here nothing is
 * posted to the page and nothing the page dispatches ends the script; a second start in the same
 * frame is refused by the content script itself (`__sourcemarkStarted`).
 */
/* The bare API rather than the polyfill: the article script carries none (bare-client.ts). */
export class ScriptContext {
  readonly #abort = new AbortController();

  /** False once the extension is gone: every callback registered here stops. */
  get isValid(): boolean {
    if (!this.#abort.signal.aborted && bareRuntime()?.id == null) this.#abort.abort();
    return !this.#abort.signal.aborted;
  }

  onInvalidated(cb: () => void): void {
    this.#abort.signal.addEventListener('abort', cb, { once: true });
  }

  addEventListener<K extends keyof DocumentEventMap>(target: Document, type: K, handler: (e: DocumentEventMap[K]) => void): void;
  addEventListener<E extends Event>(target: EventTarget, type: string, handler: (e: E) => void): void;
  addEventListener<E extends Event>(target: EventTarget, type: string, handler: (e: E) => void): void {
    target.addEventListener(
      type,
      (e) => {
        if (this.isValid) handler(e as E);
      },
      { signal: this.#abort.signal },
    );
  }

  /** A timer that never fires once the script has ended. It holds no listener after it fires. */
  setTimeout(handler: () => void, ms: number): number {
    const signal = this.#abort.signal;
    const cancel = () => clearTimeout(id);
    const id = window.setTimeout(() => {
      signal.removeEventListener('abort', cancel);
      if (this.isValid) handler();
    }, ms);
    signal.addEventListener('abort', cancel, { once: true });
    return id;
  }

  /**
   * Resolves in a task of its own, so that the page's own work (and a frame) can come between two
   * long pieces of Sourcemark's; never if the script has ended meanwhile (nothing waits then).
   */
  nextTask(): Promise<void> {
    return new Promise((resolve) => this.setTimeout(resolve, 0));
  }

  /**
   * Calls `cb` with the new address when the page moves to another URL without loading (a
   * single-page app's pushState). The Navigation API says so before `location.href` changes and
   * before the site renders the new page; where it is missing, the address is polled each second.
   */
  onLocationChange(cb: (url: string) => void): void {
    let last = location.href;
    const changed = (url: string) => {
      if (url === last) return;
      last = url;
      cb(url);
    };
    const nav = (globalThis as { navigation?: EventTarget }).navigation;
    if (nav && typeof nav.addEventListener === 'function') {
      this.addEventListener<Event & { destination?: { url?: string } }>(nav, 'navigate', (e) => {
        if (e.destination?.url) changed(e.destination.url);
      });
    } else {
      const id = window.setInterval(() => {
        if (this.isValid) changed(location.href);
      }, 1000);
      this.onInvalidated(() => clearInterval(id));
    }
  }
}
