import { describe, expect, it } from 'vitest';
import { patternCovers } from '@/components/recognition/match-pattern';

describe('patternCovers', () => {
  it.each<[string, string, boolean]>([
    ['https://www.chinanews.com.cn/*', 'https://www.chinanews.com.cn/gn/2026/02-01/1.shtml?x=1#top', true],
    ['https://www.chinanews.com.cn/*', 'http://www.chinanews.com.cn/gn/1.shtml', false],
    ['https://www.chinanews.com.cn/*', 'https://news.chinanews.com.cn/gn/1.shtml', false],
    ['https://www.chinanews.com.cn/*', 'https://www.chinanews.com.cn.evil.example/1.shtml', false],
    ['*://*.example.com/*', 'http://example.com/a', true],
    ['*://*.example.com/*', 'https://a.b.example.com/a', true],
    ['*://*.example.com/*', 'https://notexample.com/a', false],
    ['*://*.example.com/*', 'ftp://example.com/a', false],
    ['https://*/*', 'https://anything.example/x', true],
    ['https://*/*', 'http://anything.example/x', false],
    ['<all_urls>', 'https://a.example/', true],
    ['<all_urls>', 'chrome-extension://abc/popup.html', false],
    // Chrome's patterns may name a port; then only that one, the default one written or not.
    ['http://127.0.0.1:8080/*', 'http://127.0.0.1:8080/dav/', true],
    ['http://127.0.0.1:8080/*', 'http://127.0.0.1:8081/dav/', false],
    ['https://cloud.example.com:443/*', 'https://cloud.example.com/x', true],
    ['http://127.0.0.1/*', 'http://127.0.0.1:8080/dav/', true],
    ['https://www.163.com/dy/article/*', 'https://www.163.com/dy/article/ABC.html', true],
    ['https://www.163.com/dy/article/*', 'https://www.163.com/news/article/ABC.html', false],
    ['https://www.163.com/*/article/*.html', 'https://www.163.com/dy/article/ABC.html', true],
    ['https://www.163.com/*/article/*.html', 'https://www.163.com/dy/article/ABC.htm', false],
    ['https://example.com/exact', 'https://example.com/exact', true],
    ['https://example.com/exact', 'https://example.com/exact/more', false],
    ['not a pattern', 'https://example.com/', false],
    ['https://example.com/*', 'not an address', false],
  ])('%s covers %s: %s', (pattern, address, expected) => {
    expect(patternCovers(pattern, address)).toBe(expected);
  });
});
