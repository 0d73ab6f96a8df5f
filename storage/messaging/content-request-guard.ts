import type { ContentRequest } from './content-messages';
import { hasOnlyKeys, isObjectLike, isUuid } from './strict-checks';

/**
 * ContentRequestSchema.safeParse for the content script, without zod: the request as a fresh
 * object, or null when the schema would reject it. Kept in step with the schema by
 * tests/unit/message-guards.test.ts.
 */
export function readContentRequest(raw: unknown): ContentRequest | null {
  if (!isObjectLike(raw)) return null;
  const type = raw.type;
  switch (type) {
    case 'content.highlightSelection':
    case 'content.noteSelection':
    case 'content.status':
    case 'content.reload':
      return hasOnlyKeys(raw, ['type']) ? { type } : null;
    case 'content.reveal': {
      const id = raw.id;
      return hasOnlyKeys(raw, ['type', 'id']) && isUuid(id) ? { type, id } : null;
    }
    default:
      return null;
  }
}
