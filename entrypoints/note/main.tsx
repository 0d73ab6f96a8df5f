import { render } from 'preact';
import { annotatorCss } from '@/components/ui/page/annotator-styles';
import NoteFrame, { type NoteFrameBackend } from '@/components/ui/note/NoteFrame';
import { request } from '@/storage/messaging/client';
import { NoteFrameEventSchema, NoteFrameHostMessageSchema, NOTE_FRAME_SOURCE } from '@/storage/messaging/protocol';

/**
 * note.html: the reader's notes on a web page, in a frame of the extension's origin that the
 * page's scripts cannot read. It takes no instructions from its URL (any site may frame it):
 * it waits for the one-time token its host content script posts to it, redeems it with the
 * background, and shows and changes only what that token granted. Without one it shows nothing.
 */
const backend: NoteFrameBackend = {
  saveNote: async (edit) => (await request({ type: 'noteFrame.saveNote', ...edit })).annotation,
  recolor: async (color) => (await request({ type: 'noteFrame.recolor', color })).annotation,
  delete: async () => (await request({ type: 'noteFrame.delete' })).deleted,
};

function close(): void {
  // The parent is a web page of any origin; the message holds nothing but "close".
  if (window.parent !== window) window.parent.postMessage(NoteFrameEventSchema.parse({ source: NOTE_FRAME_SOURCE, type: 'close' }), '*');
}

const style = document.createElement('style');
style.textContent = `${annotatorCss}
/* The box fills the frame: a shorter one would let the page show through the rest of the frame's
   shadowed rectangle (a white band under a dark editor). */
html, body, #app { margin: 0; height: 100%; background: transparent; }
.panel { position: static; height: 100%; overflow: auto; box-shadow: none; }
.panel > .col { display: flex; flex-direction: column; gap: 6px; }
`;
document.head.append(style);

// The page focuses this frame when it opens it; the note box (if any) takes that focus.
window.addEventListener('focus', () => {
  const box = document.querySelector('textarea');  // the note's: it comes before the evidence box
  if (box && document.activeElement !== box) box.focus();
});

/**
 * Where the frame is, on its own <html> (`waiting`, `shown`, `refused`): a page cannot read a
 * cross-origin frame, and tests need to know that a refusal has happened before checking that
 * nothing is shown.
 */
const setState = (state: 'waiting' | 'shown' | 'refused') => (document.documentElement.dataset.state = state);
setState('waiting');

let redeemed = false;
const onToken = (e: MessageEvent) => {
  // Only the window that framed us can hand the token, and only once.
  if (redeemed || e.source !== window.parent) return;
  const msg = NoteFrameHostMessageSchema.safeParse(e.data);
  if (!msg.success) return;
  redeemed = true;
  window.removeEventListener('message', onToken);
  request({ type: 'noteFrame.redeem', token: msg.data.token }).then(
    (grant) => {
      document.documentElement.lang = grant.lang === 'zh' ? 'zh-CN' : 'en';
      render(<NoteFrame grant={grant} backend={backend} onClose={close} />, document.getElementById('app')!);
      setState('shown');
    },
    // A token that is not valid (forged, used, expired): nothing to show, nothing to do.
    () => setState('refused'),
  );
};
window.addEventListener('message', onToken);
