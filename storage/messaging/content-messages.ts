import { z } from 'zod';

// The single declaration of what may be sent to a content script. Senders (background, popup)
// validate with it; the content script does not import it at run time (zod would be a third of
// its size) but checks arrivals with storage/content-request-guard.ts, which a unit test keeps in
// agreement with this schema.

/**
 * Requests the background (or the popup) sends to a tab's content script. Also checked on
 * arrival: a page cannot send these (only extension contexts reach runtime.onMessage), but a
 * stale or mistyped sender must not break the page.
 */
export const ContentRequestSchema = z.discriminatedUnion('type', [
  /** Highlight the current selection in the default colour (shortcut, context menu). */
  z.strictObject({ type: z.literal('content.highlightSelection') }),
  /** Open the note editor for the current selection. */
  z.strictObject({ type: z.literal('content.noteSelection') }),
  /** Scroll to an annotation's highlight and flash it. */
  z.strictObject({ type: z.literal('content.reveal'), id: z.uuid() }),
  /** Ask what the content script found on the page (for the popup's "This page"). */
  z.strictObject({ type: z.literal('content.status') }),
  /** Annotations changed elsewhere (the popup edited or deleted one): reload this page's. */
  z.strictObject({ type: z.literal('content.reload') }),
]);
export type ContentRequest = z.infer<typeof ContentRequestSchema>;

/** What the content script reports about its page. */
export interface PageStatus {
  url: string;
  pageKey: string;
  kind: 'netease-hao' | 'netease-editorial' | 'other';
  account: string | null;
  claims: Record<'vague' | 'certainty' | 'statistic', number>;
  highlights: number;
  orphans: { id: string; quote: string; note: string }[];
}
