/**
 * SHA-256 of a string's UTF-8 bytes as lowercase hex, through WebCrypto: the same digest in the
 * extension (every context has `crypto.subtle`), in Node 20 and in the tests, and one that anyone
 * can recompute from an exported snapshot with `sha256sum`.
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
