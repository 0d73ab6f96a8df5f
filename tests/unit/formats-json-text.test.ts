import { describe, expect, it } from 'vitest';
import { scanJson } from '@/storage/formats/json-text';
import { mulberry32 } from './formats-gen';

/**
 * The syntax scanner decides what counts as JSON before JSON.parse runs, so it must agree with
 * JSON.parse exactly: differential test over seeded mutations of valid documents.
 */

const SEEDS = [
  '{"a": [1, -2.5e+3, true, false, null, "s\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9"], "b": {}}',
  '[[], [{}], {"": ""}, 0, -0, 0.5, 1E2, "中文😀"]',
  ' \t\r\n{"k" : "v" , "n":[ 1 ,2 ] }\n',
];
const ALPHABET = [...'{}[]",:.-+eE0123456789 \t\n\\/ubfnrtxa', '\u0000', '\u2028', '😀'];

describe('scanJson agrees with JSON.parse', () => {
  it('on 20,000 seeded mutations', () => {
    const rnd = mulberry32(42);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    let accepted = 0;
    for (let n = 0; n < 20_000; n++) {
      let s = pick(SEEDS);
      const edits = 1 + Math.floor(rnd() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(rnd() * (s.length + 1));
        const k = rnd();
        if (k < 0.4) s = s.slice(0, at) + s.slice(at + 1);
        else if (k < 0.8) s = s.slice(0, at) + pick(ALPHABET) + s.slice(at);
        else s = s.slice(0, at) + pick(ALPHABET) + s.slice(at + 1);
      }
      let parses = true;
      try {
        JSON.parse(s);
      } catch {
        parses = false;
      }
      const problem = scanJson(s, 0, 64);
      if ((problem === null) !== parses) throw new Error(`disagree on ${JSON.stringify(s)}: ${JSON.stringify(problem)}`);
      if (parses) accepted++;
      else expect(problem!.position).toBeLessThanOrEqual(s.length);
    }
    // Both branches must have been exercised.
    expect(accepted).toBeGreaterThan(1000);
    expect(accepted).toBeLessThan(19_000);
  });

  it.each([
    ['1', null],
    ['"\\u12G4"', 'expected 4 hex digits'],
    ['"\\x"', 'expected a valid escape'],
    ['01', 'expected the end of the file'],
    ['1.', 'expected a digit after the decimal point'],
    ['1e', 'expected a digit in the exponent'],
    ['-', 'expected a digit'],
    ['{"a" 1}', 'expected ":" after a property name'],
    ['{"a":1 "b":2}', 'expected "," or "}"'],
    ['[1 2]', 'expected "," or "]"'],
    ['tru', 'expected a value'],
    ["{'a':1}", 'expected a property name in double quotes'],
  ])('%j', (text, message) => {
    const p = scanJson(text, 0, 32);
    if (message === null) expect(p).toBeNull();
    else expect(p?.message).toContain(message);
  });
});
