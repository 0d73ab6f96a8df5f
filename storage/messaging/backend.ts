import type { Annotation, Assessment } from '../model/annotation';
import { BackgroundError, request } from './client';
import type { AnnotationDraft } from './protocol';

/**
 * How a page's annotator reaches the database: through the background, which knows the page from
 * the sender, so nothing here names one. The page lists, reads, creates and sets a verdict from
 * the claim tooltip's buttons: a note is changed or deleted in the note frame, under its token.
 * The only backend adapter; tests pass a fake.
 */
export interface AnnotationBackend {
  /** `pageKey`: the page the caller believes it is on; the background checks it is the sender's. */
  listForPage(pageKey?: string): Promise<Annotation[]>;
  get(id: string): Promise<Annotation | null>;
  create(draft: AnnotationDraft): Promise<Annotation>;
  /** Sets the verdict of one of this page's annotations. */
  assess(id: string, assessment: Assessment): Promise<Annotation>;
}

export const messageBackend: AnnotationBackend = {
  listForPage: async (pageKey) => {
    // Right after a single-page site's pushState the browser may still report the old URL as the
    // sender's for a moment: the background then refuses the new key, and asking again shortly
    // after gets it. The background never takes the key on trust.
    for (let attempt = 0; ; attempt++) {
      try {
        return (await request({ type: 'annotation.listForPage', pageKey })).annotations;
      } catch (err) {
        if (!pageKey || attempt >= 8 || !(err instanceof BackgroundError) || !/another page/.test(err.message)) throw err;
        await new Promise((r) => setTimeout(r, 50 * 2 ** Math.min(attempt, 4)));
      }
    }
  },
  get: async (id) => (await request({ type: 'annotation.get', id })).annotation,
  create: async (draft) => (await request({ type: 'annotation.create', draft })).annotation,
  assess: async (id, assessment) => (await request({ type: 'annotation.update', id, patch: { assessment } })).annotation,
};
