import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readContentRequest, readNoteFrameEvent } from '@/storage/messaging/content-request-guard';
import { CHANGES, ContentRequestSchema, NOTE_FRAME_SOURCE, NOTE_HOST_SOURCE, NoteFrameEventSchema } from '@/storage/messaging/protocol';

/**
 * The content script checks its messages without bundling zod (zod/mini was measured at +5.6 KB
 * gzip; see storage/messaging/content-request-guard.ts). What a web page can post to it
 * (NoteFrameEvent, over postMessage) goes through a strict guard: every case below goes to the
 * guard and the schema, and they must agree, same verdict and for an accepted message the same
 * result. Runtime messages, which only extension contexts can send, are checked for the shape of
 * the fields the content script uses; their senders validate with ContentRequestSchema.
 */

const V4 = '0b6f3c2e-8f1a-4c47-9a5e-3d2b1c0a9f8e';

const UUIDS: unknown[] = [
  V4,
  V4.toUpperCase(),
  '6ba7b811-9dad-11d1-80b4-00c04fd430c8', // v1
  '017f22e2-79b0-7cc3-98c4-dc0c0c07398f', // v7
  '00000000-0000-0000-0000-000000000000', // nil
  'ffffffff-ffff-ffff-ffff-ffffffffffff', // max
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', // max, upper case: zod's pattern lists it lower case only
  '0b6f3c2e-8f1a-0c47-9a5e-3d2b1c0a9f8e', // version 0
  '0b6f3c2e-8f1a-9c47-9a5e-3d2b1c0a9f8e', // version 9
  '0b6f3c2e-8f1a-4c47-ca5e-3d2b1c0a9f8e', // variant bits 11
  '0b6f3c2e-8f1a-4c47-7a5e-3d2b1c0a9f8e', // variant bits 01
  `${V4}\n`,
  `\n${V4}`,
  ` ${V4}`,
  `{${V4}}`,
  `urn:uuid:${V4}`,
  V4.replace(/-/g, ''),
  V4.slice(1),
  `${V4}0`,
  V4.replace('0b', 'gb'),
  V4.replace(/-/g, '_'),
  '',
  'not-a-uuid',
  42,
  null,
  undefined,
  [V4],
  new String(V4),
  { toString: () => V4 },
];

/** Objects that are not plain data: each made from a valid message where one applies. */
function oddities(valid: Record<string, unknown>): unknown[] {
  const firstKey = Object.keys(valid)[0]!;
  return [
    // No prototype at all.
    Object.assign(Object.create(null) as object, valid),
    // Every key inherited rather than own.
    Object.create(valid) as object,
    // An inherited enumerable key that is not declared.
    Object.assign(Object.create({ extra: 1 }) as object, valid),
    // "__proto__" as an own key, the way JSON.parse makes it.
    JSON.parse(JSON.stringify(valid).replace(/^\{/, '{"__proto__":{"x":1},')) as unknown,
    JSON.parse(`{"__proto__":${JSON.stringify(valid)}}`) as unknown,
    // Prototype keys named as own keys.
    { ...valid, constructor: 1 },
    { ...valid, toString: 'x' },
    { ...valid, hasOwnProperty: null },
    // Keys for...in does not see.
    Object.defineProperty({ ...valid }, 'hidden', { value: 1, enumerable: false }),
    { ...valid, [Symbol('extra')]: 1 },
    // A getter standing in for a value.
    Object.defineProperty({ ...valid }, firstKey, { get: () => valid[firstKey], enumerable: true }),
    // Not plain objects.
    Object.assign(new (class Message {})(), valid),
    Object.assign(new Date(0), valid),
    Object.assign(new Map(), valid),
    Object.assign(() => undefined, valid),
    Object.assign([], valid),
    [valid],
  ];
}

/** Every message one edit away from a valid one: a key dropped, added, or given another value. */
function mutations(valid: Record<string, unknown>): unknown[] {
  const out: unknown[] = [];
  const values: unknown[] = [undefined, null, 0, 1, true, '', 'x', [], {}, ...UUIDS];
  for (const key of Object.keys(valid)) {
    const { [key]: _dropped, ...rest } = valid;
    out.push(rest);
    const v = valid[key];
    const near = typeof v === 'string' ? [v.toUpperCase(), ` ${v}`, `${v} `, new String(v), [v]] : [];
    for (const other of [...values, ...near]) out.push({ ...valid, [key]: other });
  }
  for (const extra of ['extra', 'id', 'type', 'source', 'data', 'note', '']) {
    if (!(extra in valid)) out.push({ ...valid, [extra]: undefined }, { ...valid, [extra]: V4 });
  }
  return out;
}

const NON_OBJECTS: unknown[] = [undefined, null, 0, NaN, 1n, true, '', 'content.status', Symbol('x'), [], {}];

/** Small seeded generator so the random cases are the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Random objects over the keys and values these messages use: each key of `likely` is usually
 * present with one of its likely values, other keys and values turn up now and then.
 */
function randomMessages(count: number, likely: Record<string, unknown[]>, noise: unknown[]): unknown[] {
  const next = rng(0x5eed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const keys = [...new Set([...Object.keys(likely), 'type', 'id', 'source', 'extra', '__proto__', 'constructor'])];
  const out: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const o: Record<string, unknown> = {};
    for (const k of keys) {
      const usual = likely[k];
      if (next() >= (usual ? 0.85 : 0.05)) continue;
      const value = usual && next() < 0.85 ? pick(usual) : pick(noise);
      // defineProperty, so that "__proto__" becomes an own key as JSON.parse would make it.
      Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });
    }
    out.push(o);
  }
  return out;
}

function expectAgreement<T>(schema: z.ZodType<T>, guard: (raw: unknown) => T | null, cases: readonly unknown[]): void {
  let accepted = 0;
  cases.forEach((raw, i) => {
    const parsed = schema.safeParse(raw);
    const guarded = guard(raw);
    const label = `case ${i}: ${describeValue(raw)}`;
    expect(guarded !== null, label).toBe(parsed.success);
    if (parsed.success) {
      accepted++;
      expect(guarded, label).toStrictEqual(parsed.data);
    }
  });
  // The corpus must exercise both verdicts, or agreement would say little.
  expect(accepted).toBeGreaterThan(0);
  expect(accepted).toBeLessThan(cases.length);
}

function describeValue(v: unknown): string {
  try {
    return `${Object.prototype.toString.call(v)} ${JSON.stringify(v) ?? String(v)}`;
  } catch {
    return Object.prototype.toString.call(v);
  }
}

describe('readContentRequest', () => {
  const VALID: Record<string, unknown>[] = [
    { type: 'content.highlightSelection' },
    { type: 'content.noteSelection' },
    { type: 'content.status' },
    { type: 'annotations.reload' },
    { type: 'content.reveal', id: V4 },
    ...CHANGES.map((change) => ({ type: 'annotations.changed', pageKey: '163.com/article/KKG7R2LD0525KQ8M', id: V4, change })),
    { type: 'settings.changed', settings: { claimsEnabled: false, bannerEnabled: true, defaultColor: 'green', language: 'zh', weeklyBackup: false, ledgerEnabled: true } },
  ];

  it('reads every request a sender can send (ContentRequestSchema) as the schema does', () =>
    expectAgreementOnValid(ContentRequestSchema, readContentRequest, VALID));

  it('keeps only the fields the content script uses', () => {
    expect(readContentRequest({ type: 'content.status', id: V4, extra: 1 })).toStrictEqual({ type: 'content.status' });
    expect(readContentRequest({ type: 'content.reveal', id: V4, pageKey: 'k' })).toStrictEqual({ type: 'content.reveal', id: V4 });
  });

  it.each(
    [
      ...NON_OBJECTS,
      { type: 'content.reload' },
      { type: 'Content.status' },
      { type: 'toString' },
      { type: ['content.status'] },
      { source: NOTE_FRAME_SOURCE, type: 'close' },
      { type: 'content.reveal' },
      { type: 'content.reveal', id: 42 },
      { type: 'content.reveal', id: [V4] },
      { type: 'annotations.changed', id: V4, change: 'created' },
      { type: 'annotations.changed', pageKey: 1, id: V4, change: 'created' },
      { type: 'annotations.changed', pageKey: 'k', change: 'created' },
      { type: 'annotations.changed', pageKey: 'k', id: V4 },
      { type: 'settings.changed' },
      { type: 'settings.changed', settings: { claimsEnabled: 'no', bannerEnabled: true, defaultColor: 'green', language: 'zh', weeklyBackup: false, ledgerEnabled: true } },
      { type: 'settings.changed', settings: { claimsEnabled: true, bannerEnabled: true, defaultColor: 'red', language: 'zh', weeklyBackup: false, ledgerEnabled: true } },
      { type: 'settings.changed', settings: { claimsEnabled: true, bannerEnabled: true, defaultColor: 'green', language: 'fr' } },
      ...['recolored', 'Created', 'constructor', '__proto__', '', null, [...CHANGES]].map((change) => ({
        type: 'annotations.changed',
        pageKey: 'k',
        id: V4,
        change,
      })),
    ].map((raw) => [describeValue(raw), raw]),
  )('rejects %s', (_, raw) => {
    expect(readContentRequest(raw)).toBeNull();
  });
});

describe('readNoteFrameEvent agrees with NoteFrameEventSchema', () => {
  const VALID: Record<string, unknown>[] = [{ source: NOTE_FRAME_SOURCE, type: 'close' }];
  // What the frame used to say (and a page might still post): the frame now only says "close".
  const NEAR: Record<string, unknown>[] = [
    ...UUIDS.map((id) => ({ source: NOTE_FRAME_SOURCE, type: 'changed', id })),
    { source: NOTE_FRAME_SOURCE, type: 'close', id: V4 },
    { source: NOTE_HOST_SOURCE, type: 'close' },
    { source: NOTE_HOST_SOURCE, type: 'token', token: 'a'.repeat(32) },
    { source: NOTE_FRAME_SOURCE, type: 'token', token: 'a'.repeat(32) },
  ];
  // `id` and the other keys turn up now and then (randomMessages adds them rarely).
  const likely = { source: [NOTE_FRAME_SOURCE, NOTE_HOST_SOURCE], type: ['close', 'changed', 'token'] };
  const noise = [...UUIDS, NOTE_FRAME_SOURCE.toUpperCase(), 'content.status', 'closed', 'a'.repeat(32), {}, []];

  it('on valid events', () => expectAgreementOnValid(NoteFrameEventSchema, readNoteFrameEvent, VALID));
  it('on non-objects', () => expectAgreement(NoteFrameEventSchema, readNoteFrameEvent, [...NON_OBJECTS, ...VALID]));
  it('on every one-edit mutation', () =>
    expectAgreement(NoteFrameEventSchema, readNoteFrameEvent, [...VALID, ...NEAR].flatMap(mutations)));
  it('on prototype tricks and odd objects', () =>
    expectAgreement(NoteFrameEventSchema, readNoteFrameEvent, VALID.flatMap(oddities)));
  it('on random near-messages', () =>
    expectAgreement(NoteFrameEventSchema, readNoteFrameEvent, randomMessages(3000, likely, noise)));
});

function expectAgreementOnValid<T>(schema: z.ZodType<T>, guard: (raw: unknown) => T | null, valid: readonly unknown[]): void {
  for (const raw of valid) {
    expect(schema.safeParse(raw).success, describeValue(raw)).toBe(true);
    expect(guard(raw), describeValue(raw)).toStrictEqual(schema.parse(raw));
  }
}
