import { normalizeText } from './normalize';

/**
 * Finds the self-media statement NetEase prints under every 网易号 article:
 *   特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。
 *   Notice: The content above (…) is uploaded and posted by a user of NetEase Hao, which is a
 *   social media platform and only provides information storage services.
 *
 * Found by text, not by class name (the mobile markup has no `post_statement`), on normalised
 * text so that full-width and half-width copies both match. DOM-only: no extension APIs.
 */

/** Both pieces must be present: the platform's name and its "storage only" claim. */
const ZH_PIECES = ['网易号', '仅提供信息存储服务'];
const EN_PIECES = ['netease hao', 'information storage services'];
/** A cheap pre-filter on raw text node data, before normalising anything. */
const TRIGGERS = ['信息存储', '信息存儲', 'storage services'];

export function isStatementText(text: string): 'zh' | 'en' | null {
  const n = normalizeText(text);
  if (ZH_PIECES.every((p) => n.includes(p))) return 'zh';
  const lower = n.toLowerCase();
  if (EN_PIECES.every((p) => lower.includes(p))) return 'en';
  return null;
}

/**
 * A holder element much longer than the statement is not "the statement's element" (it is a
 * footer or the whole article): marking it would paint unrelated text.
 */
const MAX_HOLDER_CHARS = 400;

/**
 * Returns the smallest elements that each hold one language's statement, in document order.
 * The block around them (which on desktop also holds an ad iframe) is never returned.
 */
export function findStatementElements(root: ParentNode & Node): Element[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const found: Element[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = node.nodeValue ?? '';
    if (!TRIGGERS.some((t) => data.includes(t))) continue;
    // Climb until the ancestor holds every piece: the statement may be split by inline markup.
    for (let el = node.parentElement; el && el !== doc.documentElement; el = el.parentElement) {
      const text = el.textContent ?? '';
      if (text.length > MAX_HOLDER_CHARS * 4) break;
      if (isStatementText(text)) {
        if (normalizeText(text).length <= MAX_HOLDER_CHARS && !found.includes(el)) found.push(el);
        break;
      }
    }
  }
  // If both languages sit in one element, and each also in a child, keep the children only.
  return found.filter((el) => !found.some((other) => other !== el && el.contains(other)));
}
