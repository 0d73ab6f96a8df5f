import { describe, expect, it } from 'vitest';
import { originPattern } from '@/components/ui/options/GrantedSites';

describe('originPattern (the "add a site" field)', () => {
  it.each([
    ['https://example.com/some/page?x=1', 'https://example.com/*'],
    ['example.com', 'https://example.com/*'],
    ['  http://blog.example.org:8080/a  ', 'http://blog.example.org/*'],
    ['https://新闻.中国/文章', 'https://xn--efvy88h.xn--fiqs8s/*'],
    ['ftp://example.com', null],
    ['javascript:alert(1)', null],
    ['', null],
    ['https://', null],
  ])('%j → %j', (input, expected) => {
    expect(originPattern(input)).toBe(expected);
  });
});
