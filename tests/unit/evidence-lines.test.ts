import { describe, expect, it } from 'vitest';
import { parseEvidence } from '@/components/ui/note/evidence-lines';

describe('the evidence box', () => {
  it('reads one link per line, skipping blank lines and repeats', () => {
    expect(parseEvidence('https://a.example/x\n\n  https://b.example/y  \nhttps://a.example/x')).toEqual({
      ok: true,
      links: ['https://a.example/x', 'https://b.example/y'],
    });
  });

  it('stores a link as the browser writes it, so spaces cannot break the export', () => {
    expect(parseEvidence('https://a.example/报告 2024.pdf')).toEqual({
      ok: true,
      links: ['https://a.example/%E6%8A%A5%E5%91%8A%202024.pdf'],
    });
  });

  it('names the line that is not a web address instead of dropping it', () => {
    expect(parseEvidence('https://a.example/x\njavascript:alert(1)')).toEqual({ ok: false, line: 2, text: 'javascript:alert(1)' });
    expect(parseEvidence('见人民网报道')).toEqual({ ok: false, line: 1, text: '见人民网报道' });
  });

  it('refuses more links than an assessment keeps', () => {
    const many = Array.from({ length: 21 }, (_, i) => `https://a.example/${i}`).join('\n');
    expect(parseEvidence(many)).toEqual({ ok: false, tooMany: true });
  });
});
