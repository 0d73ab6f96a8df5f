import { describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import { COMPILE_HINT, chromeSafeFileName, compileHint, escapeUnsafeChars } from '@/wxt.build-plugins';

/**
 * escapeUnsafeChars rewrites minified code so that Chrome loads it; it must not change what the
 * code means. Each case is an expression holding raw characters as a minifier writes them; it is
 * evaluated before and after and must give the same value, with nothing Chrome refuses left.
 */

const FFFF = '\uffff';
const ASTRAL = String.fromCodePoint(0x1ffff);
const LAST = String.fromCodePoint(0x10fffe);
const LONE_HIGH = '\ud800';
const LONE_LOW = '\udc00';

function refused(text: string): string | undefined {
  return [...text].find((ch) => {
    const c = ch.codePointAt(0)!;
    return (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) === 0xfffe || (c >= 0xd800 && c <= 0xdfff);
  });
}

const evaluate = (expr: string): unknown => new Function(`return (${expr});`)() as unknown;

describe('escapeUnsafeChars', () => {
  it.each([
    ['string', `"a${FFFF}b"`],
    ['single quotes, every BMP noncharacter kind', `'\ufdd0\ufdef\ufffe${FFFF}'`],
    ['astral noncharacters', `"${ASTRAL}${LAST}"`],
    ['lone surrogates', `"${LONE_HIGH}x${LONE_LOW}"`],
    ['template literal', `\`a\${1}${FFFF}\``],
    ['regex without u', `/[\ufdd0-${FFFF}]/.test("\\ufffe")`],
    ['regex without u, astral', `/^${ASTRAL}$/.test("${escapeJs(ASTRAL)}")`],
    ['regex with u, astral', `/^${ASTRAL}$/u.test("${escapeJs(ASTRAL)}")`],
    ['regex with u, class', `/[${ASTRAL}]/u.exec("x${escapeJs(ASTRAL)}")[0]`],
    ['identity escape of the raw character', `"\\${FFFF}"`],
    ['identity escape in a regex', `/\\${FFFF}/.test("${escapeJs(FFFF)}")`],
    ['escaped backslash before it', `"\\\\${FFFF}"`],
    ['three backslashes', `"\\\\\\${FFFF}"`],
    ['next to safe text', `"中文${FFFF}😀\ufffd"`],
  ])('%s', (_, expr) => {
    const out = escapeUnsafeChars(expr)?.toString();
    expect(out).toBeDefined();
    expect(refused(out!)).toBeUndefined();
    expect(evaluate(out!)).toStrictEqual(evaluate(expr));
  });

  it('leaves code without such characters alone', () => {
    const code = `const a="中文😀\ufffd\ufffc\ufdcf\ufdf0\u2028",b=/[\\uffff]/;`;
    expect(escapeUnsafeChars(code)).toBeNull();
  });
});

/** The string as `\\uXXXX` escapes, to write the expected text inside an expression. */
function escapeJs(s: string): string {
  return Array.from({ length: s.length }, (_, i) => `\\u${s.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
}

describe('chromeSafeFileName (Chrome refuses a package with a name starting with "_")', () => {
  it.each([
    ['_commonjsHelpers', 'commonjsHelpers'],
    ['chunks/__virtual_x', 'chunks/virtual_x'],
    ['popup', 'popup'],
    ['page_kinds', 'page_kinds'],
    ['a?b*c', 'a_b_c'],
    ['\0virtual:thing', 'virtual_thing'],
    ['C:/x/_y', 'C:/x/y'],
  ])('%j → %j', (name, safe) => {
    expect(chromeSafeFileName(name)).toBe(safe);
  });
});

describe('compileHint', () => {
  const chunk = (fileName: string, code: string) => ({ type: 'chunk' as const, fileName, code });
  const run = (bundle: Record<string, ReturnType<typeof chunk>>) => {
    const hook = compileHint('claims.js').generateBundle as (this: Rollup.PluginContext, o: unknown, b: Rollup.OutputBundle, w: boolean) => void;
    // The hook reads nothing of Rollup's context or options; a chunk needs only its type and code here.
    hook.call({} as Rollup.PluginContext, {}, bundle as unknown as Rollup.OutputBundle, false);
  };

  it('opens the named script with the hint, once, and leaves the other files alone', () => {
    const bundle = { 'claims.js': chunk('claims.js', 'var claims=1;'), 'content-script.js': chunk('content-script.js', 'var c=2;') };
    run(bundle);
    run(bundle);
    expect(bundle['claims.js'].code).toBe(`${COMPILE_HINT}var claims=1;`);
    expect(bundle['content-script.js'].code).toBe('var c=2;');
  });

  it('is a line comment of its own: the script means the same', () => {
    const bundle = { 'claims.js': chunk('claims.js', 'globalThis.__hinted = 6 * 7;') };
    run(bundle);
    new Function(bundle['claims.js'].code)();
    expect((globalThis as { __hinted?: number }).__hinted).toBe(42);
  });
});
