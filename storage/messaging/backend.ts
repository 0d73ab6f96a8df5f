import type { Annotation } from '../model/annotation';
import { request } from './client';
import type { AnnotationDraft, AnnotationPatch } from './protocol';

/**
 * How a page's annotator reaches the database: through the background, which knows the page from
 * the sender, so nothing here names one. The only backend adapter; tests pass a fake.
 */
export interface AnnotationBackend {
  listForPage(): Promise<Annotation[]>;
  get(id: string): Promise<Annotation | null>;
  create(draft: AnnotationDraft): Promise<Annotation>;
  update(id: string, patch: AnnotationPatch): Promise<Annotation>;
  delete(id: string): Promise<boolean>;
}

export const messageBackend: AnnotationBackend = {
  listForPage: async () => (await request({ type: 'annotation.listForPage' })).annotations,
  get: async (id) => (await request({ type: 'annotation.get', id })).annotation,
  create: async (draft) => (await request({ type: 'annotation.create', draft })).annotation,
  update: async (id, patch) => (await request({ type: 'annotation.update', id, patch })).annotation,
  delete: async (id) => (await request({ type: 'annotation.delete', id })).deleted,
};
