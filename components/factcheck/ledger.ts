import { CLAIM_CATEGORIES, type ClaimCategory } from '../vocabulary/categories';
import type { PlatformId } from '../vocabulary/page-kinds';
import { VERDICTS, type Verdict } from '../vocabulary/verdicts';
import type { Annotation } from '@/storage/model/annotation';

/**
 * The account ledger: per uploading account, how much of it the reader has read, how often its
 * articles make claims without a source, and what the reader found when checking them. Only
 * arithmetic over what the reader opened; no judgement of the account is made here, and none is
 * stored beyond the reader's own verdicts.
 */

/** One opening of an article, as the content script saw it. */
export interface ArticleOpened {
  pageKey: string;
  platform: PlatformId | null;
  /** The uploading account's name; null when the page names none (such articles join no ledger). */
  account: string | null;
  /** Characters of the article body (see `countChars`). */
  chars: number;
  /** Unsourced claims the detector marked, by category. */
  claims: Record<ClaimCategory, number>;
  /** ISO 8601. */
  opened: string;
}

/** What the ledger needs of an annotation: its page and the reader's assessment. */
export type AssessedAnnotation = Pick<Annotation, 'pageKey' | 'assessment'>;

export interface AccountSummary {
  platform: PlatformId | null;
  account: string;
  /** Distinct articles opened: a page opened again counts once. */
  articles: number;
  /** Body characters over those articles, each at its latest opening. */
  chars: number;
  claims: number;
  claimsByCategory: Record<ClaimCategory, number>;
  /** Unsourced claims per 1,000 characters, to one decimal; null when no characters were read. */
  rate: number | null;
  rateByCategory: Record<ClaimCategory, number | null>;
  /** The reader's assessments on the account's pages (claim marks and highlights), by verdict. */
  verdicts: Record<Verdict, number>;
  /** The latest opening of any of its articles (ISO 8601, as given). */
  lastOpened: string;
  pageKeys: string[];
}

/**
 * Characters of an article body as 每千字 counts them: every character but white space, a
 * character outside the BMP (an emoji) counting once.
 */
export function countChars(paragraphs: readonly string[]): number {
  let n = 0;
  // Characters, not UTF-16 units: a surrogate pair (an emoji, a rare CJK character) is one. One
  // pass of the engine's own regex per paragraph, not one test per character.
  for (const p of paragraphs) {
    const kept = p.replace(/\s+/g, '');
    n += kept.length - (kept.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);
  }
  return n;
}

/** A count as given, or 0 for anything that is not one (NaN, negative, infinite): a rate is never NaN. */
const count = (n: number): number => (Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);

/** Claims per 1,000 characters, rounded to one decimal; null when there are no characters. */
export function per1000(claims: number, chars: number): number | null {
  return chars > 0 ? Math.round((claims * 10_000) / chars) / 10 : null;
}

const time = (iso: string): number => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
};

const zeroCategories = (): Record<ClaimCategory, number> => Object.fromEntries(CLAIM_CATEGORIES.map((c) => [c, 0])) as Record<ClaimCategory, number>;

/** Counts of the reader's verdicts on the given pages. */
export function verdictCounts(annotations: readonly AssessedAnnotation[], pageKeys: ReadonlySet<string>): Record<Verdict, number> {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const a of annotations) if (a.assessment && pageKeys.has(a.pageKey)) counts[a.assessment.verdict]++;
  return counts;
}

/**
 * One summary per account (a platform and a name: one name on two platforms is two accounts).
 * A page opened several times counts once, with its latest opening's numbers and account
 * (recognition may have named the account better the second time); equal times keep the later
 * entry. In no particular order: see `sortLedger`.
 */
export function buildLedger(opened: readonly ArticleOpened[], annotations: readonly AssessedAnnotation[] = []): AccountSummary[] {
  const latest = new Map<string, ArticleOpened>();
  for (const o of opened) {
    const seen = latest.get(o.pageKey);
    if (!seen || time(o.opened) >= time(seen.opened)) latest.set(o.pageKey, o);
  }
  const byAccount = new Map<string, ArticleOpened[]>();
  for (const o of latest.values()) {
    if (o.account === null || o.account === '') continue;
    const key = `${o.platform ?? ''}\u0000${o.account}`;
    const list = byAccount.get(key);
    if (list) list.push(o);
    else byAccount.set(key, [o]);
  }
  return [...byAccount.values()].map((pages) => {
    const first = pages[0]!;
    const claimsByCategory = zeroCategories();
    let chars = 0;
    for (const p of pages) {
      chars += count(p.chars);
      for (const c of CLAIM_CATEGORIES) claimsByCategory[c] += count(p.claims[c]);
    }
    const claims = CLAIM_CATEGORIES.reduce((n, c) => n + claimsByCategory[c], 0);
    const rateByCategory = Object.fromEntries(CLAIM_CATEGORIES.map((c) => [c, per1000(claimsByCategory[c], chars)])) as Record<ClaimCategory, number | null>;
    const pageKeys = pages.map((p) => p.pageKey);
    return {
      platform: first.platform,
      account: first.account ?? '',
      articles: pages.length,
      chars,
      claims,
      claimsByCategory,
      rate: per1000(claims, chars),
      rateByCategory,
      verdicts: verdictCounts(annotations, new Set(pageKeys)),
      lastOpened: pages.reduce((m, p) => (time(p.opened) > time(m.opened) ? p : m)).opened,
      pageKeys,
    };
  });
}

let enNumber: Intl.NumberFormat | undefined;
/**
 * Made on first use, not when the module loads: a renderer's first Intl.NumberFormat costs 20–90
 * ms (ICU's set-up; tests/bench/page-cost.ts), which the content script would otherwise add to
 * every page it loads on, and only an English ledger line needs it.
 */
const EN_NUMBER = { format: (n: number) => (enNumber ??= new Intl.NumberFormat('en-US')).format(n) };

/**
 * The account in one line: articles opened, the rate, and the claims marked false (left out at 0).
 * en: "12 articles you opened; 4.1 unsourced claims per 1,000 characters; 2 claims you marked false"
 * zh: "你打开过 12 篇；每千字 4.1 处无出处说法；你判定 2 处不实"
 */
export function ledgerLine(summary: AccountSummary, lang: 'zh' | 'en'): string {
  const { articles, rate } = summary;
  const falses = summary.verdicts.false;
  const parts: string[] = [];
  if (lang === 'zh') {
    parts.push(`你打开过 ${articles} 篇`);
    if (rate !== null) parts.push(`每千字 ${rate.toFixed(1)} 处无出处说法`);
    if (falses > 0) parts.push(`你判定 ${falses} 处不实`);
    return parts.join('；');
  }
  parts.push(`${EN_NUMBER.format(articles)} ${articles === 1 ? 'article' : 'articles'} you opened`);
  // A decimal takes the plural in English, 1.0 included.
  if (rate !== null) parts.push(`${rate.toFixed(1)} unsourced claims per 1,000 characters`);
  if (falses > 0) parts.push(`${EN_NUMBER.format(falses)} ${falses === 1 ? 'claim' : 'claims'} you marked false`);
  return parts.join('; ');
}

export type LedgerOrder = 'articles' | 'rate' | 'false' | 'name';

/** Chinese names by pinyin (before Latin ones, as the Chinese collation orders scripts), numbers by value. */
const NAMES = new Intl.Collator('zh-Hans-CN', { numeric: true });

const codeOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Name, then platform, then the exact characters: two summaries never compare equal. */
function byName(a: AccountSummary, b: AccountSummary): number {
  return NAMES.compare(a.account, b.account) || codeOrder(a.platform ?? '', b.platform ?? '') || codeOrder(a.account, b.account);
}

const FIRST: Record<LedgerOrder, (a: AccountSummary, b: AccountSummary) => number> = {
  articles: (a, b) => b.articles - a.articles,
  // Accounts with no characters read have no rate: they go last.
  rate: (a, b) => (b.rate ?? -1) - (a.rate ?? -1),
  false: (a, b) => b.verdicts.false - a.verdicts.false,
  name: () => 0,
};

/**
 * The ledger in the order the reader picked: most articles, highest rate or most claims marked
 * false first, or by name; ties by name. A new array; the same input gives the same order on
 * every run.
 */
export function sortLedger(ledger: readonly AccountSummary[], by: LedgerOrder): AccountSummary[] {
  return [...ledger].sort((a, b) => FIRST[by](a, b) || byName(a, b));
}
