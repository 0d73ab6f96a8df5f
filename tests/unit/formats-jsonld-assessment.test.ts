import { describe, expect, it } from 'vitest';
import { VERDICTS } from '@/components/vocabulary/verdicts';
import type { Annotation } from '@/storage/model/annotation';
import { fromJsonLd, toJsonLd } from '@/storage/formats/jsonld';
import { parseImportFile } from '@/storage/formats/import';
import type { ImportResult } from '@/storage/formats/import-result';

/** Verdicts, evidence links and claim categories in the JSON-LD export and import. */

const GENERATED = new Date('2026-11-25T08:00:00.000Z');

function assessed(): Annotation {
  return {
    id: '7c0c3f0e-2a53-4c1e-9b1a-3f8c2d7e9a10',
    pageKey: '163.com/article/JH5K2E6T0519QIKK',
    url: 'https://www.163.com/dy/article/JH5K2E6T0519QIKK.html',
    title: '专家称房价必然暴涨',
    site: '163.com',
    selectors: [{ type: 'TextQuoteSelector', exact: '房价必然暴涨' }],
    color: 'pink',
    note: 'No data behind this.',
    tags: ['房价'],
    created: '2026-11-20T10:00:00.000Z',
    updated: '2026-11-21T10:00:00.000Z',
    assessment: {
      verdict: 'misleading',
      evidence: ['https://www.stats.gov.cn/sj/zxfb/', 'https://example.com/a_(b)?q=<x>'],
      claim: { category: 'certainty' },
    },
  };
}

/** The export as a plain JSON value, to edit into broken or foreign files. */
interface EditableDoc {
  total: number;
  first: { items: Record<string, unknown>[] };
}
function exported(a: Annotation = assessed()): EditableDoc {
  return JSON.parse(JSON.stringify(toJsonLd([a], { generated: GENERATED }))) as EditableDoc;
}

function problems(r: ImportResult): string[] {
  return r.ok ? r.invalid.map((i) => `${i.path}: ${i.message}`) : [r.error];
}

describe('JSON-LD export of an assessment', () => {
  it('is an assessing annotation: verdict, note, tags, then evidence links as SpecificResources', () => {
    const item = toJsonLd([assessed()], { generated: GENERATED }).first!.items[0]!;
    expect(item.motivation).toBe('assessing');
    expect(item.body).toEqual([
      { type: 'TextualBody', value: 'misleading', format: 'text/plain', purpose: 'assessing' },
      { type: 'TextualBody', value: 'No data behind this.', format: 'text/plain', purpose: 'commenting' },
      { type: 'TextualBody', value: '房价', format: 'text/plain', purpose: 'tagging' },
      { type: 'SpecificResource', source: 'https://www.stats.gov.cn/sj/zxfb/', purpose: 'linking' },
      { type: 'SpecificResource', source: 'https://example.com/a_(b)?q=<x>', purpose: 'linking' },
    ]);
    expect(item.sourcemark).toEqual({
      version: 2,
      pageKey: '163.com/article/JH5K2E6T0519QIKK',
      title: '专家称房价必然暴涨',
      site: '163.com',
      color: 'pink',
      claim: { category: 'certainty' },
    });
  });

  it('has no claim property for an assessed highlight, and a body even with no note or tags', () => {
    const { claim: _claim, ...plain } = assessed().assessment!;
    const item = toJsonLd([{ ...assessed(), note: '', tags: [], assessment: { ...plain, evidence: [] } }]).first!.items[0]!;
    expect(item.body).toEqual([{ type: 'TextualBody', value: 'misleading', format: 'text/plain', purpose: 'assessing' }]);
    expect(item.sourcemark).not.toHaveProperty('claim');
  });
});

describe('JSON-LD round trip of an assessment', () => {
  it.each(VERDICTS)('keeps the verdict %j through an export and import', (verdict) => {
    const a = { ...assessed(), assessment: { ...assessed().assessment!, verdict } };
    const r = parseImportFile(JSON.stringify(toJsonLd([a])));
    expect(r).toStrictEqual({ ok: true, format: 'sourcemark-jsonld', annotations: [a], invalid: [] });
  });

  it('keeps evidence order, an empty evidence list and a missing claim', () => {
    const list: Annotation[] = [
      { ...assessed(), assessment: { verdict: 'supported', evidence: ['https://b.example/', 'https://a.example/'] } },
      { ...assessed(), id: '8c0c3f0e-2a53-4c1e-9b1a-3f8c2d7e9a10', assessment: { verdict: 'unchecked', evidence: [] } },
    ];
    expect(fromJsonLd(toJsonLd(list))).toStrictEqual({
      ok: true,
      format: 'sourcemark-jsonld',
      annotations: list,
      invalid: [],
    });
  });

  it('still imports a version 1 file (no claim; a RangeSelector as Hypothesis writes it)', () => {
    const v1 = exported({ ...assessed(), assessment: undefined });
    const item = v1.first.items[0]!;
    item.sourcemark = { ...(item.sourcemark as object), version: 1 };
    const range = { type: 'RangeSelector', startContainer: '/div[1]/p[2]', startOffset: 3, endContainer: '/div[1]/p[3]', endOffset: 0 };
    (item.target as { selector: unknown[] }).selector.push(range);
    const r = fromJsonLd(v1);
    const { assessment: _none, ...want } = assessed();
    expect(r).toStrictEqual({
      ok: true,
      format: 'sourcemark-jsonld',
      invalid: [],
      annotations: [{ ...want, selectors: [...want.selectors, range] }],
    });
  });
});

/** Each case edits the exported item, then names the one problem the import must report. */
const BAD: [string, (item: Record<string, unknown>) => void, string][] = [
  [
    'a verdict that is not one of ours',
    (i) => ((i.body as Record<string, unknown>[])[0]!.value = 'mostly true'),
    'first.items[0].body[0].value: expected a Sourcemark verdict ("unchecked", "needs-source", "supported", "false", "misleading"), found "mostly true"',
  ],
  [
    'a javascript: evidence link',
    (i) => ((i.body as Record<string, unknown>[])[3]!.source = 'javascript:alert(document.cookie)'),
    'first.items[0].body[3].source: an evidence link must be an http: or https: address, found "javascript:alert(document.cookie)"',
  ],
  [
    'a data: evidence link',
    (i) => ((i.body as Record<string, unknown>[])[4]!.source = 'data:text/html,<script>alert(1)</script>'),
    'first.items[0].body[4].source: an evidence link must be an http: or https: address',
  ],
  [
    'an evidence link that is not a string',
    (i) => ((i.body as Record<string, unknown>[])[3]!.source = { id: 'https://example.com/' }),
    'first.items[0].body[3].source: expected string, received an object',
  ],
  [
    'two assessing bodies',
    (i) => (i.body as unknown[]).push({ type: 'TextualBody', value: 'false', purpose: 'assessing' }),
    'first.items[0].body[5].purpose: more than one assessing body (an annotation holds one verdict)',
  ],
  [
    'evidence without a verdict',
    (i) => (i.body = (i.body as Record<string, unknown>[]).slice(1)),
    'first.items[0].body[2]: an evidence link needs an assessing body whose value is a Sourcemark verdict',
  ],
  [
    'a SpecificResource body for something else than evidence',
    (i) => ((i.body as Record<string, unknown>[])[3]!.purpose = 'identifying'),
    'first.items[0].body[3].purpose: expected "linking" (a SpecificResource body is an evidence link), found "identifying"',
  ],
  [
    'more evidence links than an assessment holds',
    (i) => {
      for (let k = 0; k < 19; k++) (i.body as unknown[]).push({ type: 'SpecificResource', source: `https://e.example/${k}`, purpose: 'linking' });
    },
    'first.items[0].body: Too big: expected array to have <=20 items',
  ],
  [
    'a claim category we do not know',
    (i) => ((i.sourcemark as { claim: { category: string } }).claim.category = 'rumour'),
    'first.items[0].sourcemark.claim.category: Invalid option: expected one of "vague"|"certainty"|"statistic"',
  ],
  [
    'a claim on an annotation without a verdict',
    (i) => (i.body = (i.body as Record<string, unknown>[]).slice(1, 3)),
    'first.items[0].sourcemark.claim: set only on an annotation with an assessing body',
  ],
  [
    'a claim in a version 1 file',
    (i) => ((i.sourcemark as { version: number }).version = 1),
    'first.items[0].sourcemark.claim: not part of version 1 files',
  ],
  [
    'a version from the future',
    (i) => ((i.sourcemark as { version: number }).version = 3),
    'first.items[0].sourcemark.version: Invalid option: expected one of 1|2',
  ],
];

describe('JSON-LD import refuses a broken assessment, saying where', () => {
  it.each(BAD)('%s', (_name, edit, message) => {
    const doc = exported();
    edit(doc.first.items[0]!);
    const r = parseImportFile(JSON.stringify(doc));
    expect(r.ok).toBe(false);
    expect(problems(r).join('\n')).toContain(message);
  });

  it('keeps the other items of the file', () => {
    const doc = exported();
    const bad = exported().first.items[0]!;
    bad.id = 'urn:uuid:9c0c3f0e-2a53-4c1e-9b1a-3f8c2d7e9a10';
    (bad.body as Record<string, unknown>[])[3]!.source = 'javascript:alert(1)';
    doc.first.items.push(bad);
    doc.total = 2;
    const r = parseImportFile(JSON.stringify(doc));
    expect(r.ok && r.annotations).toStrictEqual([assessed()]);
    expect(problems(r)).toEqual([
      'first.items[1].body[3].source: an evidence link must be an http: or https: address, found "javascript:alert(1)"',
    ]);
  });
});

describe('JSON-LD assessing annotations from other W3C tools', () => {
  /** A page as another tool writes it: no `sourcemark` property, a singular body or a list. */
  function foreign(body: unknown): unknown {
    return {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [
        {
          id: 'urn:uuid:2b4f6f0e-2a53-4c1e-9b1a-3f8c2d7e9a10',
          type: 'Annotation',
          motivation: 'assessing',
          created: '2025-01-01T00:00:00Z',
          body,
          target: { source: 'https://example.com/post', selector: { type: 'TextQuoteSelector', exact: 'prices will double' } },
        },
      ],
    };
  }
  const read = (body: unknown): ImportResult => fromJsonLd(foreign(body));

  it('reads an assessing value that is one of our verdict ids as that verdict, with its evidence', () => {
    const r = read([
      { type: 'TextualBody', value: 'false', purpose: 'assessing' },
      { type: 'SpecificResource', source: 'https://example.org/factcheck', purpose: 'linking' },
    ]);
    expect(r.ok && r.annotations[0]!.assessment).toStrictEqual({ verdict: 'false', evidence: ['https://example.org/factcheck'] });
  });

  it('keeps free-text assessing words as the note and sets no verdict', () => {
    const r = read({ type: 'TextualBody', value: 'Checked: the figure is from 2019, not 2024', purpose: 'assessing' });
    expect(r.ok && r.annotations[0]).toMatchObject({ note: 'Checked: the figure is from 2019, not 2024', tags: [] });
    expect(r.ok && r.annotations[0]).not.toHaveProperty('assessment');
  });

  it('puts those words after the comment, a blank line between', () => {
    const r = read([
      { type: 'TextualBody', value: 'My comment' },
      { type: 'TextualBody', value: 'Dubious', purpose: 'assessing' },
    ]);
    expect(r.ok && r.annotations[0]!.note).toBe('My comment\n\nDubious');
  });

  it('refuses evidence links next to free-text assessing words (there is no verdict for them)', () => {
    const r = read([
      { type: 'TextualBody', value: 'Dubious', purpose: 'assessing' },
      { type: 'SpecificResource', source: 'https://example.org/', purpose: 'linking' },
    ]);
    expect(problems(r).join('\n')).toContain('items[0].body[1]: an evidence link needs an assessing body');
  });
});
