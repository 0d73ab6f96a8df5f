import MagicString from 'magic-string';
import type { Plugin } from 'vite';

/**
 * Characters Chrome will not load in a content script ("isn't UTF-8 encoded"): the Unicode
 * noncharacters (U+FDD0-U+FDEF, U+xFFFE and U+xFFFF in every plane), and lone surrogates, which
 * UTF-8 cannot hold at all (they would be written out as U+FFFD). With the `u` flag a surrogate
 * pair is one code point, so \p{Cs} matches only the lone ones.
 */
const UNSAFE = /[\p{Noncharacter_Code_Point}\p{Cs}]/gu;

/** `\uXXXX`, two for an astral code point: unlike `\u{...}` that also reads right in a regex without `u`. */
function escapeOf(char: string): string {
  let out = '';
  for (let i = 0; i < char.length; i++) out += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/**
 * Writes every unsafe character of a minified chunk as an escape, or returns null when there is
 * none. In minified code such a character can only stand in a string, template or regex literal
 * (or a kept comment), where the escape means the same character. A raw one that is itself
 * escaped (`\` + char, an identity escape) takes its backslash along, or it would escape ours.
 */
export function escapeUnsafeChars(code: string): MagicString | null {
  let s: MagicString | null = null;
  for (const m of code.matchAll(UNSAFE)) {
    let start = m.index;
    let slashes = 0;
    while (code[start - 1 - slashes] === '\\') slashes++;
    if (slashes % 2 === 1) start--;
    s ??= new MagicString(code);
    s.overwrite(start, m.index + m[0].length, escapeOf(m[0]));
  }
  return s;
}

/**
 * UTF-8 output that Chrome still loads: escapes only the characters it refuses, after the
 * minifier (which writes them raw) has run. ASCII output would escape all the Chinese of the
 * claims lexicon too: 6 bytes a character instead of 3, ~1.2 KB more gzipped. Fails the build if
 * anything emitted still holds one, so a build Chrome would refuse is never produced;
 * tests/e2e/manifest.e2e.ts checks the output too.
 */
export function chromeSafeUtf8(): Plugin {
  return {
    name: 'sourcemark:chrome-safe-utf8',
    renderChunk: {
      // After vite's esbuild minification, which is a renderChunk hook of no particular order.
      order: 'post',
      handler(code, _chunk, options) {
        const s = escapeUnsafeChars(code);
        if (!s) return null;
        return { code: s.toString(), map: options.sourcemap ? s.generateMap({ hires: true }) : null };
      },
    },
    generateBundle(_options, bundle) {
      for (const out of Object.values(bundle)) {
        const text = out.type === 'chunk' ? out.code : typeof out.source === 'string' ? out.source : '';
        const bad = text.match(new RegExp(UNSAFE.source, 'u'));
        if (bad) {
          const hex = bad[0].codePointAt(0)!.toString(16);
          this.error(`${out.fileName} holds U+${hex}, which Chrome refuses in an extension script`);
        }
      }
    },
  };
}

/**
 * Rollup's file-name sanitiser (characters not safe in a file name become "_", a drive letter's
 * colon stays), plus what Chrome needs: no file or folder name may start with "_" (reserved for
 * the browser's own, such as `_locales`), as Rollup's CommonJS helper chunk does
 * (`_commonjsHelpers`).
 */
export function chromeSafeFileName(name: string): string {
  const drive = /^[a-z]:/i.exec(name)?.[0] ?? '';
  const safe = name.slice(drive.length).replace(/[\u0000-\u001F"#$%&*+,:;<=>?[\]^`{|}\u007F]/g, '_');
  return drive + safe.replace(/(^|\/)_+/g, '$1');
}

/** V8's per-file compile hint (Chrome 136 and later; to other engines, a comment). */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * Prepends V8's compile hint to `file`, so that Chromium compiles all of its functions with the
 * script instead of pre-parsing them and parsing again, one at a time, when each is first
 * called. For the article script (entrypoints/claims), which every article page runs most of at
 * once: Chrome imports it as a module (entrypoints/article-loader.ts), which a background thread
 * compiles as it streams in, and with the hint that thread compiles all of it, leaving the page's
 * main thread nothing to compile on first calls (tests/bench/page-cost.ts). In generateBundle,
 * after every minifier (which would drop the comment).
 */
export function compileHint(file: string): Plugin {
  return {
    name: 'sourcemark:compile-hint',
    generateBundle(_options, bundle) {
      const out = bundle[file];
      if (out?.type === 'chunk' && !out.code.startsWith(COMPILE_HINT)) out.code = COMPILE_HINT + out.code;
    },
  };
}
