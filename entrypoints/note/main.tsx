import { render } from 'preact';
import { annotatorCss } from '@/components/ui/page/annotator-styles';
import NoteFrame, { type NoteFrameBackend } from '@/components/ui/note/NoteFrame';
import { NoteFrameEventSchema, parseNoteFrameHash, type NoteFrameEvent } from '@/storage/messaging/note-frame';
import { NOTE_FRAME_SOURCE } from '@/storage/messaging/note-frame-protocol';
import { request } from '@/storage/messaging/client';

/**
 * note.html: the reader's notes on a web page, in a frame of the extension's origin that the
 * page's scripts cannot read (see components/note-frame.ts). The content script puts it in its
 * panel; it talks to the background for data and tells its parent only which annotation changed.
 */
const backend: NoteFrameBackend = {
  listForPage: async (pageKey) => (await request({ type: 'annotation.listForPage', pageKey })).annotations,
  save: async (annotation) => (await request({ type: 'annotation.save', annotation })).annotation,
  update: async (id, patch) => (await request({ type: 'annotation.update', id, patch })).annotation,
  delete: async (id) => (await request({ type: 'annotation.delete', id })).deleted,
};

function tell(event: NoteFrameEvent): void {
  // The parent is a web page of any origin; the message holds no note, only an id. Validated
  // here because the content script's guard only mirrors the schema: what is sent is declared.
  if (window.parent !== window) window.parent.postMessage(NoteFrameEventSchema.parse(event), '*');
}

const style = document.createElement('style');
style.textContent = `${annotatorCss}
html, body { margin: 0; height: 100%; background: transparent; }
.panel { position: static; height: 100%; overflow: auto; box-shadow: none; }
.panel > .col { display: flex; flex-direction: column; gap: 6px; }
`;
document.head.append(style);

// The page focuses this frame when it opens it; the note box (if any) takes that focus.
window.addEventListener('focus', () => {
  const box = document.querySelector('textarea');
  if (box && document.activeElement !== box) box.focus();
});

const params = parseNoteFrameHash(location.hash);
const app = document.getElementById('app')!;
if (params) {
  document.documentElement.lang = params.lang === 'zh' ? 'zh-CN' : 'en';
  render(
    <NoteFrame
      params={params}
      backend={backend}
      onChanged={(id) => tell({ source: NOTE_FRAME_SOURCE, type: 'changed', id })}
      onClose={() => tell({ source: NOTE_FRAME_SOURCE, type: 'close' })}
    />,
    app,
  );
}
