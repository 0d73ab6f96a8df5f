import { describe, expect, it } from 'vitest';
import { builtInPatterns } from '@/components/recognition/built-in-patterns';

describe('builtInPatterns', () => {
  it("counts the manifest's own hosts, each also as the whole site Chrome reports it as", () => {
    const set = builtInPatterns({
      content_scripts: [{ matches: ['https://www.163.com/dy/article/*'] }],
      host_permissions: ['https://*.sohu.com/a/*'],
    });
    expect([...set].sort()).toEqual(['https://*.sohu.com/*', 'https://*.sohu.com/a/*', 'https://www.163.com/*', 'https://www.163.com/dy/article/*']);
  });

  it('reads MV2 host patterns among the permissions, and no API permission', () => {
    expect([...builtInPatterns({ permissions: ['alarms', 'https://k.sina.cn/article_*'] })].sort()).toEqual([
      'https://k.sina.cn/*',
      'https://k.sina.cn/article_*',
    ]);
  });

  it('leaves a site the reader granted elsewhere out', () => {
    expect(builtInPatterns({ host_permissions: ['https://www.163.com/dy/article/*'] }).has('https://www.chinanews.com.cn/*')).toBe(false);
  });
});
