import { requestVia } from './request-core';
import type { BackgroundRequest, BackgroundRequestType, BackgroundResponseData } from './protocol';

/** The part of the extension API a script without the polyfill uses: the same in `chrome` and `browser`. */
export interface BareRuntime {
  id?: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(listener: BareListener): void;
    removeListener(listener: BareListener): void;
  };
}

/** A `runtime.onMessage` listener as both browsers call it: true keeps the channel for `respond`. */
export type BareListener = (message: unknown, sender: unknown, respond: (answer: unknown) => void) => boolean | undefined;

/**
 * The extension API of this content script's world: Firefox's `browser` (promises), or Chrome's
 * `chrome`, whose MV3 methods return promises when given no callback. Undefined in a copy the
 * extension left (updated or removed). No polyfill: in Chrome, making its bindings was most of
 * what a small script cost the page (tests/bench/page-cost.ts).
 */
export function bareRuntime(): BareRuntime | undefined {
  const g = globalThis as { browser?: { runtime?: BareRuntime }; chrome?: { runtime?: BareRuntime } };
  return (g.browser ?? g.chrome)?.runtime;
}

/** ./client.ts `request`, through the bare API. */
export function bareRequest<T extends BackgroundRequestType>(
  req: Extract<BackgroundRequest, { type: T }>,
  opts: { attempts?: number; delayMs?: number } = {},
): Promise<BackgroundResponseData[T]> {
  return requestVia(
    (m) => {
      const runtime = bareRuntime();
      return runtime ? runtime.sendMessage(m) : Promise.reject(new Error('the extension is gone'));
    },
    req,
    opts,
  );
}

/**
 * Listens for requests to this script, answering with `answer`'s promise; `answer` returns
 * undefined for a message it leaves to another listener. Both browsers keep the channel open
 * when the listener returns true and answer with `respond` (Chrome's MV3 ignores a returned promise).
 */
export function onBareMessage(answer: (message: unknown) => Promise<unknown> | undefined): () => void {
  const runtime = bareRuntime();
  if (!runtime) return () => {};
  const listener: BareListener = (message, _sender, respond) => {
    const answering = answer(message);
    if (!answering) return undefined;
    answering.then(respond, () => respond(undefined));
    return true;
  };
  runtime.onMessage.addListener(listener);
  return () => runtime.onMessage.removeListener(listener);
}
