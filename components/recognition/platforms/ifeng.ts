import type { PlatformEntry } from './types';

/**
 * 大风号 (凤凰网). Accounts and the newsroom share `/c/<id>` on every channel host, so only the page
 * tells: the bilingual statement, matched by pieces because sources disagree on its wording (weak).
 */
export const ifeng: PlatformEntry = {
  id: 'ifeng',
  page: 'ifeng-dafeng',
  names: { portal: { zh: '凤凰网', en: 'ifeng' }, product: { zh: '大风号', en: 'Dafeng Hao' } },
  urls: [{ host: '*.ifeng.com', path: /^\/c\/[0-9A-Za-z]{11}$/, kind: 'either', match: '/c/*' }],
  statements: [
    // 特别声明：以上作品内容(…)为凤凰网旗下自媒体平台“大风号”用户上传并发布，本平台仅提供信息存储空间服务。
    { lang: 'zh', pieces: ['上传并发布', '凤凰网', '自媒体平台'] },
    // Notice: The content above (…) is uploaded and posted by the user of Dafeng Hao, … information storage space services.
    { lang: 'en', pieces: ['the content above', 'notice', /uploaded and posted/, /information storage/] },
  ],
  printsStatement: true,
  role: 'stores',
  selectors: {
    title: ['h1[class*="index_topic"]', '.artTitle h1', 'h1'],
    account: ['[class*="index_source"] a', '.source a', 'a[href*="ishare.ifeng.com/mediaShare"]'],
    // Hashed CSS-module classes (index_text_TwFCV): matched by their stable prefix.
    body: ['[class*="index_text_"]', '[class*="index_main_content"]', '.main_content', '#main_content'],
    // Hashed CSS-module classes (index_time_Ke8Ph), matched by their stable prefix (guess).
    date: ['[class*="index_time_"]'],
    // Where it prints its statement is not known (platforms.md): the page's text is searched.
    statement: [],
  },
  evidence: {
    selfMedia: [{ name: 'account-link', selector: 'a[href*="ishare.ifeng.com/mediaShare"]' }],
    // The newsroom's reports end with [责任编辑：…] and name a 来源.
    editorial: [{ name: 'editor-line', selector: 'p, span', text: /责任编辑[:：]/ }],
  },
};
