import type { Lang } from './strings';

/**
 * The words of the account ledger page (ledger.html) and of the links to it from the options page
 * and the popup. The ledger line in the banner is `ledgerLine` (components/factcheck/ledger.ts).
 */
export const ledgerStrings = {
  zh: {
    title: '账号记录',
    open: '打开账号记录',
    optionsHint: '按自媒体账号统计你打开过的文章、每千字的无出处说法和你的核查结论。',
    intro: '你打开过的每个自媒体账号：读了几篇，每千字有几处没有出处的说法，你核查后的结论。只是计数，不评判账号。',
    // Sync carries annotations (verdicts are annotations); backups and exports are of annotations too.
    privacy: '记录只保存在这个浏览器里，从不发送到任何地方：同步、备份和导出都不包含它（只有你的核查结论作为批注随之同步）。',
    enabled: '统计我打开的文章',
    accounts: (n: number) => `${n} 个账号`,
    caption: '按账号统计你打开过的文章',
    account: '账号',
    platform: '平台',
    articles: '文章',
    ratesGroup: '每千字无出处说法',
    rateAll: '全部',
    verdictsGroup: '你的核查结论',
    lastOpened: '最近打开',
    showArticles: (account: string, n: number) => `展开“${account}”的 ${n} 篇文章`,
    articlesOf: (account: string) => `“${account}”的文章`,
    opened: '打开于',
    claims: (n: number) => `${n} 处无出处说法`,
    snapshot: '副本',
    snapshotLabel: (title: string) => `“${title}”的副本`,
    untitled: '（无标题）',
    noRate: '—',
    empty: '还没有记录。开着统计时打开一篇自媒体文章，它的账号就会出现在这里。',
    emptyOff: '统计已关闭，不会记录你打开的文章。',
    clear: '清空记录…',
    clearAsk: (n: number) => `清空全部 ${n} 篇文章的记录？清空后无法恢复。你的批注和核查结论不受影响。`,
    clearConfirm: '清空',
    cancel: '取消',
    cleared: (n: number) => `已清空 ${n} 篇文章的记录。`,
    saved: '已保存。',
    failed: (why: string) => `没有成功：${why}`,
    loading: '正在读取……',
  },
  en: {
    title: 'Account ledger',
    open: 'Open the account ledger',
    optionsHint: 'Per self-media account: the articles you opened, unsourced claims per 1,000 characters, and your verdicts.',
    intro:
      'Every self-media account whose articles you opened: how many you read, how many claims without a source they make per 1,000 characters, and what you found when you checked. Counts only; no judgement of the account.',
    privacy:
      'The ledger stays in this browser and is never sent anywhere: sync, backups and exports leave it out (only your verdicts, which are annotations, sync with them).',
    enabled: 'Count the articles I open',
    accounts: (n: number) => `${n} ${n === 1 ? 'account' : 'accounts'}`,
    caption: 'The articles you opened, by account',
    account: 'Account',
    platform: 'Platform',
    articles: 'Articles',
    ratesGroup: 'Unsourced claims per 1,000 characters',
    rateAll: 'All',
    verdictsGroup: 'Your verdicts',
    lastOpened: 'Last opened',
    showArticles: (account: string, n: number) => `Show the ${n} ${n === 1 ? 'article' : 'articles'} of ${account}`,
    articlesOf: (account: string) => `Articles of ${account}`,
    opened: 'Opened',
    claims: (n: number) => `${n} unsourced ${n === 1 ? 'claim' : 'claims'}`,
    snapshot: 'Snapshot',
    snapshotLabel: (title: string) => `Snapshot of “${title}”`,
    untitled: '(untitled)',
    noRate: '—',
    empty: 'Nothing counted yet. Open a self-media article with counting on, and its account appears here.',
    emptyOff: 'Counting is off: the articles you open are not recorded.',
    clear: 'Clear the ledger…',
    clearAsk: (n: number) =>
      `Forget all ${n} ${n === 1 ? 'article' : 'articles'} in the ledger? This cannot be undone. Your annotations and verdicts stay.`,
    clearConfirm: 'Clear',
    cancel: 'Cancel',
    cleared: (n: number) => `Cleared ${n} ${n === 1 ? 'article' : 'articles'} from the ledger.`,
    saved: 'Saved.',
    failed: (why: string) => `Did not work: ${why}`,
    loading: 'Reading…',
  },
} as const satisfies Record<Lang, Record<string, unknown>>;

export type LedgerStrings = (typeof ledgerStrings)[Lang];

/** When an article was opened, as the reader's calendar date, in their language. */
export function openedDate(iso: string, lang: Lang): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric' });
}
