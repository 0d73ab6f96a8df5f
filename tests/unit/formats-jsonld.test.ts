import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AnnotationSchema, type Annotation } from '@/storage/model/annotation';
import { ANNO_CONTEXT, fromJsonLd, toJsonLd } from '@/storage/formats/jsonld';
import { parseImportFile } from '@/storage/formats/import';
import { sha1, URL_NAMESPACE, uuidV5 } from '@/storage/formats/uuid';
import { Gen } from './formats-gen';

const GENERATED = new Date('2026-11-25T08:00:00.000Z');

function sample(): Annotation {
  return {
    id: '0b4f6f0e-2a53-4c1e-9b1a-3f8c2d7e9a10',
    pageKey: 'en.wikipedia.org/wiki/Regression_testing',
    url: 'https://en.wikipedia.org/wiki/Regression_testing',
    title: 'Regression testing - Wikipedia',
    site: 'en.wikipedia.org',
    selectors: [
      { type: 'TextQuoteSelector', exact: 'Two', prefix: 'One ', suffix: ' Three' },
      { type: 'TextPositionSelector', start: 4, end: 7 },
    ],
    color: 'green',
    note: 'A note',
    tags: ['testing', 'two words'],
    created: '2026-11-20T10:00:00.000Z',
    updated: '2026-11-21T10:00:00.000+08:00',
  };
}

describe('toJsonLd: W3C Web Annotation shape', () => {
  it('is an AnnotationCollection with one embedded AnnotationPage', () => {
    const doc = toJsonLd([sample()], { generated: GENERATED });
    expect(doc['@context']).toBe(ANNO_CONTEXT);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(1);
    expect(doc.generated).toBe('2026-11-25T08:00:00.000Z');
    expect(doc.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(doc.first?.type).toBe('AnnotationPage');
    expect(doc.first?.startIndex).toBe(0);
    expect(doc.last).toBe(doc.first?.id);
    expect(doc.first?.items[0]).toEqual({
      id: 'urn:uuid:0b4f6f0e-2a53-4c1e-9b1a-3f8c2d7e9a10',
      type: 'Annotation',
      motivation: 'commenting',
      created: '2026-11-20T10:00:00.000Z',
      modified: '2026-11-21T10:00:00.000+08:00',
      body: [
        { type: 'TextualBody', value: 'A note', format: 'text/plain', purpose: 'commenting' },
        { type: 'TextualBody', value: 'testing', format: 'text/plain', purpose: 'tagging' },
        { type: 'TextualBody', value: 'two words', format: 'text/plain', purpose: 'tagging' },
      ],
      target: {
        source: 'https://en.wikipedia.org/wiki/Regression_testing',
        selector: [
          { type: 'TextQuoteSelector', exact: 'Two', prefix: 'One ', suffix: ' Three' },
          { type: 'TextPositionSelector', start: 4, end: 7 },
        ],
      },
      sourcemark: {
        version: 2,
        pageKey: 'en.wikipedia.org/wiki/Regression_testing',
        title: 'Regression testing - Wikipedia',
        site: 'en.wikipedia.org',
        color: 'green',
      },
    });
  });

  it('omits the body of a bare highlight, and first/last of an empty export', () => {
    const item = toJsonLd([{ ...sample(), note: '', tags: [] }], { generated: GENERATED }).first!.items[0]!;
    expect(item).not.toHaveProperty('body');
    expect(item.motivation).toBe('highlighting');
    const empty = toJsonLd([], { generated: GENERATED });
    expect(empty).not.toHaveProperty('first');
    expect(empty.total).toBe(0);
    expect(parseImportFile(JSON.stringify(empty))).toStrictEqual({
      ok: true,
      format: 'sourcemark-jsonld',
      annotations: [],
      invalid: [],
    });
  });

  it('is deterministic for a given generated date', () => {
    const a = JSON.stringify(toJsonLd([sample()], { generated: GENERATED }));
    expect(JSON.stringify(toJsonLd([sample()], { generated: GENERATED }))).toBe(a);
  });
});

describe('JSON-LD round trip (property-style, seeded)', () => {
  it.each([1, 2, 3])('seed %i: 200 generated annotations come back exactly', (seed) => {
    const gen = new Gen(seed);
    const anns = Array.from({ length: 200 }, () => gen.annotation());
    for (const a of anns) expect(AnnotationSchema.safeParse(a).success).toBe(true);
    // The generator must actually produce the awkward cases it claims to.
    expect(anns.some((a) => a.note === '')).toBe(true);
    expect(anns.some((a) => a.note.length === 50_000)).toBe(true);
    expect(anns.some((a) => a.tags.length === 64)).toBe(true);
    expect(anns.some((a) => /[\ud800-\udbff][\udc00-\udfff]/.test(a.note))).toBe(true);
    expect(anns.some((a) => a.note.includes('<script>'))).toBe(true);
    expect(anns.some((a) => a.assessment?.evidence.length === 20)).toBe(true);
    expect(anns.some((a) => a.assessment?.claim !== undefined)).toBe(true);
    expect(anns.some((a) => a.selectors.some((s) => s.type === 'RangeSelector'))).toBe(true);

    const text = JSON.stringify(toJsonLd(anns, { generated: GENERATED }));
    expect(parseImportFile(text)).toStrictEqual({ ok: true, format: 'sourcemark-jsonld', annotations: anns, invalid: [] });
  });

  it('survives pretty-printing and a BOM', () => {
    const anns = [sample(), { ...sample(), id: '1b4f6f0e-2a53-4c1e-9b1a-3f8c2d7e9a10', note: '' }];
    const text = '\uFEFF' + JSON.stringify(toJsonLd(anns, { generated: GENERATED }), null, 2).replace(/\n/g, '\r\n');
    expect(parseImportFile(text)).toStrictEqual({ ok: true, format: 'sourcemark-jsonld', annotations: anns, invalid: [] });
  });

  it('fromJsonLd accepts an already parsed value', () => {
    const r = fromJsonLd(JSON.parse(JSON.stringify(toJsonLd([sample()]))));
    expect(r.ok && r.annotations).toStrictEqual([sample()]);
  });
});

describe('JSON-LD from other W3C tools', () => {
  it('derives what the sourcemark extension would carry, and reads singular selector/body', () => {
    const doc = {
      '@context': ['http://www.w3.org/ns/anno.jsonld', { extra: 'https://example.org/ns#' }],
      type: 'AnnotationPage',
      items: [
        {
          id: 'urn:uuid:2b4f6f0e-2a53-4c1e-9b1a-3f8c2d7e9a10',
          type: 'Annotation',
          created: '2025-01-01T00:00:00Z',
          body: { type: 'TextualBody', value: 'plain comment' },
          target: {
            source: 'https://m.163.com/dy/article/JH5K2E6T0519QIKK.html',
            selector: { type: 'TextQuoteSelector', exact: '网易' },
          },
          creator: { type: 'Person', name: 'someone' },
        },
      ],
    };
    const r = parseImportFile(JSON.stringify(doc));
    expect(r).toStrictEqual({
      ok: true,
      format: 'sourcemark-jsonld',
      invalid: [],
      annotations: [
        {
          id: '2b4f6f0e-2a53-4c1e-9b1a-3f8c2d7e9a10',
          pageKey: '163.com/article/JH5K2E6T0519QIKK',
          url: 'https://m.163.com/dy/article/JH5K2E6T0519QIKK.html',
          title: '',
          site: '163.com',
          selectors: [{ type: 'TextQuoteSelector', exact: '网易' }],
          color: 'yellow',
          note: 'plain comment',
          tags: [],
          created: '2025-01-01T00:00:00Z',
          updated: '2025-01-01T00:00:00Z',
        },
      ],
    });
  });
});

describe('uuid v5', () => {
  it('sha1 matches node:crypto on lengths around the block boundary', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 31 + 7) & 0xff);
      expect(Buffer.from(sha1(bytes)).toString('hex')).toBe(createHash('sha1').update(bytes).digest('hex'));
    }
  });

  it('matches the RFC example (www.example.com in the DNS namespace)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    expect(uuidV5(URL_NAMESPACE, 'https://hypothes.is/a/x')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
