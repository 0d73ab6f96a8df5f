import {
  categoryLabel,
  categoryTally,
  colorLabel,
  isWebLink,
  REPORT_WORDS,
  utcTime,
  verdictLabel,
  verdictTally,
  type ArticleAudit,
  type AuditClaim,
  type AuditHighlight,
} from './report';

/**
 * The audit as one standalone HTML document, to open in a browser, print or send. It is built as
 * a string, never from the page's markup: every string from the page or the reader is escaped
 * for text and attributes alike, links are made only to web addresses, and the document holds no
 * script and forbids every load but its own inline style (CSP `default-src 'none'`), so a hostile
 * title or note stays text even in a browser that opens the file from disk.
 */

/** Escapes for text and for double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * Screen and print. Category and verdict are always written out as words (and the verdict's
 * glyph); the coloured edge only repeats them. Print drops the colours' backgrounds, keeps an
 * item on one page where it fits, and never leaves a heading alone at a page's foot.
 */
const STYLE = `
:root { color-scheme: light dark; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --paper: #fff; --soft: #f6f8fa;
  --vague: #9a6700; --certainty: #8250df; --statistic: #0969da; }
@media (prefers-color-scheme: dark) { :root { --ink: #e6edf3; --muted: #9198a1; --line: #3d444d; --paper: #0d1117; --soft: #151b23;
  --vague: #d29922; --certainty: #ab7df8; --statistic: #4493f8; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 16px/1.7 system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
.brand { margin: 0; color: var(--muted); font-size: .85rem; letter-spacing: .04em; }
h1 { font-size: 1.6rem; line-height: 1.35; margin: .25rem 0 1rem; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin: 2.25rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; font-size: .95rem; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; overflow-wrap: anywhere; }
a { color: inherit; text-decoration: underline; text-underline-offset: .15em; overflow-wrap: anywhere; }
blockquote { margin: .5rem 0; padding: .4rem .9rem; border-left: 3px solid var(--line); background: var(--soft); white-space: pre-wrap; overflow-wrap: anywhere; }
.statement { margin: 1rem 0; }
.statement figcaption, .label-row, .tally, .hint { color: var(--muted); font-size: .9rem; }
.tally { margin: .2rem 0; }
ol.items { list-style: none; margin: 0; padding: 0; }
.item { margin: 1rem 0; padding: .75rem 1rem; border: 1px solid var(--line); border-left-width: 4px; border-radius: 6px; }
.item.cat-vague { border-left-color: var(--vague); }
.item.cat-certainty { border-left-color: var(--certainty); }
.item.cat-statistic { border-left-color: var(--statistic); }
.label-row { display: flex; flex-wrap: wrap; gap: .35rem .75rem; margin: 0 0 .35rem; }
.label-row .num { font-weight: 600; color: var(--ink); }
.label-row .category, .label-row .verdict, .label-row .color { border: 1px solid var(--line); border-radius: 999px; padding: 0 .55rem; color: var(--ink); }
.verdict.v-false, .verdict.v-misleading { font-weight: 600; }
.why { margin: .4rem 0; font-size: .95rem; }
.note p { margin: .2rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.field { margin: .5rem 0 0; }
.field > strong { font-size: .9rem; }
.evidence ul { margin: .2rem 0; padding-left: 1.25rem; }
.tags { margin: .4rem 0 0; color: var(--muted); font-size: .9rem; }
footer { margin-top: 2.5rem; padding-top: .75rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
@media print {
  :root { --ink: #000; --muted: #333; --line: #999; --paper: #fff; --soft: #fff; }
  @page { margin: 16mm 15mm; }
  body { font-size: 10.5pt; line-height: 1.55; }
  main { max-width: none; padding: 0; }
  h1, h2, h3, .label-row { break-after: avoid; page-break-after: avoid; }
  .item, blockquote, dl.meta { break-inside: avoid; page-break-inside: avoid; }
  .item { border-left-width: 3px; }
  p, li { orphans: 3; widows: 3; }
}
`;

const text = escapeHtml;

/** A link for a web address, or the string as text with a word on why it is not one. */
function link(s: string, notWeb: string): string {
  if (!isWebLink(s)) return notWeb ? `${text(s)} <span class="hint">${text(notWeb)}</span>` : text(s);
  return `<a href="${text(new URL(s).href)}" rel="noreferrer noopener" target="_blank">${text(s)}</a>`;
}

function evidence(lang: ArticleAudit['lang'], items: readonly string[]): string {
  if (items.length === 0) return '';
  const w = REPORT_WORDS[lang];
  const list = items.map((e) => `<li>${link(e, w.notWeb)}</li>`).join('');
  return `<div class="field evidence"><strong>${text(w.evidence)}</strong><ul>${list}</ul></div>`;
}

function noteBlock(lang: ArticleAudit['lang'], note: string, labelled: boolean): string {
  if (!note.trim()) return '';
  const label = labelled ? `<strong>${text(REPORT_WORDS[lang].note)}</strong>` : '';
  return `<div class="field note">${label}<p>${text(note.replace(/\r\n?/g, '\n').trimEnd())}</p></div>`;
}

function claimItem(lang: ArticleAudit['lang'], c: AuditClaim): string {
  const w = REPORT_WORDS[lang];
  const verdictClass = c.verdict ? ` v-${text(c.verdict)}` : '';
  return [
    `<li class="item claim cat-${text(c.category)}">`,
    `<p class="label-row"><span class="num">${text(String(c.index))}</span>`,
    `<span class="category">${text(categoryLabel(lang, c.category))}</span>`,
    `<span class="verdict${verdictClass}">${text(verdictLabel(lang, c.verdict))}</span></p>`,
    `<blockquote class="sentence">${text(c.sentence)}</blockquote>`,
    c.reason.trim() ? `<p class="why"><strong>${text(w.why)}</strong>${text(w.colon + c.reason)}</p>` : '',
    noteBlock(lang, c.note, true),
    evidence(lang, c.evidence),
    '</li>',
  ].join('');
}

function highlightItem(lang: ArticleAudit['lang'], h: AuditHighlight): string {
  const w = REPORT_WORDS[lang];
  const verdict = h.verdict ? `<span class="verdict v-${text(h.verdict)}">${text(verdictLabel(lang, h.verdict))}</span>` : '';
  const tags = h.tags.length ? `<p class="tags"><strong>${text(w.tags)}</strong>${text(w.colon + h.tags.join(w.listSep))}</p>` : '';
  return [
    `<li class="item highlight color-${text(h.color)}">`,
    `<p class="label-row"><span class="color">${text(w.color + w.colon + colorLabel(lang, h.color))}</span>${verdict}</p>`,
    `<blockquote class="quote">${text(h.quote)}</blockquote>`,
    noteBlock(lang, h.note, false),
    tags,
    evidence(lang, h.evidence ?? []),
    '</li>',
  ].join('');
}

export function auditHtml(audit: ArticleAudit): string {
  const { lang, article, snapshot } = audit;
  const w = REPORT_WORDS[lang];
  const title = article.title.replace(/\s+/g, ' ').trim() || w.untitled;
  const row = (term: string, value: string) => `<dt>${text(term)}</dt><dd>${value}</dd>`;
  const meta = [
    row(w.url, link(article.url, '')),
    article.account ? row(w.account, text(article.account)) : '',
    article.platform ? row(w.platform, text(article.platform)) : '',
    row(w.snapshot, snapshot ? `${text(w.snapshotOf(utcTime(snapshot.taken)) + w.clauseSep)}SHA-256 <code>${text(snapshot.sha256)}</code>` : text(w.noSnapshot)),
    row(w.generated, text(utcTime(audit.generated))),
  ].join('');
  const statement = article.statement?.trim()
    ? `<figure class="statement"><figcaption>${text(w.statement)}</figcaption><blockquote>${text(article.statement.trim())}</blockquote></figure>`
    : '';
  const claims =
    audit.claims.length === 0
      ? `<p>${text(w.noClaims)}</p>`
      : `<p class="tally">${text(w.byCategory + w.colon + categoryTally(audit))}</p>` +
        `<p class="tally">${text(w.yourVerdicts + w.colon + verdictTally(audit))}</p>` +
        `<ol class="items">${audit.claims.map((c) => claimItem(lang, c)).join('\n')}</ol>`;
  const highlights =
    audit.highlights.length === 0
      ? ''
      : `<section class="highlights"><h2>${text(w.highlights(audit.highlights.length))}</h2>` +
        `<ol class="items">${audit.highlights.map((h) => highlightItem(lang, h)).join('\n')}</ol></section>`;
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(w.title(title))}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<p class="brand">Sourcemark</p>
<h1>${text(w.title(title))}</h1>
<dl class="meta">${meta}</dl>
${statement}
</header>
<section class="claims"><h2>${text(w.claims(audit.claims.length))}</h2>
${claims}
</section>
${highlights}
<footer>${text(w.footer)}</footer>
</main>
</body>
</html>
`;
}
