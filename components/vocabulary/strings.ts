/**
 * Every string Sourcemark shows, in the two languages it speaks: one module, in two sections.
 * Kept as plain data (not `_locales`) because many strings take values and the content script
 * picks the language from the page's browser, which tests set per context.
 *
 * The page section (`strings`) and the popup/options section (`popupStrings`) stay separate
 * objects so that a bundle takes only its own: the content script, which every page loads, has a
 * size budget (README, Benchmarks), and the popup's strings are most of this file. Words both use
 * (colours) are defined once below; the claim categories' names live in categories.ts, next to
 * the categories themselves, and both the page and the popup read them from there.
 */
import type { Color } from '@/storage/model/colors';
import type { PlatformEntry } from '@/components/recognition/platforms/types';
import type { Lang } from './lang';

/** A platform's portal and self-media product names (components/recognition/platforms). */
export type PlatformNames = PlatformEntry['names'];
export type PlatformRole = PlatformEntry['role'];

export { langOf, resolveLang, type Lang } from './lang';

/** Highlight colours by name, as the toolbar's buttons and the popup's filter say them. */
const COLOR_NAMES: Record<Lang, Record<Color, string>> = {
  zh: { yellow: '黄色', green: '绿色', blue: '蓝色', pink: '粉色', purple: '紫色' },
  en: { yellow: 'yellow', green: 'green', blue: 'blue', pink: 'pink', purple: 'purple' },
};

// ---------------------------------------------------------------------------------------------
// The page: banner, claim tooltip and audit, selection toolbar, note editor, context menu.
// ---------------------------------------------------------------------------------------------

export const strings = {
  zh: {
    bannerTitle: '自媒体文章',
    bannerBody: (p: PlatformNames, account: string | null, role: PlatformRole | 'silent') => {
      const who = `${p.product.zh}${account ? `“${account}”` : '用户'}`;
      if (role === 'silent') return `这篇文章由${who}发布，不是${p.portal.zh}的新闻报道。${p.portal.zh}发布用户上传的文章却不附任何声明，也不核实内容。`;
      const does = { stores: '只提供信息存储服务', publishes: '只提供发布平台', disowns: '声明它不代表平台的观点' }[role];
      return `这篇文章由${who}上传并发布，不是${p.portal.zh}的新闻报道：${p.portal.zh}${does}，不核实内容。`;
    },
    bannerDismiss: '关闭提示',
    disclaimerLabel: '平台声明',
    highlight: '高亮',
    note: '笔记',
    save: '保存',
    cancel: '取消',
    edit: '编辑笔记',
    delete: '删除',
    recolor: '换颜色',
    toolbar: 'Sourcemark 工具栏',
    noNote: '（没有笔记）',
    noteGone: '这条高亮已经删除。',
    saveFailed: (why: string) => `没有保存：${why}`,
    colors: COLOR_NAMES.zh,
    auditTitle: (n: number) => (n ? `本文有 ${n} 处没有可核查出处的说法` : '没有发现缺少出处的说法'),
    auditShow: '列出标记',
    auditHide: '收起列表',
    claimsOff: '隐藏标记',
    claimsOn: '显示标记',
    verdictLabel: '你的判断',
    assess: '备注与证据…',
  },
  en: {
    bannerTitle: 'Self-media upload',
    bannerBody: (p: PlatformNames, account: string | null, role: PlatformRole | 'silent') => {
      const who = account ? `the ${p.product.en} account “${account}”` : `a ${p.product.en} user`;
      if (role === 'silent') return `This article was published by ${who}, not written by ${p.portal.en} journalists. ${p.portal.en} publishes its users' uploads without any statement saying so, and does not check them.`;
      const does = { stores: 'only stores it', publishes: 'only provides the platform it is published on', disowns: 'says it does not speak for the platform' }[role];
      return `This article was uploaded and published by ${who}, not written by ${p.portal.en} journalists: ${p.portal.en} ${does} and does not check it.`;
    },
    bannerDismiss: 'Dismiss',
    disclaimerLabel: 'Platform statement',
    highlight: 'Highlight',
    note: 'Note',
    save: 'Save',
    cancel: 'Cancel',
    edit: 'Edit note',
    delete: 'Delete',
    recolor: 'Colour',
    toolbar: 'Sourcemark toolbar',
    noNote: '(no note)',
    noteGone: 'This highlight was deleted.',
    saveFailed: (why: string) => `Not saved: ${why}`,
    colors: COLOR_NAMES.en,
    auditTitle: (n: number) =>
      n ? `${n} claim${n === 1 ? '' : 's'} here name no source you could check` : 'No unsourced claims found',
    auditShow: 'List the marks',
    auditHide: 'Hide the list',
    claimsOff: 'Hide marks',
    claimsOn: 'Show marks',
    verdictLabel: 'Your verdict',
    assess: 'Note and evidence…',
  },
} as const;

export type Strings = (typeof strings)[Lang];

/**
 * Accessible name of a colour's highlight button. The default colour's button is named just
 * 高亮 / Highlight (what a reader looks for); the others add their colour.
 */
export function highlightLabel(lang: Lang, color: keyof Strings['colors'], isDefault: boolean): string {
  const t = strings[lang];
  return isDefault ? t.highlight : `${t.highlight}: ${t.colors[color]}`;
}

// ---------------------------------------------------------------------------------------------
// The popup and the options page. Functions take counts and names; everything they return is
// plain text (rendered as text nodes).
// ---------------------------------------------------------------------------------------------

const popupZh = {
  appName: 'Sourcemark',
  tabThisPage: '此页',
  tabAll: '全部批注',
  settings: '设置',
  loading: '正在读取…',
  // This page
  thisPageUnsupported: 'Sourcemark 不能在这个页面上运行（浏览器页面、扩展页面或本地文件）。',
  notRunning: 'Sourcemark 还没有在这个页面上运行。',
  useHere: '在此页使用 Sourcemark',
  enabling: '正在启动…',
  enableFailed: (why: string) => `没能启动：${why}`,
  kindSelfMedia: (p: PlatformNames) => `${p.product.zh}自媒体文章`,
  kindSelfMediaBody: (p: PlatformNames, account: string | null) =>
    `由${p.product.zh}${account ? `“${account}”` : '用户'}上传，${p.portal.zh}只提供存储，不核实内容。`,
  kindEditorial: (p: PlatformNames) => `${p.portal.zh}自己的新闻报道（不是${p.product.zh}）`,
  claimAudit: '无出处的说法',
  pageHighlights: (n: number) => `此页的高亮和笔记（${n}）`,
  noPageHighlights: '这一页还没有高亮。选中文字，点“高亮”或“笔记”。',
  orphans: (n: number) => `页面上找不到的高亮（${n}）`,
  orphansHint: '原文可能改过了。引用的文字还在：',
  // All
  searchLabel: '搜索引用、笔记、标题和标签',
  searchPlaceholder: '搜索…（中文可直接输入片段）',
  colorFilter: '按颜色筛选',
  tagFilter: '按标签筛选',
  anyTag: '所有标签',
  clearFilters: '清除筛选',
  results: (shown: number, total: number) => (shown < total ? `找到 ${total} 条，显示前 ${shown} 条` : `找到 ${total} 条`),
  noResults: '没有找到。换个词试试，中文可以只输入其中几个字。',
  searching: '正在搜索…',
  more: '显示更多',
  pageCount: (n: number) => `${n} 条`,
  expand: '展开',
  collapse: '收起',
  // Items
  goTo: '打开并定位',
  editNote: '编辑笔记',
  addNote: '添加笔记',
  noteLabel: '笔记',
  save: '保存',
  cancel: '取消',
  delete: '删除',
  deleted: '已删除一条批注。',
  undo: '撤销',
  notFoundOnPage: '页面上找不到',
  failed: (why: string) => `操作失败：${why}`,
  colors: COLOR_NAMES.zh,
  // Empty state
  emptyTitle: '还没有批注',
  emptySteps: [
    '打开一篇自媒体文章，比如网易号、搜狐号或公众号（或在任意网页点“在此页使用 Sourcemark”）。',
    '选中一段文字，点“高亮”，或点“笔记”写下你的疑问。',
    '回到这里：所有批注按页面列出，可以搜索、编辑、导出。',
  ],
  emptyImport: '已有 Hypothesis 或 Sourcemark 的导出文件？在设置里导入。',
  // Export
  exportTitle: '导出',
  exportScope: '范围',
  scopeAll: '全部',
  scopePage: '此页',
  scopeSearch: '当前搜索结果',
  exportFormat: '格式',
  formatJsonLd: 'JSON-LD（W3C，可再导入）',
  formatMd: 'Markdown（Obsidian / Logseq）',
  formatCsv: 'CSV（表格）',
  exportButton: '下载',
  exporting: (done: number, total: number) => `正在导出 ${done} / ${total}`,
  exported: (n: number, name: string) => `已导出 ${n} 条：${name}`,
  exportEmpty: '这个范围里没有批注。',
  exportFailed: (why: string) => `导出失败：${why}`,
  importLink: '导入…',
  // Options
  optionsTitle: 'Sourcemark 设置',
  sectionReading: '阅读',
  claimsEnabled: '标出无出处的说法',
  bannerEnabled: '在自媒体文章上方显示提示',
  defaultColor: '默认高亮颜色',
  language: '界面语言',
  languageAuto: '跟随浏览器',
  saved: '已保存',
  sectionSites: '自动运行的网站',
  sitesHint: '网易号、搜狐号、百家号、公众号等自媒体文章总是自动运行。在这里添加的网站，打开时也会自动显示你的高亮。',
  noSites: '还没有添加网站。',
  revoke: '移除',
  addSite: '添加网站',
  siteLabel: '网站地址',
  sitePlaceholder: 'https://example.com',
  siteInvalid: '请输入以 http:// 或 https:// 开头的网址。',
  siteDenied: '没有得到浏览器的授权。',
  sectionData: '数据',
  exportAll: '导出全部',
  importTitle: '导入',
  importHint: '支持 Sourcemark 导出的 JSON-LD 和 Hypothesis 的导出文件。写入前会先显示要导入的内容。',
  chooseFile: '选择文件',
  reading: '正在读取文件…',
  badFile: (name: string, why: string) => `“${name}”不能导入：${why}`,
  previewTitle: (name: string) => `“${name}”`,
  previewNew: (n: number) => `新批注：${n}`,
  previewPresent: (n: number) => `已经有了（相同）：${n}`,
  previewChanged: (n: number) => `已有但内容不同：${n}`,
  previewInvalid: (n: number) => `无效，不会导入：${n}`,
  modeSkip: '保留我现有的版本',
  modeUpdate: '用文件里的版本更新',
  importConfirm: (n: number) => `导入 ${n} 条`,
  importNothing: '没有需要导入的内容。',
  importing: (total: number) => `正在写入 ${total} 条…`,
  imported: (added: number, updated: number) => `已导入：新增 ${added} 条，更新 ${updated} 条。`,
  importedSnapshots: (added: number, refused: number) =>
    `文章副本：新增 ${added} 份${refused ? `；${refused} 份的正文与其哈希不符，未导入` : ''}。`,
  importFailed: (why: string) => `导入失败，数据库没有改变：${why}`,
  deleteAllTitle: '删除全部批注',
  deleteAllHint: (word: string, n: number) => `这会删除全部 ${n} 条批注，无法撤销。建议先导出。请输入“${word}”确认：`,
  deleteAllWord: '删除全部',
  deleteAllButton: '永久删除',
  deletedAll: (n: number) => `已删除 ${n} 条批注。`,
};

export type PopupStrings = typeof popupZh;

const popupEn: PopupStrings = {
  appName: 'Sourcemark',
  tabThisPage: 'This page',
  tabAll: 'All annotations',
  settings: 'Settings',
  loading: 'Loading…',
  thisPageUnsupported: 'Sourcemark cannot run on this page (a browser page, an extension page or a local file).',
  notRunning: 'Sourcemark is not running on this page yet.',
  useHere: 'Use Sourcemark on this page',
  enabling: 'Starting…',
  enableFailed: (why: string) => `Could not start: ${why}`,
  kindSelfMedia: (p: PlatformNames) => `${p.product.en} self-media article`,
  kindSelfMediaBody: (p: PlatformNames, account: string | null) =>
    `Uploaded by ${account ? `the ${p.product.en} account “${account}”` : `a ${p.product.en} user`}; ${p.portal.en} only stores it and does not check it.`,
  kindEditorial: (p: PlatformNames) => `${p.portal.en}'s own news report (not ${p.product.en})`,
  claimAudit: 'Claims without a source',
  pageHighlights: (n: number) => `Highlights and notes on this page (${n})`,
  noPageHighlights: 'No highlights on this page yet. Select text, then choose “Highlight” or “Note”.',
  orphans: (n: number) => `Highlights not found on the page (${n})`,
  orphansHint: 'The article may have changed. The quoted text is kept:',
  searchLabel: 'Search quotes, notes, titles and tags',
  searchPlaceholder: 'Search… (any part of a word, Chinese too)',
  colorFilter: 'Filter by colour',
  tagFilter: 'Filter by tag',
  anyTag: 'All tags',
  clearFilters: 'Clear filters',
  results: (shown: number, total: number) =>
    shown < total ? `${total} found, showing the first ${shown}` : `${total} found`,
  noResults: 'Nothing found. Try fewer or shorter words; for Chinese, a few characters are enough.',
  searching: 'Searching…',
  more: 'Show more',
  pageCount: (n: number) => `${n} ${n === 1 ? 'annotation' : 'annotations'}`,
  expand: 'Expand',
  collapse: 'Collapse',
  goTo: 'Open and show',
  editNote: 'Edit note',
  addNote: 'Add note',
  noteLabel: 'Note',
  save: 'Save',
  cancel: 'Cancel',
  delete: 'Delete',
  deleted: 'Annotation deleted.',
  undo: 'Undo',
  notFoundOnPage: 'not found on the page',
  failed: (why: string) => `That did not work: ${why}`,
  colors: COLOR_NAMES.en,
  emptyTitle: 'No annotations yet',
  emptySteps: [
    'Open a self-media article, such as NetEase Hao, Sohu Hao or WeChat (or, on any page, choose “Use Sourcemark on this page”).',
    'Select some text and choose “Highlight”, or “Note” to write down your question.',
    'Come back here: every annotation is listed by page, to search, edit and export.',
  ],
  emptyImport: 'Have a Hypothesis or Sourcemark export? Import it in Settings.',
  exportTitle: 'Export',
  exportScope: 'Scope',
  scopeAll: 'All',
  scopePage: 'This page',
  scopeSearch: 'Current search result',
  exportFormat: 'Format',
  formatJsonLd: 'JSON-LD (W3C, re-importable)',
  formatMd: 'Markdown (Obsidian / Logseq)',
  formatCsv: 'CSV (spreadsheet)',
  exportButton: 'Download',
  exporting: (done: number, total: number) => `Exporting ${done} / ${total}`,
  exported: (n: number, name: string) => `Exported ${n}: ${name}`,
  exportEmpty: 'No annotations in this scope.',
  exportFailed: (why: string) => `Export failed: ${why}`,
  importLink: 'Import…',
  optionsTitle: 'Sourcemark settings',
  sectionReading: 'Reading',
  claimsEnabled: 'Mark claims without a source',
  bannerEnabled: 'Show the banner above self-media articles',
  defaultColor: 'Default highlight colour',
  language: 'Language',
  languageAuto: 'Same as the browser',
  saved: 'Saved',
  sectionSites: 'Sites where Sourcemark runs automatically',
  sitesHint: 'Self-media articles (NetEase Hao, Sohu Hao, Baijiahao, WeChat and the others) always get Sourcemark. Sites added here show your highlights as soon as they open.',
  noSites: 'No sites added.',
  revoke: 'Remove',
  addSite: 'Add site',
  siteLabel: 'Site address',
  sitePlaceholder: 'https://example.com',
  siteInvalid: 'Enter an address starting with http:// or https://.',
  siteDenied: 'The browser did not grant access.',
  sectionData: 'Data',
  exportAll: 'Export all',
  importTitle: 'Import',
  importHint: "Sourcemark's JSON-LD exports and Hypothesis exports. You see what will be imported before anything is written.",
  chooseFile: 'Choose a file',
  reading: 'Reading the file…',
  badFile: (name: string, why: string) => `“${name}” cannot be imported: ${why}`,
  previewTitle: (name: string) => `“${name}”`,
  previewNew: (n: number) => `New: ${n}`,
  previewPresent: (n: number) => `Already present (identical): ${n}`,
  previewChanged: (n: number) => `Present with different content: ${n}`,
  previewInvalid: (n: number) => `Invalid, will not be imported: ${n}`,
  modeSkip: 'Keep my current versions',
  modeUpdate: "Update them to the file's versions",
  importConfirm: (n: number) => `Import ${n}`,
  importNothing: 'Nothing to import.',
  importing: (total: number) => `Writing ${total}…`,
  imported: (added: number, updated: number) => `Imported: ${added} added, ${updated} updated.`,
  importedSnapshots: (added: number, refused: number) =>
    `Article copies: ${added} added${refused ? `; ${refused} not imported, their text does not match their hash` : ''}.`,
  importFailed: (why: string) => `Import failed; the database was not changed: ${why}`,
  deleteAllTitle: 'Delete all annotations',
  deleteAllHint: (word: string, n: number) =>
    `This deletes all ${n} annotations and cannot be undone. Export first if in doubt. Type “${word}” to confirm:`,
  deleteAllWord: 'DELETE',
  deleteAllButton: 'Delete permanently',
  deletedAll: (n: number) => `Deleted ${n} annotations.`,
};

export const popupStrings: Record<Lang, PopupStrings> = { zh: popupZh, en: popupEn };

/** Dates as a reader of that language writes them, in their own time zone. */
export function formatDate(lang: Lang, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return dateFormat(lang).format(d);
}

/** One formatter per language, made on first use: `toLocaleDateString` makes a new one for every
 * call, and the popup's list formats a date for each page heading it renders, on every keystroke. */
const dateFormats = new Map<Lang, Intl.DateTimeFormat>();
function dateFormat(lang: Lang): Intl.DateTimeFormat {
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric' });
    dateFormats.set(lang, f);
  }
  return f;
}
