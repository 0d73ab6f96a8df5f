import { escapeMarkdownInline, markdownTag, quoteBlock } from '@/storage/formats/markdown';
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
 * The audit as Markdown, for a notes app (Obsidian, Logseq) or a message. Text from the page
 * (title, account, statement, claim sentences, quotes) and Sourcemark's reasons are escaped the
 * way the highlights export escapes them (storage/formats/markdown.ts), so a page cannot make
 * links or markup in the reader's notes; the reader's own notes go through as written, Markdown
 * and all, as in that export. Evidence becomes a link only when it is a web address.
 */

/** One line of page text: no line break may start a block inside a list item or heading. */
const inline = (s: string): string => escapeMarkdownInline(s.replace(/\s+/g, ' ').trim());

/** An autolink for web addresses (the parser's href: spaces and brackets percent-encoded), else text. */
function link(s: string, notWeb: string): string {
  if (isWebLink(s)) return `<${new URL(s).href}>`;
  return notWeb ? `${inline(s)} ${notWeb}` : inline(s);
}

const note = (s: string): string => s.replace(/\r\n?/g, '\n').trimEnd();

function evidenceBlock(lang: ArticleAudit['lang'], evidence: readonly string[]): string[] {
  if (evidence.length === 0) return [];
  const w = REPORT_WORDS[lang];
  return [`**${w.evidence}**`, evidence.map((e) => `- ${link(e, w.notWeb)}`).join('\n')];
}

function claimSection(lang: ArticleAudit['lang'], c: AuditClaim): string {
  const w = REPORT_WORDS[lang];
  const parts = [`### ${c.index}. ${categoryLabel(lang, c.category)} · ${verdictLabel(lang, c.verdict)}`, quoteBlock(c.sentence)];
  if (c.reason.trim()) parts.push(`${w.why}${w.colon}${inline(c.reason)}`);
  if (c.note.trim()) parts.push(`**${w.note}**`, note(c.note));
  parts.push(...evidenceBlock(lang, c.evidence));
  return parts.join('\n\n');
}

function highlightSection(lang: ArticleAudit['lang'], h: AuditHighlight): string {
  const w = REPORT_WORDS[lang];
  const heading = h.verdict ? `${colorLabel(lang, h.color)} · ${verdictLabel(lang, h.verdict)}` : colorLabel(lang, h.color);
  const parts = [`### ${heading}`, quoteBlock(h.quote)];
  if (h.note.trim()) parts.push(note(h.note));
  if (h.tags.length > 0) parts.push(h.tags.map(markdownTag).join(' '));
  parts.push(...evidenceBlock(lang, h.evidence ?? []));
  return parts.join('\n\n');
}

export function auditMarkdown(audit: ArticleAudit): string {
  const { lang, article, snapshot } = audit;
  const w = REPORT_WORDS[lang];
  const title = article.title.trim() ? inline(article.title) : w.untitled;
  const meta = [`- ${w.url}${w.colon}${link(article.url, '')}`];
  if (article.account) meta.push(`- ${w.account}${w.colon}${inline(article.account)}`);
  if (article.platform) meta.push(`- ${w.platform}${w.colon}${inline(article.platform)}`);
  meta.push(
    snapshot
      ? `- ${w.snapshot}${w.colon}${w.snapshotOf(inline(utcTime(snapshot.taken)))}${w.clauseSep}SHA-256 ${inline(snapshot.sha256)}`
      : `- ${w.snapshot}${w.colon}${w.noSnapshot}`,
    `- ${w.generated}${w.colon}${utcTime(audit.generated)}`,
  );
  const parts = [`# ${w.title(title)}`, meta.join('\n')];
  if (article.statement?.trim()) parts.push(`**${w.statement}**`, quoteBlock(article.statement.trim()));

  parts.push(`## ${w.claims(audit.claims.length)}`);
  if (audit.claims.length === 0) parts.push(w.noClaims);
  else {
    parts.push(`- ${w.byCategory}${w.colon}${categoryTally(audit)}\n- ${w.yourVerdicts}${w.colon}${verdictTally(audit)}`);
    parts.push(...audit.claims.map((c) => claimSection(lang, c)));
  }
  if (audit.highlights.length > 0) {
    parts.push(`## ${w.highlights(audit.highlights.length)}`, ...audit.highlights.map((h) => highlightSection(lang, h)));
  }
  parts.push('---', `*${w.footer}*`);
  return `${parts.join('\n\n')}\n`;
}
