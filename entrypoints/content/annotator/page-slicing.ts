import type { Slicing } from '@/components/anchoring';

/**
 * How the content script gives the page its turn between slices of long work
 * (components/anchoring/slices.ts): `scheduler.yield()` where the browser has it (Chrome 129+,
 * Firefox 142+), which lets input and rendering go first and then resumes ahead of other tasks;
 * elsewhere a message posted to itself, a new task without setTimeout's 4 ms clamp.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') {
    // A page may have replaced `scheduler` in its own world (Firefox's content scripts can see
    // it through their wrappers): whatever it throws or rejects with, the work still goes on.
    try {
      return Promise.resolve(scheduler.yield()).catch(viaMessage);
    } catch {
      return viaMessage();
    }
  }
  return viaMessage();
}

/** A new task by a message posted to ourselves (no setTimeout clamp, no page involvement). */
function viaMessage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The page's clock and turn, for work done in slices. */
export const PAGE_SLICING: Slicing = {
  yieldNow: yieldToPage,
  now: () => performance.now(),
};
