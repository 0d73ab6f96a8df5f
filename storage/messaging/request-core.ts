import type { BackgroundRequest, BackgroundRequestType, BackgroundResponse, BackgroundResponseData } from './protocol';

/** How a message reaches the background: the polyfill's `browser.runtime`, or the bare API. */
export type SendMessage = (message: unknown) => Promise<unknown>;

/**
 * Sends one request to the background through `send` and returns its data, or throws an Error
 * carrying the background's message. A service worker that was stopped (Chromium stops idle ones, and a
 * crash restarts it) makes the first send fail with "Receiving end does not exist" while it
 * wakes up: that is retried, never reported as a success and never dropped silently.
 * No extension API is imported here, so the article script (which carries no polyfill) sends
 * through the same code as the content script (./client.ts, ./bare-client.ts).
 */
export async function requestVia<T extends BackgroundRequestType>(
  send: SendMessage,
  req: Extract<BackgroundRequest, { type: T }>,
  opts: { attempts?: number; delayMs?: number } = {},
): Promise<BackgroundResponseData[T]> {
  const attempts = opts.attempts ?? 4;
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      const res = (await send(req)) as BackgroundResponse<T> | undefined;
      if (!res || typeof res !== 'object' || !('ok' in res)) {
        throw new TransientError('no answer from the background');
      }
      if (!res.ok) throw new BackgroundError(res.error);
      return res.data;
    } catch (err) {
      if (err instanceof BackgroundError || !isTransient(err)) throw err;
      lastError = err;
      await sleep((opts.delayMs ?? 150) * 2 ** i);
    }
  }
  throw new Error(`the extension did not answer after ${attempts} attempts: ${messageOf(lastError)}`);
}

/** An answer from the background saying the request failed: retrying would fail the same way. */
export class BackgroundError extends Error {
  override name = 'BackgroundError';
}

class TransientError extends Error {}

function isTransient(err: unknown): boolean {
  if (err instanceof TransientError) return true;
  const m = messageOf(err);
  return /Receiving end does not exist|Could not establish connection|message port closed|message channel closed/i.test(m);
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
