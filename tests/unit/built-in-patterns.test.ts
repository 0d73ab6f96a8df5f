import { describe, expect, it } from 'vitest';
import { builtInPatterns } from '@/components/recognition/built-in-patterns';

describe('builtInPatterns', () => {
  it("counts the manifest's content script matches, each also as the whole site Chrome lists its host permission as", () => {
    const set = builtInPatterns({ content_scripts: [{ matches: ['https://www.163.com/dy/article/*', 'https://*.sohu.com/a/*'] }] });
    expect([...set].sort()).toEqual(['https://*.sohu.com/*', 'https://*.sohu.com/a/*', 'https://www.163.com/*', 'https://www.163.com/dy/article/*']);
  });

  it('leaves a site the reader granted out', () => {
    expect(builtInPatterns({ content_scripts: [{ matches: ['https://www.163.com/dy/article/*'] }] }).has('https://www.chinanews.com.cn/*')).toBe(false);
  });
});
