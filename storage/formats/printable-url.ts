/**
 * A stored web address as the text exports print it (Markdown, CSV). Stored addresses only had to
 * parse (WebUrlSchema), so they may hold spaces, `<`, `>`, quotes or a stray `%`: in Markdown a
 * `<` or `)` could end a link or open HTML, and in a space-separated CSV cell a space would split
 * one address in two. The WHATWG serialiser (`URL.href`) percent-encodes most of these; what it
 * leaves outside RFC 3986's characters (`{ } | ^ \` in a query, say) and a `%` that starts no
 * escape (Obsidian reads `%%` as a comment) are encoded here. The result opens the same page.
 * JSON-LD keeps the stored string exactly instead: it is the backup format.
 */

const OUTSIDE_RFC3986 = /[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/g;

export function printableUrl(url: string): string {
  let href: string;
  try {
    href = new URL(url).href;
  } catch {
    // Not reachable for stored annotations (they parse); encode what we were given instead.
    href = url;
  }
  return href
    .replace(/%(?![0-9A-Fa-f]{2})/g, '%25')
    .replace(OUTSIDE_RFC3986, (c) => {
      try {
        return encodeURIComponent(c);
      } catch {
        // A lone surrogate has no UTF-8 form; the replacement character stands for it.
        return '%EF%BF%BD';
      }
    });
}
