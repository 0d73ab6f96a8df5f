import { FORBIDDEN_KEYS, checkTree, located, type ImportLimits } from './import-result';

/**
 * Turning an untrusted file's text into a value, with every check that can run before or during
 * JSON.parse. Syntax errors are found by our own scanner rather than read from the engine's
 * message: Chrome and Firefox word them differently and Chrome often gives no position, while the
 * user needs "at position N" to find the problem. The same pass bounds the nesting depth, so a
 * file of a million `[` is refused before any parser or reviver recurses into it.
 */

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; error: string };

/** Exact UTF-8 length without allocating an encoded copy of a 50 MB string. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} bytes`;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHex = (c: number): boolean =>
  isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/** Characters that may stand unescaped inside a JSON string. Sticky: matches only at lastIndex. */
const PLAIN_RUN = /[^"\\\u0000-\u001f]*/y;

interface SyntaxProblem {
  message: string;
  position: number;
}

/** Validates JSON syntax (RFC 8259) iteratively from `start`; null when the text is valid. */
export function scanJson(text: string, start: number, maxDepth: number): SyntaxProblem | null {
  const n = text.length;
  let i = start;
  // true = object, false = array; bounded by maxDepth.
  const stack: boolean[] = [];

  const found = (): string => {
    if (i >= n) return 'the end of the file';
    return JSON.stringify(String.fromCodePoint(text.codePointAt(i)!));
  };
  const fail = (expected: string, at = i): SyntaxProblem => {
    const saved = i;
    i = at;
    const f = found();
    i = saved;
    return { message: `${expected} but found ${f}`, position: at };
  };
  const skipWs = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  const scanString = (): SyntaxProblem | null => {
    const open = i;
    i++;
    for (;;) {
      // Skip runs of ordinary characters in one native step: strings are most of a file.
      PLAIN_RUN.lastIndex = i;
      PLAIN_RUN.test(text);
      i = PLAIN_RUN.lastIndex;
      if (i >= n) return { message: 'unterminated string (it starts here)', position: open };
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c === 0x5c) {
        const e = text.charCodeAt(i + 1);
        // " \ / b f n r t
        if ([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74].includes(e)) i += 2;
        else if (e === 0x75) {
          for (let k = 2; k < 6; k++) {
            if (!isHex(text.charCodeAt(i + k))) return fail('expected 4 hex digits after \\u', i + k);
          }
          i += 6;
        } else return fail('expected a valid escape after \\', i + 1);
      } else if (c < 0x20) {
        return { message: 'unescaped control character in a string', position: i };
      } else i++;
    }
  };
  const scanNumber = (): SyntaxProblem | null => {
    if (text.charCodeAt(i) === 0x2d) i++;
    if (text.charCodeAt(i) === 0x30) i++;
    else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
    else return fail('expected a digit');
    if (text.charCodeAt(i) === 0x2e) {
      i++;
      if (!isDigit(text.charCodeAt(i))) return fail('expected a digit after the decimal point');
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      i++;
      const s = text.charCodeAt(i);
      if (s === 0x2b || s === 0x2d) i++;
      if (!isDigit(text.charCodeAt(i))) return fail('expected a digit in the exponent');
      while (isDigit(text.charCodeAt(i))) i++;
    }
    return null;
  };

  let state: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    skipWs();
    if (state === 'value') {
      const c = text[i];
      if (c === '{' || c === '[') {
        if (stack.length >= maxDepth) {
          return { message: `nested too deeply (more than ${maxDepth} levels)`, position: i };
        }
        stack.push(c === '{');
        i++;
        skipWs();
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          state = 'after';
        } else state = c === '{' ? 'key' : 'value';
        continue;
      }
      if (c === '"') {
        const p = scanString();
        if (p) return p;
        state = 'after';
        continue;
      }
      if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
        const p = scanNumber();
        if (p) return p;
        state = 'after';
        continue;
      }
      const lit = ['true', 'false', 'null'].find((l) => text.startsWith(l, i));
      if (lit) {
        i += lit.length;
        state = 'after';
        continue;
      }
      return fail('expected a value');
    }
    if (state === 'key') {
      if (text[i] !== '"') return fail('expected a property name in double quotes');
      const p = scanString();
      if (p) return p;
      skipWs();
      if (text[i] !== ':') return fail('expected ":" after a property name');
      i++;
      state = 'value';
      continue;
    }
    // state === 'after': a value just ended
    if (stack.length === 0) {
      return i < n ? fail('expected the end of the file after the JSON value') : null;
    }
    const inObject = stack[stack.length - 1]!;
    const c = text[i];
    if (c === ',') {
      i++;
      state = inObject ? 'key' : 'value';
    } else if (c === (inObject ? '}' : ']')) {
      stack.pop();
      i++;
    } else return fail(inObject ? 'expected "," or "}"' : 'expected "," or "]"');
  }
}

function lineColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf('\n'); k !== -1 && k < position; k = text.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: position - lineStart + 1 };
}

class ForbiddenKey extends Error {}

/**
 * Text → value, refusing: files over `maxBytes` (checked before anything else), empty files,
 * syntax errors (with position), nesting beyond `maxDepth`, and `__proto__` / `constructor` /
 * `prototype` keys anywhere (with their path). A leading UTF-8 BOM is allowed: Windows tools
 * write one.
 */
export function parseJsonText(text: string, limits: ImportLimits): JsonTextResult {
  // UTF-8 is never shorter than UTF-16 code units, so the cheap test settles most cases.
  if (text.length > limits.maxBytes || (text.length * 3 > limits.maxBytes && utf8Length(text) > limits.maxBytes)) {
    return {
      ok: false,
      error: `file too large: ${formatSize(utf8Length(text))} (the limit is ${formatSize(limits.maxBytes)})`,
    };
  }
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.slice(start).trim() === '') return { ok: false, error: 'empty file: nothing to import' };

  const problem = scanJson(text, start, limits.maxDepth);
  if (problem) {
    const { line, column } = lineColumn(text, problem.position);
    return {
      ok: false,
      error: `not JSON: ${problem.message} at position ${problem.position} (line ${line}, column ${column})`,
    };
  }

  const body = text.slice(start);
  try {
    // JSON.parse defines `__proto__` as an own property, so parsing alone never pollutes; the
    // reviver makes sure such a key never survives into a value anyone could merge or spread.
    const value: unknown = JSON.parse(body, (key, v: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKey(key);
      return v;
    });
    return { ok: true, value };
  } catch (e) {
    if (e instanceof ForbiddenKey) {
      // Parse again without the reviver (safe, see above) only to say where the key is.
      const bad = checkTree(JSON.parse(body) as unknown, limits.maxDepth);
      return { ok: false, error: bad ? located(bad.path, bad.message) : `forbidden key "${e.message}"` };
    }
    // Our scanner accepted what the engine refused: report the engine's words.
    return { ok: false, error: `not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}
