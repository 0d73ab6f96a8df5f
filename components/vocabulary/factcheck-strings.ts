import type { Lang } from './strings';

/** The words of the snapshot, change and gone notices in the page, and of the ledger line. */
export const factcheckStrings = {
  zh: {
    changedTitle: (date: string) => `这篇文章在你 ${date} 保存副本之后被修改过`,
    changedSummary: (c: number, a: number, r: number) =>
      [c ? `${c} 段改动` : '', a ? `${a} 段新增` : '', r ? `${r} 段删除` : ''].filter(Boolean).join('，'),
    showChanges: '查看改动',
    paragraph: (n: number) => `第 ${n} 段`,
    before: '原文',
    after: '现在',
    added: '新增',
    removed: '已删除',
    goneTitle: '这篇文章已经不在了',
    goneWhy: { '404': '页面返回“找不到”（404）。', 'deleted-page': '平台显示文章已被删除。', 'empty-body': '页面上已经没有正文。' },
    goneCopy: (date: string) => `你在 ${date} 保存了它的副本，连同你的高亮和核查结论。`,
    openCopy: '打开我的副本',
    ledgerLabel: '你的账号记录',
  },
  en: {
    changedTitle: (date: string) => `This article changed since you kept a copy on ${date}`,
    changedSummary: (c: number, a: number, r: number) =>
      [
        c ? `${c} paragraph${c === 1 ? '' : 's'} changed` : '',
        a ? `${a} added` : '',
        r ? `${r} removed` : '',
      ]
        .filter(Boolean)
        .join(', '),
    showChanges: 'Show the changes',
    paragraph: (n: number) => `Paragraph ${n}`,
    before: 'Then',
    after: 'Now',
    added: 'Added',
    removed: 'Removed',
    goneTitle: 'This article is gone',
    goneWhy: {
      '404': 'The page answers “not found” (404).',
      'deleted-page': 'The platform says it was deleted.',
      'empty-body': 'The page has no article text any more.',
    },
    goneCopy: (date: string) => `You kept a copy on ${date}, with your highlights and verdicts.`,
    openCopy: 'Open my copy',
    ledgerLabel: 'Your account ledger',
  },
} as const satisfies Record<Lang, Record<string, unknown>>;

/** A snapshot's time as the reader's calendar date and time, in their language. */
export function snapshotDate(iso: string, lang: Lang): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
