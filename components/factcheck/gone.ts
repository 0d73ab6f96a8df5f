import { normalizeText } from '../recognition/normalize';
import { textNodesWith } from '../recognition/text-nodes-with';
import { isSkippedElement } from '../vocabulary/skipped-elements';

/**
 * Whether an article the reader kept a snapshot of has been taken down: the server says so, the
 * page says so, or the page still loads but holds no text. Platforms rarely answer a deleted
 * article with a 404; most serve a short page with a notice, so the notice's words are what tells.
 * DOM-only.
 */

export type GoneReason = '404' | 'deleted-page' | 'empty-body';

export type ArticleGone = { gone: true; why: GoneReason } | { gone: false };

export interface GoneInput {
  /** The HTTP status of the page, when the caller knows it. */
  status: number | null;
  doc: Document;
  /** The article body's text as read (snapshot.ts's paragraphs joined), '' when none was found. */
  bodyText: string;
}

/**
 * Notices of deleted or unavailable articles, compared with spaces removed after NFKC
 * normalisation. Each says where it is seen and how sure that is. None names a platform: each is
 * only looked for on a page that holds almost no article (see `SHORT_BODY`), where any of them
 * means the same.
 */
const NOTICES: readonly string[] = [
  // WeChat 公众号, high: the exact strings several independent public scrapers of mp.weixin.qq.com
  // test for (an article its account deleted; one removed after complaints).
  '该内容已被发布者删除',
  '此内容因违规无法查看',
  // WeChat, medium: one scraper each (an older wording of the above; a message that failed review;
  // a deleted account; a blocked account; content its sender deleted).
  '此内容因违规已删除',
  '此内容发送失败无法查看',
  '此帐号已注销',
  '该公众号已被封禁',
  '该内容已被发送人删除',
  // NetEase 网易号 and the other portals, low to medium: the wordings Chinese portals' error pages
  // use ("内容已删除", "该内容已被删除", "文章不存在", "抱歉，您访问的页面不存在"), taken from the
  // project's brief and common error-page copy. No captured NetEase /dy/ deletion page is in
  // shared/notes; NetEase's old photo site titled its missing pages 该页面不存在 (a saved crawl).
  '内容已删除',
  '内容已被删除',
  '文章已删除',
  '文章已被删除',
  '文章不存在',
  '内容不存在',
  '页面不存在',
];

/** Words every notice contains one of: the cheap test before climbing to an element. */
const TRIGGERS = ['删除', '不存在', '无法查看', '注销', '封禁'].map((piece) => ({ piece, lower: false }));

/**
 * An article body longer than this is an article, whatever it quotes: a story about a deleted
 * post may well say "内容已删除". Deletion pages hold a line or two.
 */
const SHORT_BODY = 200;

/** A notice is a line: the element holding it is short. A longer holder is page text quoting it. */
const MAX_NOTICE_CHARS = 200;

const squeeze = (s: string): string => normalizeText(s).replace(/ /g, '');

function isNotice(text: string): boolean {
  const t = squeeze(text);
  return NOTICES.some((n) => t.includes(n));
}

function insideSkipped(node: Node, root: Node): boolean {
  for (let el = node.parentElement; el && el !== root; el = el.parentElement) if (isSkippedElement(el)) return true;
  return false;
}

/**
 * Whether the page prints a deletion notice as a line of its own: in the tab's title, or in a
 * short element of the body that is not script, style or Sourcemark's own UI.
 */
export function showsDeletionNotice(doc: Document): boolean {
  if (isNotice(doc.title)) return true;
  const body = doc.body;
  if (!body) return false;
  // It runs on every article page at load; most pages hold no trigger at all (text-nodes-with.ts).
  for (const node of textNodesWith(doc, body, TRIGGERS)) {
    if (insideSkipped(node, body)) continue;
    // Climb while the holder stays a line: the notice may be split by inline markup.
    for (let el = node.parentElement; el && el !== body.parentElement; el = el.parentElement) {
      const text = el.textContent ?? '';
      if (normalizeText(text).length > MAX_NOTICE_CHARS) break;
      if (isNotice(text)) return true;
    }
  }
  return false;
}

/**
 * Whether the article is gone, and how we know: a 404 (or 410) from the server; a short page
 * printing a deletion notice; or no article text at all. An article of pictures alone also has
 * no text, so ask only about an article whose snapshot had paragraphs.
 */
export function articleGone({ status, doc, bodyText }: GoneInput): ArticleGone {
  if (status === 404 || status === 410) return { gone: true, why: '404' };
  const body = squeeze(bodyText);
  if (body.length <= SHORT_BODY && showsDeletionNotice(doc)) return { gone: true, why: 'deleted-page' };
  if (body === '') return { gone: true, why: 'empty-body' };
  return { gone: false };
}
