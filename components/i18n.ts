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
  },
  en: {
    bannerTitle: 'Self-media upload',
    bannerBody: (account: string | null) =>
      `This article was uploaded and published by ${account ? `the NetEase Hao account “${account}”` : 'a NetEase Hao user'}, not written by NetEase journalists: NetEase only stores it and does not check it.`,
    bannerDismiss: 'Dismiss',
    disclaimerLabel: 'Platform statement',
  },
} as const;

export type Strings = (typeof strings)[Lang];
