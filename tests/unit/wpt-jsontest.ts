import { readdirSync, readFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

/**
 * Runs the web-platform-tests `annotation-model` JSONtest files (vendored in
 * tests/fixtures/wpt-annotation-model) in Node, as their README defines them, so a unit test can
 * put our exports through the same assertions a tester would paste them into by hand.
 *
 * What a `.test` file means (annotation-model/README.md, "Assertion Lists" and "Assertion Objects"):
 *  - `assertions` is an ordered list of entries: a path to a `.json` assertion (relative to the
 *    suite's root when it has a slash, to the test's folder when not), an inline assertion
 *    object, or a nested list.
 *  - An assertion is a draft-04 JSON Schema plus `assertionType` (must | should | may, default
 *    must), `expectedResult` (valid | invalid, default valid), `errorMessage`, and
 *    `onUnexpectedResult` (default failAndContinue): whether an unexpected result fails or passes,
 *    and whether the run then continues, skips the rest of the current list, or aborts.
 *  - `assertionFile` includes a file and overrides its keys.
 * Condition objects (`compareWith`) are not used by the MUST tests, so they are refused here
 * rather than guessed at.
 *
 * Validation mirrors the suite's own page: one Ajv for every assertion, `allErrors`, the
 * definitions/*.json files registered by their ids (the assertions `$ref` them as "id.json#…"),
 * keywords beside `$ref` applied as the suite's Ajv 4 did, and the `uri` and `date-time` formats
 * checked in "fast" mode, which is what that Ajv 4 ran by default: a `uri` is a scheme and no
 * whitespace. (The full RFC 3986 check would refuse IRIs such as https://zh.wikipedia.org/wiki/裁员,
 * which the model allows.)
 */

export type AssertionType = 'must' | 'should' | 'may';

export interface AssertionResult {
  /** The entry as the `.test` file names it, e.g. `annotations/3.1-annotationIdValidated.json`. */
  file: string;
  assertionType: AssertionType;
  /** 'skipped': an earlier unexpected result said to skip or abort. */
  outcome: 'pass' | 'fail' | 'skipped';
  errorMessage: string;
  /** Ajv's account of why the content did not validate, when it did not. */
  errors: string;
}

/** The JSONtest keywords: annotations for the runner, not validation keywords. */
const JSONTEST_KEYWORDS = ['assertionType', 'expectedResult', 'onUnexpectedResult', 'errorMessage'];

type Action = 'continue' | 'skip' | 'abort';

interface Compiled {
  file: string;
  validate: ValidateFunction;
  assertionType: AssertionType;
  expectValid: boolean;
  /** What an unexpected result counts as, and what the run does next. */
  onUnexpected: { pass: boolean; then: Action };
  errorMessage: string;
}

type Entry = Compiled | Entry[];

type Json = Record<string, unknown>;

function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

function onUnexpectedOf(v: unknown): Compiled['onUnexpected'] {
  const value = v ?? 'failAndContinue';
  const m = typeof value === 'string' ? /^(fail|pass)And(Continue|Skip|Abort)$/.exec(value) : null;
  if (!m) throw new Error(`unknown onUnexpectedResult ${JSON.stringify(value)}`);
  return { pass: m[1] === 'pass', then: m[2]!.toLowerCase() as Action };
}

export class JsonTestSuite {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly root: string) {
    // strictTypes/strictTuples only log style advice about the suite's schemas; unknown keywords
    // still throw, so a typo in a schema cannot silently validate nothing.
    this.ajv = new Ajv({ allErrors: true, strictTypes: false, strictTuples: false });
    addFormats(this.ajv, { mode: 'fast', formats: ['uri', 'date-time'] });
    this.ajv.addVocabulary(JSONTEST_KEYWORDS);
    for (const name of readdirSync(resolve(root, 'definitions')).filter((f) => f.endsWith('.json'))) {
      this.ajv.addSchema(readJson(resolve(root, 'definitions', name)));
    }
  }

  /** Loads a `.test` file (path relative to the suite's root). */
  load(testPath: string): JsonTest {
    const test = readJson(resolve(this.root, testPath));
    if (!Array.isArray(test.assertions)) throw new Error(`${testPath}: no assertions list`);
    return new JsonTest(String(test.name), this.entries(test.assertions, posix.dirname(testPath)));
  }

  private entries(list: unknown[], testDir: string): Entry[] {
    return list.map((e): Entry => {
      if (Array.isArray(e)) return this.entries(e, testDir);
      if (typeof e === 'string') {
        const path = this.path(e, testDir);
        return this.compile(path, e, readJson(resolve(this.root, path)));
      }
      if (typeof e === 'object' && e !== null) {
        const o = e as Json;
        if ('assertions' in o || 'compareWith' in o) throw new Error('condition objects are not supported');
        if (typeof o.assertionFile === 'string') {
          const { assertionFile, ...overrides } = o;
          const path = this.path(assertionFile, testDir);
          // Overridden keys make another schema than the file's: compile it under its own key,
          // without the file's id (Ajv refuses two schemas with one id).
          const { id: _id, ...base } = readJson(resolve(this.root, path));
          return this.compile(`${path}#${JSON.stringify(overrides)}`, assertionFile, { ...base, ...overrides });
        }
        return this.compile(`inline:${JSON.stringify(o)}`, String(o.title ?? 'inline assertion'), o);
      }
      throw new Error(`unexpected assertion entry ${JSON.stringify(e)}`);
    });
  }

  /** The README's rule: with a slash, from the suite's root; without, from the test's folder. */
  private path(uri: string, testDir: string): string {
    if (uri.startsWith('/') || /^[a-z]+:/i.test(uri)) throw new Error(`absolute assertion URI ${uri} is not vendored`);
    return uri.includes('/') ? uri : posix.join(testDir, uri);
  }

  private compile(key: string, file: string, schema: Json): Compiled {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(key, validate);
    }
    const type = schema.assertionType ?? 'must';
    if (type !== 'must' && type !== 'should' && type !== 'may') throw new Error(`${file}: assertionType ${String(type)}`);
    return {
      file,
      validate,
      assertionType: type,
      expectValid: (schema.expectedResult ?? 'valid') === 'valid',
      onUnexpected: onUnexpectedOf(schema.onUnexpectedResult),
      errorMessage: String(schema.errorMessage ?? schema.title ?? file),
    };
  }
}

export class JsonTest {
  constructor(
    readonly name: string,
    private readonly entries: Entry[],
  ) {}

  /** Every assertion the test lists, flattened, in order. */
  files(): string[] {
    const out: string[] = [];
    const walk = (es: Entry[]): void => es.forEach((e) => (Array.isArray(e) ? walk(e) : out.push(e.file)));
    walk(this.entries);
    return out;
  }

  /** Runs the assertions over one JSON value; one result per assertion, in order. */
  run(content: unknown): AssertionResult[] {
    const results: AssertionResult[] = [];
    let aborted = false;
    const walk = (es: Entry[]): void => {
      let skipping = false;
      for (const e of es) {
        if (Array.isArray(e)) {
          if (skipping || aborted) this.skipAll(e, results);
          else walk(e);
          continue;
        }
        if (skipping || aborted) {
          results.push(this.result(e, 'skipped', ''));
          continue;
        }
        const valid = e.validate(content) as boolean;
        if (valid === e.expectValid) {
          results.push(this.result(e, 'pass', ''));
          continue;
        }
        const errors = valid ? 'valid, but expected invalid' : JSON.stringify(e.validate.errors?.slice(0, 5));
        results.push(this.result(e, e.onUnexpected.pass ? 'pass' : 'fail', errors));
        if (e.onUnexpected.then === 'skip') skipping = true;
        if (e.onUnexpected.then === 'abort') aborted = true;
      }
    };
    walk(this.entries);
    return results;
  }

  private skipAll(es: Entry[], results: AssertionResult[]): void {
    for (const e of es) {
      if (Array.isArray(e)) this.skipAll(e, results);
      else results.push(this.result(e, 'skipped', ''));
    }
  }

  private result(e: Compiled, outcome: AssertionResult['outcome'], errors: string): AssertionResult {
    return { file: e.file, assertionType: e.assertionType, outcome, errorMessage: e.errorMessage, errors };
  }
}

/** The vendored suite's root folder. */
export const WPT_ANNOTATION_MODEL = resolve(__dirname, '../fixtures/wpt-annotation-model');
