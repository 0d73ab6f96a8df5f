/**
 * The few zod 4 checks the content script's message guards are made of, written out so that the
 * content script need not bundle zod. Each behaves as its zod counterpart does, so a guard built
 * from them accepts exactly what its schema accepts (tests/unit/message-guards.test.ts).
 */

/** What z.object takes for an object: arrays, null and functions are not. */
export function isObjectLike(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * z.strictObject's unknown-key check. Like zod it walks `for...in`, so an inherited enumerable
 * key counts too; messages that crossed a boundary (JSON, structured clone) have none anyway.
 */
export function hasOnlyKeys(v: object, keys: readonly string[]): boolean {
  for (const key in v) if (!keys.includes(key)) return false;
  return true;
}

// zod's own pattern, verbatim: versions 1-8 with the RFC 9562 variant, plus the nil and max UUIDs
// (those two in lower case only).
const UUID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

/** z.uuid(). */
export function isUuid(v: unknown): v is string {
  return typeof v === 'string' && UUID.test(v);
}
