import { CLAIM_CATEGORIES } from '@/components/vocabulary/categories';
import { VERDICTS } from '@/components/vocabulary/verdicts';
import { COLORS, MAX_EVIDENCE, MAX_TAGS, type Annotation, type Assessment, type Selector } from '@/storage/model/annotation';
import { pageKey, siteOf } from '@/storage/model/page-key';

/**
 * Seeded generator of awkward but valid annotations for property-style tests. No dependency:
 * mulberry32 is enough to make failures reproducible from the seed.
 */

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Gen {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(0, xs.length - 1)]!;
  }
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(0, 15).toString(16));
    hex[12] = '4';
    hex[16] = '89ab'[this.int(0, 3)]!;
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  private static readonly PIECES: readonly string[] = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE annotations; --",
    '=HYPERLINK("http://evil.example","x")',
    '**bold** _em_ `code` [link](javascript:alert(1)) # heading',
    '\\ backslash \\n not a newline',
    '__proto__',
    'constructor',
    '{"__proto__":{"polluted":true}}',
    '👨‍👩‍👧‍👦',
    '🇨🇳',
    '😀',
    '𠮷野家',
    'e\u0301', // combining accent
    '\u200b\u200d\ufeff', // zero-width characters and a BOM inside text
    '\u202eevil\u202c', // bidi override
    '\ud83d', // lone surrogate: JSON.stringify escapes it, parse must bring it back
    '\u0000\u0007\u001f',
    '\r\n',
    '\n\n',
    '\t',
    ' , ; " \'',
    '中华人民共和国',
    '据网易号作者称，该消息“未经证实”。',
    '，。！？《》【】',
  ];

  chinese(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(this.int(0x4e00, 0x9fa5));
    return s;
  }
  emoji(): string {
    return String.fromCodePoint(this.int(0x1f300, 0x1f64f));
  }
  ascii(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(this.int(0x20, 0x7e));
    return s;
  }
  /** Mixed text of about `len` pieces. */
  text(len: number): string {
    let s = '';
    for (let i = 0; i < len; i++) {
      const k = this.int(0, 4);
      s +=
        k === 0 ? this.chinese(this.int(1, 12))
        : k === 1 ? this.emoji()
        : k === 2 ? this.ascii(this.int(1, 10))
        : this.pick(Gen.PIECES);
    }
    return s;
  }
  nonEmpty(len: number, max: number): string {
    const s = this.text(Math.max(1, len)).slice(0, max);
    return s === '' ? 'x' : s;
  }

  url(): string {
    const id = Array.from({ length: 16 }, () => this.pick([...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'])).join('');
    return this.pick([
      `https://www.163.com/dy/article/${id}.html`,
      `https://m.163.com/dy/article/${id}.html?spss=newsapp`,
      `https://c.m.163.com/news/a/${id}.html`,
      `https://en.wikipedia.org/wiki/Special:Random/${this.int(1, 1e6)}`,
      `https://zh.wikipedia.org/wiki/${encodeURIComponent(this.chinese(4))}`,
      `https://example.com/a?b=${this.int(0, 9)}&a=${encodeURIComponent(this.chinese(3) + this.ascii(3))}#frag`,
      `http://localhost:${this.int(1024, 65535)}/p/${this.int(0, 99)}`,
    ]);
  }

  date(): Date {
    return new Date(Date.UTC(2020, 0, 1) + this.int(0, 7 * 365 * 24 * 3600) * 1000 + this.int(0, 999));
  }
  /** The shapes of ISO timestamps the schema accepts: UTC with ms, with an offset, without ms. */
  iso(d: Date): string {
    const k = this.int(0, 2);
    if (k === 0) return d.toISOString();
    if (k === 1) return d.toISOString().slice(0, 19) + 'Z';
    const local = new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 23);
    return `${local}+08:00`;
  }

  selectors(): Selector[] {
    const quote: Selector = {
      type: 'TextQuoteSelector',
      exact: this.nonEmpty(this.int(1, 20), 20_000),
      ...(this.chance(0.8) ? { prefix: this.text(this.int(0, 3)).slice(0, 2000) } : {}),
      ...(this.chance(0.8) ? { suffix: this.text(this.int(0, 3)).slice(0, 2000) } : {}),
    };
    const out: Selector[] = [quote];
    if (this.chance(0.7)) {
      const start = this.int(0, 1e6);
      out.push({ type: 'TextPositionSelector', start, end: start + this.int(0, 5000) });
    }
    if (this.chance(0.3)) {
      out.push({
        type: 'RangeSelector',
        startContainer: `/div[${this.int(1, 9)}]/p[${this.int(1, 40)}]`,
        startOffset: this.int(0, 300),
        endContainer: `/div[${this.int(1, 9)}]/p[${this.int(1, 40)}]`,
        endOffset: this.int(0, 300),
      });
    }
    // Stored order must survive, whatever it is.
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** Evidence addresses that are valid web URLs but awkward in Markdown, CSV and JSON. */
  evidenceUrl(): string {
    return this.pick([
      this.url(),
      'https://example.com/a_(b)?q=<x>&y="z"#frag',
      'https://example.com/a b/[c]*d*',
      'https://zh.wikipedia.org/wiki/裁员',
      'http://localhost:8080/p?x=1&y=%%z',
      'https://example.com/)](javascript:alert(1))',
    ]);
  }

  assessment(): Assessment {
    const count = this.chance(0.05) ? MAX_EVIDENCE : this.int(0, 3);
    return {
      verdict: this.pick(VERDICTS),
      evidence: Array.from({ length: count }, () => this.evidenceUrl()),
      ...(this.chance(0.5) ? { claim: { category: this.pick(CLAIM_CATEGORIES) } } : {}),
    };
  }

  annotation(): Annotation {
    const url = this.url();
    const created = this.date();
    const updated = new Date(created.getTime() + this.int(0, 1e9));
    const noteKind = this.int(0, 19);
    const note =
      noteKind < 4 ? ''
      : noteKind === 4 ? this.text(50_000).slice(0, 50_000).padEnd(50_000, '长')
      : this.text(this.int(1, 40));
    const tagCount = this.chance(0.1) ? MAX_TAGS : this.int(0, 6);
    return {
      id: this.uuid(),
      pageKey: pageKey(url),
      url,
      title: this.chance(0.1) ? '' : this.text(this.int(1, 8)).slice(0, 2000),
      site: siteOf(url),
      selectors: this.selectors(),
      color: this.pick(COLORS),
      note,
      tags: Array.from({ length: tagCount }, () => this.nonEmpty(this.int(1, 3), 200)),
      created: this.iso(created),
      updated: this.iso(updated),
      ...(this.chance(0.3) ? { assessment: this.assessment() } : {}),
    };
  }
}
