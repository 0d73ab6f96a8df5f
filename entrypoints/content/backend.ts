import { request } from '@/storage/messaging/client';
import type { AnnotationBackend } from './annotator';

/** The annotator's storage, through the background: the content script never opens IndexedDB. */
export const messageBackend: AnnotationBackend = {
  listForPage: async (pageKey) => (await request({ type: 'annotation.listForPage', pageKey })).annotations,
  save: async (annotation) => (await request({ type: 'annotation.save', annotation })).annotation,
  update: async (id, patch) => (await request({ type: 'annotation.update', id, patch })).annotation,
  delete: async (id) => (await request({ type: 'annotation.delete', id })).deleted,
};
