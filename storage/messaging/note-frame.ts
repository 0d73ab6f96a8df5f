import { z } from 'zod';
import { AnnotationSchema } from '../model/annotation';
import { NOTE_FRAME_SOURCE } from './note-frame-protocol';

/**
 * The note frame: where a reader's notes are shown and written on a web page.
 *
 * A note is the reader's own words, and a web page must not read them. Sourcemark's panel lives
 * in an open shadow root (readable by page scripts through `host.shadowRoot`), so notes are not
 * rendered there: they are rendered in `note.html`, an extension page in an iframe. The page's
 * scripts cannot read a cross-origin frame, nor see the keys typed into it.
 *
 * What crosses between the page and the frame is never a note:
 *  - content script → frame: the URL's fragment (`NoteFrameParams`): an annotation id and page
 *    key to show, or the page's own data for a new highlight (its quote, URL, title);
 *  - frame → content script: `postMessage` of `NoteFrameEvent` (an id that changed, or close),
 *    which page scripts can also see; the content script then reads the annotation itself from
 *    the background.
 * The frame reads and writes notes through the background like the content script does.
 */


/** A new highlight as the content script describes it: everything but what the reader writes. */
export const NoteDraftSchema = AnnotationSchema.pick({
  pageKey: true,
  url: true,
  title: true,
  site: true,
  selectors: true,
  color: true,
});
export type NoteDraft = z.infer<typeof NoteDraftSchema>;

const LangSchema = z.enum(['zh', 'en']);

export const NoteFrameParamsSchema = z.discriminatedUnion('mode', [
  /** Show one saved annotation's note, tags and actions (the highlight popover). */
  z.strictObject({ mode: z.literal('view'), lang: LangSchema, id: z.uuid(), pageKey: z.string().min(1) }),
  /** Write the note of a new highlight; saving creates it. */
  z.strictObject({ mode: z.literal('new'), lang: LangSchema, draft: NoteDraftSchema }),
]);
export type NoteFrameParams = z.infer<typeof NoteFrameParamsSchema>;

export function parseNoteFrameHash(hash: string): NoteFrameParams | null {
  try {
    const parsed = NoteFrameParamsSchema.safeParse(JSON.parse(decodeURIComponent(hash.replace(/^#/, ''))));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * What the frame posts to the content script. The frame validates with this before posting; the
 * content script, which must not bundle zod, checks arrivals with ./note-frame-event-guard, kept
 * in agreement with this schema by tests/unit/message-guards.test.ts.
 */
export const NoteFrameEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ source: z.literal(NOTE_FRAME_SOURCE), type: z.literal('changed'), id: z.uuid() }),
  z.strictObject({ source: z.literal(NOTE_FRAME_SOURCE), type: z.literal('close') }),
]);
export type NoteFrameEvent = z.infer<typeof NoteFrameEventSchema>;
