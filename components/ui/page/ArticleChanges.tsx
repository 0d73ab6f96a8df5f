import type { ParagraphDiff } from '@/components/factcheck/diff';
import { factcheckStrings, snapshotDate } from '@/components/vocabulary/factcheck-strings';
import type { Lang } from '@/components/vocabulary/strings';

export type ArticleChangesProps = { lang: Lang; taken: string; diff: ParagraphDiff };

/**
 * How the article differs from the reader's snapshot: a line of counts, and on request each
 * changed paragraph then and now, the changed words marked (as text: both versions are page text).
 */
export default function ArticleChanges({ lang, taken, diff }: ArticleChangesProps) {
  const t = factcheckStrings[lang];
  const { changed, added, removed } = diff.summary;
  return (
    <div class="changes" data-changed={changed} data-added={added} data-removed={removed}>
      <p class="changes-title">
        <strong>{t.changedTitle(snapshotDate(taken, lang))}</strong>: {t.changedSummary(changed, added, removed)}
      </p>
      <details>
        <summary>{t.showChanges}</summary>
        <ol class="change-list">
          {diff.changes.map((c) => (
            <li key={`${c.kind}-${c.beforeIndex}-${c.afterIndex}`} data-change={c.kind} data-before-index={c.beforeIndex} data-after-index={c.afterIndex}>
              {c.kind === 'changed' ? (
                <>
                  <p class="which">{t.paragraph(c.afterIndex + 1)}</p>
                  <p class="then">
                    <span class="label">{t.before}: </span>
                    {c.before.slice(0, c.span.start)}
                    <del>{c.before.slice(c.span.start, c.span.beforeEnd)}</del>
                    {c.before.slice(c.span.beforeEnd)}
                  </p>
                  <p class="now">
                    <span class="label">{t.after}: </span>
                    {c.after.slice(0, c.span.start)}
                    <ins>{c.after.slice(c.span.start, c.span.afterEnd)}</ins>
                    {c.after.slice(c.span.afterEnd)}
                  </p>
                </>
              ) : c.kind === 'added' ? (
                <p class="now">
                  <span class="label">{t.added}: </span>
                  <ins>{c.after}</ins>
                </p>
              ) : (
                <p class="then">
                  <span class="label">{t.removed}: </span>
                  <del>{c.before}</del>
                </p>
              )}
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
