import { isWebUrl } from '../model/annotation';
import { isVerdict, VERDICTS, type Verdict } from '@/components/vocabulary/verdicts';
import { describeType, isPlainObject, joinPath } from './import-result';

/**
 * Reads an imported annotation's `body` (one body or a list) into the stored note, tags and
 * assessment parts; jsonld.ts documents the mapping. Paths are relative to the item, so errors
 * read `first.items[3].body[2].source: …`.
 */

export interface BodyRead {
  /** null when no body carries a note; the importer stores ''. */
  note: string | null;
  /** Where the note came from, for errors about it ('body' when it joins several bodies). */
  notePath: string;
  tags: string[];
  tagPaths: string[];
  verdict: { value: Verdict; path: string } | null;
  evidence: string[];
  evidencePaths: string[];
}

export type BodiesResult = { ok: true; read: BodyRead } | { ok: false; path: string; message: string };

export function short(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}…` : v);
  return describeType(v);
}

/** A singular value or a list, with the path each element was found at. */
export function listOf(v: unknown, path: string): { value: unknown; path: string }[] {
  return Array.isArray(v) ? v.map((value, i) => ({ value, path: `${path}[${i}]` })) : [{ value: v, path }];
}

const VERDICT_LIST = VERDICTS.map((v) => JSON.stringify(v)).join(', ');

/**
 * `own` is true when the item carries Sourcemark's extension property: then an assessing body
 * must hold one of our verdict ids. Another tool's assessing text is kept as note text instead
 * (see jsonld.ts for why).
 */
export function readBodies(rawBody: unknown, own: boolean): BodiesResult {
  const fail = (path: string, message: string): BodiesResult => ({ ok: false, path, message });
  // Note parts in file order: the comment, and another tool's assessing text.
  const noteParts: { value: string; path: string }[] = [];
  let comment = false;
  const tags: string[] = [];
  const tagPaths: string[] = [];
  let assessing: string | null = null;
  let verdict: BodyRead['verdict'] = null;
  const evidence: string[] = [];
  const evidencePaths: string[] = [];

  for (const b of rawBody === undefined ? [] : listOf(rawBody, 'body')) {
    if (!isPlainObject(b.value)) return fail(b.path, `expected a body object, found ${describeType(b.value)}`);
    const { type, purpose } = b.value;
    const at = (key: string): string => joinPath(b.path, key);

    if (type === 'SpecificResource') {
      if (purpose !== 'linking') {
        return fail(at('purpose'), `expected "linking" (a SpecificResource body is an evidence link), found ${short(purpose)}`);
      }
      const source = b.value.source;
      if (typeof source !== 'string') return fail(at('source'), `expected string, received ${describeType(source)}`);
      // A click opens an evidence link, so only web addresses, as for the page URL.
      if (!isWebUrl(source)) return fail(at('source'), `an evidence link must be an http: or https: address, found ${short(source)}`);
      evidence.push(source);
      evidencePaths.push(at('source'));
      continue;
    }
    if (type !== 'TextualBody') {
      return fail(at('type'), `expected "TextualBody" or "SpecificResource" (other body kinds are not supported), found ${short(type)}`);
    }
    const value = b.value.value;
    if (typeof value !== 'string') return fail(at('value'), `expected string, received ${describeType(value)}`);
    // A body without purpose is the annotation's comment, as in most W3C examples.
    if (purpose === 'commenting' || purpose === undefined) {
      if (comment) return fail(at('purpose'), 'more than one commenting body');
      comment = true;
      noteParts.push({ value, path: at('value') });
    } else if (purpose === 'tagging') {
      tags.push(value);
      tagPaths.push(at('value'));
    } else if (purpose === 'assessing') {
      if (assessing !== null) return fail(at('purpose'), 'more than one assessing body (an annotation holds one verdict)');
      assessing = value;
      if (isVerdict(value)) verdict = { value, path: at('value') };
      else if (own) return fail(at('value'), `expected a Sourcemark verdict (${VERDICT_LIST}), found ${short(value)}`);
      else noteParts.push({ value, path: at('value') });
    } else {
      return fail(at('purpose'), `expected "commenting", "tagging" or "assessing", found ${short(purpose)}`);
    }
  }

  if (evidence.length > 0 && verdict === null) {
    return fail(
      evidencePaths[0]!.replace(/\.source$/, ''),
      'an evidence link needs an assessing body whose value is a Sourcemark verdict (the verdict it supports)',
    );
  }
  return {
    ok: true,
    read: {
      note: noteParts.length === 0 ? null : noteParts.map((p) => p.value).join('\n\n'),
      notePath: noteParts.length === 1 ? noteParts[0]!.path : 'body',
      tags,
      tagPaths,
      verdict,
      evidence,
      evidencePaths,
    },
  };
}
