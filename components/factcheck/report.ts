import { CATEGORY_NAMES, CLAIM_CATEGORIES, type ClaimCategory } from '../vocabulary/categories';
import { strings, type Lang } from '../vocabulary/strings';
import { VERDICT_ICONS, VERDICT_NAMES, VERDICTS, type Verdict } from '../vocabulary/verdicts';
import type { Color } from '@/storage/model/colors';

/**
 * "This article's audit": what Sourcemark marked on one article and what the reader made of it,
 * as a file the reader keeps or hands on (report-markdown.ts, report-html.ts). This module holds
 * what both formats share: the input, the words and the counts. Everything in the input except
 * the counts came from the web page or from the reader, so both formats treat it as text.
 */

export interface AuditClaim {
  /** The claim's number on the page (`data-claim-index`). */
  index: number;
  category: ClaimCategory;
  sentence: string;
  /** Why Sourcemark marked it, in the report's language. */
  reason: string;
  /** The reader's verdict; null when they have not assessed it. */
  verdict: Verdict | null;
  note: string;
  evidence: string[];
}

export interface AuditHighlight {
  quote: string;
  note: string;
  tags: string[];
  color: Color;
  verdict?: Verdict | null;
  evidence?: string[];
}

export interface ArticleAudit {
  lang: Lang;
  article: {
    url: string;
    title: string;
    account: string | null;
    /** The platform's self-media product as the reader knows it (网易号, Sohu Hao), if any. */
    platform: string | null;
    statement: string | null;
  };
  snapshot: { taken: string; sha256: string } | null;
  /** In page order. */
  claims: AuditClaim[];
  highlights: AuditHighlight[];
  generated: Date;
}

export const REPORT_WORDS = {
  zh: {
    title: (t: string) => `核查记录：${t}`,
    untitled: '（无标题）',
    url: '网址',
    account: '账号',
    platform: '平台',
    statement: '平台声明',
    snapshot: '正文快照',
    snapshotOf: (time: string) => `${time} 保存`,
    noSnapshot: '未保存正文快照',
    generated: '生成时间',
    claims: (n: number) => `无出处的说法（${n} 处）`,
    noClaims: 'Sourcemark 没有在这篇文章里标出无出处的说法。',
    byCategory: '按类别',
    yourVerdicts: '你的判定',
    notAssessed: '未判定',
    why: '标记原因',
    note: '笔记',
    evidence: '证据',
    notWeb: '（不是网页地址，未作链接）',
    highlights: (n: number) => `高亮与笔记（${n} 条）`,
    color: '颜色',
    tags: '标签',
    footer: '由 Sourcemark 生成。标记依据文字规则，不是事实核查结论；判定与笔记是读者自己的。',
    listSep: '、',
    clauseSep: '，',
    colon: '：',
  },
  en: {
    title: (t: string) => `Audit: ${t}`,
    untitled: '(untitled)',
    url: 'Address',
    account: 'Account',
    platform: 'Platform',
    statement: 'Platform statement',
    snapshot: 'Text snapshot',
    snapshotOf: (time: string) => `taken ${time}`,
    noSnapshot: 'No snapshot of the text was taken',
    generated: 'Generated',
    claims: (n: number) => `Claims without a source (${n})`,
    noClaims: 'Sourcemark marked no claim without a source in this article.',
    byCategory: 'By category',
    yourVerdicts: 'Your verdicts',
    notAssessed: 'Not assessed',
    why: 'Why it is marked',
    note: 'Note',
    evidence: 'Evidence',
    notWeb: '(not a web address, not linked)',
    highlights: (n: number) => `Highlights and notes (${n})`,
    color: 'Colour',
    tags: 'Tags',
    footer: 'Made by Sourcemark. Marks come from wording rules, not from checking facts; the verdicts and notes are the reader’s own.',
    listSep: ', ',
    clauseSep: ', ',
    colon: ': ',
  },
} as const;

export type ReportWords = (typeof REPORT_WORDS)[Lang];

/** A verdict as words with its glyph, so it never rests on colour: "✗ False". */
export function verdictLabel(lang: Lang, verdict: Verdict | null | undefined): string {
  return verdict ? `${VERDICT_ICONS[verdict]} ${VERDICT_NAMES[lang][verdict]}` : REPORT_WORDS[lang].notAssessed;
}

export function categoryLabel(lang: Lang, category: ClaimCategory): string {
  return CATEGORY_NAMES[lang][category];
}

/** A highlight colour's name as a label: the toolbar's word, capitalised where the script has case. */
export function colorLabel(lang: Lang, color: Color): string {
  const name = strings[lang].colors[color];
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Only http(s) addresses become links: evidence is typed by the reader or imported, and a
 * `javascript:` or `data:` link in a saved report would run when clicked.
 */
export function isWebLink(s: string): boolean {
  if (!/^https?:\/\//i.test(s)) return false;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A moment as "2026-02-01 08:00 UTC": one zone for every reader, and the same file every time. */
export function utcTime(when: Date | string): string {
  const d = typeof when === 'string' ? new Date(when) : when;
  if (Number.isNaN(d.getTime())) return typeof when === 'string' ? when : '';
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "来源模糊 2、无出处数字 1": the categories that occur, in the vocabulary's order. */
export function categoryTally(audit: ArticleAudit): string {
  const w = REPORT_WORDS[audit.lang];
  return CLAIM_CATEGORIES.map((c) => [c, audit.claims.filter((x) => x.category === c).length] as const)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${categoryLabel(audit.lang, c)} ${n}`)
    .join(w.listSep);
}

/** "✗ 不实 1、未判定 2": the reader's verdicts on the claims, those not assessed last. */
export function verdictTally(audit: ArticleAudit): string {
  const w = REPORT_WORDS[audit.lang];
  const parts = VERDICTS.map((v) => [v, audit.claims.filter((x) => x.verdict === v).length] as const)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${verdictLabel(audit.lang, v)} ${n}`);
  const open = audit.claims.filter((x) => x.verdict === null).length;
  if (open > 0) parts.push(`${w.notAssessed} ${open}`);
  return parts.join(w.listSep);
}
