import { readNoteFrameEvent } from '@/storage/messaging/content-request-guard';
import type { NoteFrameHostMessage } from '@/storage/messaging/protocol';
import { NOTE_HOST_SOURCE } from '@/storage/messaging/protocol-constants';

/**
 * The content script's side of the note frame (note.html, where notes are shown and written so
 * the page's scripts cannot read them).
 *
 * The frame takes no instructions from its URL: any site may frame note.html. Instead the content
 * script gets a one-time token from the background for what the frame may do (show this
 * annotation, or write the note of this new highlight), and posts it to the frame it made, to the
 * extension's origin only, once the frame has loaded. The frame redeems it with the background.
 * Back from the frame comes only "close": what changed reaches the page as a notice from the
 * background, which a page cannot forge; and only our own frame's window is heard.
 */
export class NoteFrameChannel {
  private token: string | null = null;

  constructor(
    private readonly win: Window,
    /**
     * The origins the note frame may have. Chrome loads it from a per-session dynamic URL, and
     * the document it loads has the extension's own origin (Chromium 156), possibly the dynamic
     * one elsewhere; both are the extension's and no page's.
     */
    private readonly frameOrigins: readonly string[],
    private readonly opts: {
      /** The frame currently shown, if any. */
      frame: () => HTMLIFrameElement | null;
      onClose: () => void;
    },
  ) {
    win.addEventListener('message', this.onMessage);
  }

  /** Remembers the token for the next frame to load; a newer one replaces an unsent one. */
  expect(token: string): void {
    this.token = token;
  }

  /** The frame loaded: hand it its token, once. */
  frameLoaded(frame: HTMLIFrameElement): void {
    const token = this.token;
    const target = frame.contentWindow;
    if (!token || !target || frame !== this.opts.frame()) return;
    this.token = null;
    const message: NoteFrameHostMessage = { source: NOTE_HOST_SOURCE, type: 'token', token };
    // The target origin keeps the token from any document the page may have navigated the frame
    // to: only a document of one of our origins receives it.
    for (const origin of this.frameOrigins) target.postMessage(message, origin);
  }

  destroy(): void {
    this.win.removeEventListener('message', this.onMessage);
  }

  private readonly onMessage = (e: MessageEvent): void => {
    const frame = this.opts.frame()?.contentWindow;
    if (!frame || e.source !== frame || !this.frameOrigins.includes(e.origin)) return;
    if (readNoteFrameEvent(e.data)) this.opts.onClose();
  };
}
