import { isWebUrl, MAX_EVIDENCE } from '@/storage/model/annotation';

export type EvidenceParse = { ok: true; links: string[] } | { ok: false; line: number; text: string } | { ok: false; tooMany: true };

/**
 * The evidence box's text as links: one per line, blank lines skipped, duplicates dropped. A
 * line that is not an http(s) address is named, never silently dropped: the reader pasted it
 * for a reason.
 */
export function parseEvidence(text: string): EvidenceParse {
  const links: string[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t === '') continue;
    if (!isWebUrl(t)) return { ok: false, line: i + 1, text: t.length > 60 ? `${t.slice(0, 60)}…` : t };
    // As the browser writes it (spaces and non-ASCII escaped), so the export is a valid W3C IRI.
    const href = new URL(t).href;
    if (!links.includes(href)) links.push(href);
  }
  if (links.length > MAX_EVIDENCE) return { ok: false, tooMany: true };
  return { ok: true, links };
}
