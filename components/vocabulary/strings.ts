/**
 * UI strings in the two languages Sourcemark speaks. Kept as plain data (not `_locales`) because
 * some strings take values and the content script picks the language from the page's browser,
 * which tests set per context.
 */
export type Lang = 'zh' | 'en';

/** `zh`, `zh-CN`, `zh-Hant-TW` … read Chinese; everything else reads English. */
export function langOf(tag: string | undefined | null): Lang {
  return tag && /^zh\b/i.test(tag) ? 'zh' : 'en';
}

export const strings = {
  zh: {
    bannerTitle: '自媒体文章',
    bannerBody: (account: string | null) =>
      `这篇文章由网易号${account ? `“${account}”` : '用户'}上传并发布，不是网易的新闻报道：网易只提供信息存储服务，不核实内容。`,
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
    colors: { yellow: '黄色', green: '绿色', blue: '蓝色', pink: '粉色', purple: '紫色' },
    categories: { vague: '来源模糊', certainty: '无据断言', statistic: '无出处数字' },
    auditTitle: (n: number) => (n ? `本文有 ${n} 处没有可核查出处的说法` : '没有发现缺少出处的说法'),
    auditShow: '列出标记',
    auditHide: '收起列表',
    claimsOff: '隐藏标记',
    claimsOn: '显示标记',
  },
  en: {
    bannerTitle: 'Self-media upload',
    bannerBody: (account: string | null) =>
      `This article was uploaded and published by ${account ? `the NetEase Hao account “${account}”` : 'a NetEase Hao user'}, not written by NetEase journalists: NetEase only stores it and does not check it.`,
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
    colors: { yellow: 'yellow', green: 'green', blue: 'blue', pink: 'pink', purple: 'purple' },
    categories: { vague: 'Vague source', certainty: 'Unbacked certainty', statistic: 'Unsourced number' },
    auditTitle: (n: number) =>
      n ? `${n} claim${n === 1 ? '' : 's'} here name no source you could check` : 'No unsourced claims found',
    auditShow: 'List the marks',
    auditHide: 'Hide the list',
    claimsOff: 'Hide marks',
    claimsOn: 'Show marks',
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
