import { blockTexts } from '../marking/text-ranges';
import { normalizeText } from '../recognition/normalize';
import { findArticleBody, findArticleTop } from '../recognition/page-parts';
import type { Recognition } from '../recognition/recognise';
import { MAX_TITLE } from '@/storage/model/limits';
import { MAX_ACCOUNT, MAX_STATEMENT } from './snapshot-limits';
import type { ArticleSnapshot } from './snapshot-schema';
import { pageKey } from '@/storage/model/page-key';
import { readPublished } from './published';
import { sha256Hex } from './sha256';

/**
 * What an article said when the reader read it: its text by paragraph and a hash of that text, so
 * a later visit can tell whether the author edited it (diff.ts) or took it down (gone.ts). It is
 * stored and exported, so its schema (snapshot-schema.ts) is strict and bounded.
 */

/** A snapshot before it is hashed and dated: everything read off the page. */
export type ArticleReading = Omit<ArticleSnapshot, 'sha256' | 'taken'>;

/** Whitespace as the reader sees it: any run (NBSP and the ideographic space too) is one space. */
const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

const clip = (s: string, max: number): string => (s.length > max ? s.slice(0, max) : s);

/**
 * The article's title: the platform's title element when the page has one that is a heading,
 * else what the page tells sharers (og:title), else the tab's title.
 */
function readTitle(doc: Document, recognition: Recognition): string {
  const top = findArticleTop(doc, recognition.platform);
  const heading = top && /^h[1-6]$/.test(top.localName) ? collapse(top.textContent ?? '') : '';
  if (heading) return heading;
  const og = collapse(doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '');
  return og || collapse(doc.title);
}

/**
 * The body's paragraphs as a reader sees them: one per block (marking/text-ranges.ts, which
 * leaves out Sourcemark's own UI and keeps the text inside its marks), whitespace collapsed,
 * empty ones dropped. A statement printed inside the body (older NetEase articles) is the
 * platform's, not the author's, and has its own field, so it is left out here: a platform
 * rewording its boilerplate is no edit of the article.
 */
export function readParagraphs(body: Element, statements: readonly Element[] = [], bodyText: string = blockTexts(body).text): string[] {
  const boilerplate = new Set(statements.map((el) => normalizeText(el.textContent ?? '')));
  return bodyText
    .split('\n')
    .map(collapse)
    .filter((p) => p !== '' && !boilerplate.has(normalizeText(p)));
}

/** What the account ledger counts of an opening (ledger.ts), read off the page. */
export interface ArticleOpening {
  title: string;
  account: string | null;
  platform: ArticleReading['platform'];
  paragraphs: string[];
}

/** The article's body element and its text as blockTexts read it, where the caller has both at hand. */
export interface BodyReading {
  body: Element;
  text: string;
}

/**
 * The part of the article an opening needs (its title, account, platform and paragraphs), without
 * the date, statement and page key only a snapshot keeps: what every article page reads at load.
 * `known` as for readArticle.
 */
export function readOpening(doc: Document, recognition: Recognition, known?: BodyReading): ArticleOpening {
  // Finding the body again is a query of the whole page, one more for each selector that fails.
  const body = known?.body ?? findArticleBody(doc, recognition.platform);
  return {
    title: clip(readTitle(doc, recognition), MAX_TITLE),
    account: recognition.account ? clip(recognition.account.name, MAX_ACCOUNT) : null,
    platform: recognition.platform?.id ?? null,
    paragraphs: body ? readParagraphs(body, recognition.statements, known?.text) : [],
  };
}

/**
 * Reads the article on `doc`, shown at `url`, as recognition saw it: everything a snapshot holds
 * but the hash and the time. The page key comes from `url` alone (as for annotations): a page's
 * canonical link is the page's claim, and a hostile page could otherwise file its text under
 * another article. Throws when `url` is not absolute (pageKey's rule). `known`: the body and its
 * text as blockTexts read it, when the caller has them at hand (the claims were found in it), so
 * the body is neither searched for nor walked again.
 */
export function readArticle(doc: Document, url: string, recognition: Recognition, known?: BodyReading): ArticleReading {
  const statement = recognition.statements.map((el) => collapse(el.textContent ?? '')).filter(Boolean).join('\n');
  const { title, account, platform, paragraphs } = readOpening(doc, recognition, known);
  return {
    pageKey: pageKey(url),
    url,
    title,
    account,
    platform,
    page: recognition.page,
    published: readPublished(doc, recognition.platform),
    statement: statement ? clip(statement, MAX_STATEMENT) : null,
    paragraphs,
  };
}

/** The hash a snapshot's paragraphs must have. */
export function hashParagraphs(paragraphs: readonly string[]): Promise<string> {
  return sha256Hex(paragraphs.join('\n'));
}

/** Reads the article and seals it: its paragraphs' hash and the moment it was taken. */
export async function takeSnapshot(doc: Document, url: string, recognition: Recognition, now: Date = new Date()): Promise<ArticleSnapshot> {
  const reading = readArticle(doc, url, recognition);
  return { ...reading, sha256: await hashParagraphs(reading.paragraphs), taken: now.toISOString() };
}

/**
 * Whether a snapshot's hash is its paragraphs' hash: the schema checks the hash's shape only
 * (hashing is asynchronous), so an import calls this before trusting an imported snapshot.
 */
export async function snapshotIntact(snapshot: ArticleSnapshot): Promise<boolean> {
  return (await hashParagraphs(snapshot.paragraphs)) === snapshot.sha256;
}
