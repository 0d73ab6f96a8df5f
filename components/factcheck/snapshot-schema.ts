import { z } from 'zod';
import { PLATFORM_IDS, SELF_MEDIA_PAGES } from '../vocabulary/page-kinds';
import { MAX_TITLE, MAX_URL, WebUrlSchema } from '@/storage/model/annotation';
import { MAX_PUBLISHED } from './published';
import { MAX_ACCOUNT, MAX_ARTICLE_CHARS, MAX_PARAGRAPH, MAX_PARAGRAPHS, MAX_STATEMENT } from './snapshot-limits';

export { MAX_ACCOUNT, MAX_ARTICLE_CHARS, MAX_PARAGRAPH, MAX_PARAGRAPHS, MAX_STATEMENT } from './snapshot-limits';

/**
 * The stored and exported shape of a snapshot (snapshot.ts reads one off a page). Apart from the
 * reading code so the article script, which reads snapshots in the page, bundles no zod.
 */


export const ArticleSnapshotSchema = z.strictObject({
  /** The article's identity (storage/model/page-key.ts), from the URL alone, as annotations' is. */
  pageKey: z.string().min(1).max(MAX_URL),
  url: WebUrlSchema,
  title: z.string().max(MAX_TITLE),
  account: z.string().min(1).max(MAX_ACCOUNT).nullable(),
  platform: z.enum(PLATFORM_IDS).nullable(),
  page: z.enum(SELF_MEDIA_PAGES).nullable(),
  /** The publication date as the page prints it (published.ts), unparsed. */
  published: z.string().min(1).max(MAX_PUBLISHED).nullable(),
  /** The platform's self-media statement, one line per language, or null when the page has none. */
  statement: z.string().min(1).max(MAX_STATEMENT).nullable(),
  paragraphs: z
    .array(z.string().min(1).max(MAX_PARAGRAPH))
    .max(MAX_PARAGRAPHS)
    .refine((ps) => ps.reduce((n, p) => n + p.length, 0) <= MAX_ARTICLE_CHARS, { message: 'article too long' }),
  /** Lowercase hex SHA-256 of the paragraphs joined with "\n", as UTF-8. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  taken: z.iso.datetime({ offset: true }),
});
export type ArticleSnapshot = z.infer<typeof ArticleSnapshotSchema>;
