import { describe, expect, it } from 'vitest';
import { formatDate } from '@/components/vocabulary/strings';

describe('formatDate', () => {
  it('writes a date as toLocaleDateString does for each language, with one formatter kept per language', () => {
    const iso = '2026-03-09T23:30:00.000Z';
    const d = new Date(iso);
    const opts = { year: 'numeric', month: 'short', day: 'numeric' } as const;
    expect(formatDate('zh', iso)).toBe(d.toLocaleDateString('zh-CN', opts));
    expect(formatDate('en', iso)).toBe(d.toLocaleDateString('en-GB', opts));
    // A second call in the other language after the first must not reuse the first one's formatter.
    expect(formatDate('zh', iso)).toBe(d.toLocaleDateString('zh-CN', opts));
    expect(formatDate('zh', iso)).not.toBe(formatDate('en', iso));
  });

  it('answers nothing for a time it cannot read', () => {
    expect(formatDate('en', 'not a date')).toBe('');
  });
});
