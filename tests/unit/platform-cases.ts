import type { PlatformId } from '@/components/vocabulary/page-kinds';

/**
 * What each registry entry must recognise, as written on real pages (shared/notes/platforms.md,
 * netease.md) and as copies of them print it. tests/unit/platforms.test.ts runs every case against
 * its entry; a new platform adds its cases here.
 */
export interface PlatformCases {
  selfMedia: string[];
  /** Shared by self-media and the newsroom: only the page can tell. */
  either: string[];
  editorial: string[];
  /** Addresses on the portal (or look-alikes) that are no article of this platform. */
  none: string[];
  statements: { lang: 'zh' | 'en'; text: string }[];
  /** Lines that look like a statement and are not the platform's: an author's own, the newsroom's. */
  notStatements: string[];
}

const NE = 'KKG7R2LD0525KQ8M';

export const CASES: Record<PlatformId, PlatformCases> = {
  netease: {
    selfMedia: [
      `https://www.163.com/dy/article/${NE}.html`,
      `https://www.163.com/dy/article/${NE}.html?f=post2020_dy_recommends`,
      `https://www.163.com/dy/article/${NE}_pdya11y.html`,
      `https://m.163.com/dy/article/${NE}.html`,
      `https://3g.163.com/dy/article/${NE}.html`,
      `https://3g.163.com/dy/article_v2/${NE}.html`,
    ],
    either: [
      `https://c.m.163.com/news/a/${NE}.html?spss=newsapp`,
      `https://m.163.com/touch/article.html?docid=${NE}`,
      `https://3g.163.com/news/article/${NE}.html`,
      `https://3g.163.com/touch/article.html?docid=${NE}`,
    ],
    editorial: [
      'https://www.163.com/news/article/KKF0J8SD000189FH.html',
      'https://www.163.com/sports/article/KKF0J8SD000589FH_pa11y.html',
      'https://m.163.com/news/article/KKF0J8SD000189FH.html',
      `https://news.163.com/26/0125/03/${NE}.html`,
    ],
    none: [
      `http://www.163.com/dy/article/${NE}.html`,
      `https://www.163.com/dy/article/${NE.toLowerCase()}.html`,
      `https://www.163.com/dy/article/${NE}X.html`,
      'https://www.163.com/dy/media/T1603594732083.html',
      'https://m.163.com/touch/article.html?docid=short',
      'https://www.163.com/',
      `https://www.163.com.evil.example/dy/article/${NE}.html`,
      `https://evil163.com/dy/article/${NE}.html`,
    ],
    statements: [
      { lang: 'zh', text: '特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。' },
      { lang: 'zh', text: '特别声明：本文为网易自媒体平台“网易号”作者上传并发布，仅代表该作者观点。网易仅提供信息发布平台。' },
      {
        lang: 'en',
        text: 'Notice: The content above (including the pictures and videos if any) is uploaded and posted by a user of NetEase Hao, which is a social media platform and only provides information storage services.',
      },
    ],
    notStatements: ['声明：个人原创，仅供参考', '网易号是网易的自媒体平台。', '本文来源：新华社 责任编辑：王宁_NBJ11279'],
  },
  sohu: {
    selfMedia: [
      'https://www.sohu.com/a/812345678_121106842',
      'https://sports.sohu.com/a/812345678_121106842',
      'https://m.sohu.com/a/812345678_121106842?scm=1',
    ],
    either: [],
    editorial: [],
    none: ['https://www.sohu.com/', 'https://mp.sohu.com/profile?xpt=abc', 'https://www.sohu.com/a/812345678', 'http://www.sohu.com/a/812345678_121106842'],
    statements: [
      { lang: 'zh', text: '声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。' },
      { lang: 'zh', text: '平台声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。' },
      { lang: 'zh', text: '声明：本文由入驻搜狐号的作者撰写，除搜狐官方账号外，观点仅代表作者本人，不代表搜狐立场。' },
    ],
    notStatements: ['声明：该文观点仅代表作者本人。', '返回搜狐，查看更多', '责任编辑：'],
  },
  tencent: {
    selfMedia: [],
    either: [
      'https://news.qq.com/rain/a/20250609A08RVC00',
      'https://news.qq.com/rain/a/20250609V08RVC00?uid=1',
      'https://new.qq.com/rain/a/20210101A0ABCD00',
      'https://view.inews.qq.com/a/20210101A0ABCD00',
    ],
    editorial: [],
    none: ['https://news.qq.com/', 'https://news.qq.com/omn/author/8QMd3Hld7YYdvDbZ', 'https://news.qq.com/rain/a/20250609A08RVC', 'https://qq.com.evil.example/rain/a/20250609A08RVC00'],
    statements: [
      { lang: 'zh', text: '免责声明：本内容来自腾讯平台创作者，不代表腾讯新闻或腾讯网的观点和立场。' },
      { lang: 'zh', text: '本文来自腾讯新闻客户端创作者，不代表腾讯新闻的观点和立场。' },
      { lang: 'zh', text: '本文来自腾讯新闻客户端自媒体，不代表腾讯新闻的观点和立场' },
    ],
    notStatements: ['声明：本文仅代表作者个人观点。', '腾讯新闻出品，未经授权不得转载。', '责任编辑：李明'],
  },
  baidu: {
    selfMedia: ['https://baijiahao.baidu.com/s?id=1812345678901234567&wfr=spider&for=pc', 'https://baijiahao.baidu.com/s?id=1812345678901234567'],
    either: [],
    editorial: [],
    none: ['https://baijiahao.baidu.com/s?id=abc', 'https://baijiahao.baidu.com/u?app_id=1567', 'https://www.baidu.com/s?wd=1812345678901234567'],
    statements: [
      { lang: 'zh', text: '本文由百家号作者上传并发布，百家号仅提供信息发布平台。文章仅代表作者个人观点，不代表百度立场。未经作者许可，不得转载。' },
    ],
    notStatements: ['声明：原创不易，未经许可不得转载。', '百家号是百度的内容平台。'],
  },
  sina: {
    selfMedia: [
      'https://k.sina.com.cn/article_7517400647_1c0126e4705901abcd.html',
      'https://k.sina.com.cn/article_2090512390_7c9ab00602001e6kz.html',
      'https://k.sina.cn/article_7517400647_1c0126e4705901abcd.html?from=news',
    ],
    either: [],
    editorial: ['https://news.sina.com.cn/c/2026-01-20/doc-inhabcde1234567.shtml', 'https://finance.sina.com.cn/stock/2026-01-20/doc-inhabcde1234567.shtml'],
    none: ['https://k.sina.com.cn/', 'https://news.sina.com.cn/', 'https://weibo.com/1234/abc'],
    statements: [
      { lang: 'zh', text: '特别声明：以上文章内容仅代表作者本人观点，不代表新浪网观点或立场。如有关于作品内容、版权或其它问题请于作品发表后的30日内与新浪网联系。' },
      { lang: 'zh', text: '特别声明：以上文章内容仅代表作者本人观点，不代表新浪网观点或立场。如关于作品内容、版权或其它问题请于作品发表后的30日内与新浪网联系。' },
    ],
    notStatements: ['新浪声明：此消息系转载自新浪合作媒体，新浪网登载此文出于传递更多信息之目的，并不意味着赞同其观点或证实其描述。', '声明：本文仅代表作者本人观点。'],
  },
  ifeng: {
    selfMedia: [],
    either: ['https://news.ifeng.com/c/8qT3xYz9AbC', 'https://finance.ifeng.com/c/8qT3xYz9AbC', 'https://ifeng.com/c/8qT3xYz9AbC'],
    editorial: [],
    none: ['https://news.ifeng.com/', 'https://news.ifeng.com/c/short', 'https://news.ifeng.com/a/20180101/55012345_0.shtml'],
    statements: [
      { lang: 'zh', text: '特别声明：以上作品内容(包括在内的视频、图片或音频)为凤凰网旗下自媒体平台“大风号”用户上传并发布，本平台仅提供信息存储空间服务。' },
      { lang: 'zh', text: '特别声明：以上作品内容由凤凰网旗下自媒体平台用户上传并发布，本平台仅提供信息存储空间服务。' },
      {
        lang: 'en',
        text: 'Notice: The content above (including the videos, pictures and audios if any) is uploaded and posted by the user of Dafeng Hao, which is a social media platform and merely provides information storage space services.',
      },
    ],
    notStatements: [
      '凡本网注明“来源：XXX（非凤凰网）”的作品，均转载自其它媒体，转载目的在于传递更多信息，并不代表本网赞同其观点和对其真实性负责。',
      '声明：本文为作者原创，仅代表个人观点。',
    ],
  },
  '36kr': {
    selfMedia: [],
    either: ['https://www.36kr.com/p/3612345678901234', 'https://36kr.com/p/3612345678901234', 'https://m.36kr.com/p/3612345678901234'],
    editorial: [],
    none: ['https://www.36kr.com/', 'https://www.36kr.com/user/12345', 'https://www.36kr.com/newsflashes/3612345678901234'],
    statements: [{ lang: 'zh', text: '该文观点仅代表作者本人，36氪平台仅提供信息存储空间服务。' }],
    notStatements: ['本文来自微信公众号“科技观察”，作者：张三，36氪经授权发布。', '声明：本文仅代表作者本人观点。'],
  },
  thepaper: {
    selfMedia: [],
    either: ['https://www.thepaper.cn/newsDetail_forward_31234567', 'https://m.thepaper.cn/newsDetail_forward_31234567'],
    editorial: [],
    none: ['https://www.thepaper.cn/', 'https://www.thepaper.cn/channel_25950', 'https://www.thepaper.cn/user_12345'],
    statements: [
      { lang: 'zh', text: '本文为澎湃号作者或机构在澎湃新闻上传并发布，仅代表该作者或机构观点，不代表澎湃新闻的观点或立场，澎湃新闻仅提供信息发布平台。' },
    ],
    notStatements: ['声明：本文仅代表作者个人观点，不构成投资建议。', '澎湃新闻，澎湃号·湃客出品'],
  },
  wechat: {
    selfMedia: ['https://mp.weixin.qq.com/s/Xy3fA9k2LmN8pQ4rS7tUvW', 'https://mp.weixin.qq.com/s?__biz=MzA5NjYwOTg0Nw==&mid=2650&idx=1&sn=abc'],
    either: [],
    editorial: [],
    none: ['https://mp.weixin.qq.com/', 'https://mp.weixin.qq.com/mp/profile_ext?action=home', 'https://weixin.qq.com/s/Xy3fA9k2LmN8pQ4rS7tUvW'],
    statements: [],
    notStatements: ['声明：本文观点仅代表作者本人，图片来源于网络，如有侵权请联系删除。'],
  },
};

/** How copies reprint a statement: half-width punctuation and straight quotes (NFKC keeps 。). */
export function halfWidth(s: string): string {
  return s
    .replace(/：/g, ':')
    .replace(/，/g, ',')
    .replace(/[“”]/g, '"')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}

/** …and full-width brackets where the live page has ASCII ones. */
export function fullWidth(s: string): string {
  return s.replace(/\(/g, '（').replace(/\)/g, '）').replace(/:/g, '：').replace(/,/g, '，');
}

/**
 * …and spaced out: spaces (ASCII, ideographic, no-break) around punctuation and between Chinese
 * and digits or Latin letters, as copies and "pangu" spacing print them.
 */
export function spaced(s: string): string {
  return s
    .replace(/([：，。“”:,.()（）])/g, ' $1\u3000')
    .replace(/([\u4e00-\u9fff])([0-9A-Za-z])/g, '$1 $2')
    .replace(/([0-9A-Za-z])([\u4e00-\u9fff])/g, '$1\u00a0$2');
}
