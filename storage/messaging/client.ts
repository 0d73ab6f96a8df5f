import { browser } from 'wxt/browser';
import { requestVia } from './request-core';
import type { BackgroundRequest, BackgroundRequestType, BackgroundResponseData } from './protocol';

export { BackgroundError } from './request-core';

/** Sends one request to the background through the polyfill (./request-core.ts `requestVia`). */
export function request<T extends BackgroundRequestType>(
  req: Extract<BackgroundRequest, { type: T }>,
  opts: { attempts?: number; delayMs?: number } = {},
): Promise<BackgroundResponseData[T]> {
  return requestVia((m) => browser.runtime.sendMessage(m), req, opts);
}
