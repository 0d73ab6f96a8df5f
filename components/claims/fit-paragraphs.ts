/**
 * The paragraphs of an article's text ("\n"-joined, as components/marking/text-ranges.ts reads
 * it) that fit in one `claims.detect` request: the first ones, up to `maxBlocks` paragraphs and
 * `maxChars` characters counting the "\n"s, so their offsets are the same as in `text`. An
 * article longer than that has its claims found in its first part only; one paragraph longer than
 * the whole allowance is cut. Pure: no detector, so the content script carries none of it.
 */
export function fitParagraphs(text: string, maxBlocks: number, maxChars: number): string[] {
  if (!text || maxBlocks <= 0 || maxChars <= 0) return [];
  const out: string[] = [];
  let used = 0;
  for (let from = 0; from <= text.length && out.length < maxBlocks; ) {
    const nl = text.indexOf('\n', from);
    const to = nl === -1 ? text.length : nl;
    const room = maxChars - used - (out.length ? 1 : 0);
    if (room <= 0) break;
    if (to - from > room) {
      out.push(text.slice(from, from + room));
      break;
    }
    out.push(text.slice(from, to));
    used += to - from + (out.length > 1 ? 1 : 0);
    if (nl === -1) break;
    from = nl + 1;
  }
  return out;
}
