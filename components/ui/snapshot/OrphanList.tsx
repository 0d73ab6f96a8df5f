import type { OrphanLine } from '@/components/factcheck/kept-copy';
import { snapshotStrings } from '@/components/vocabulary/snapshot-strings';
import type { Lang } from '@/components/vocabulary/strings';
import { VERDICT_NAMES } from '@/components/vocabulary/verdicts';

export type OrphanListProps = { lang: Lang; orphans: readonly OrphanLine[] };

/**
 * The reader's annotations of this article that found no place in the copy, each with its quote
 * (and note and verdict): shown, so none is lost from sight, and never put on other words.
 */
export default function OrphanList({ lang, orphans }: OrphanListProps) {
  const t = snapshotStrings[lang];
  if (orphans.length === 0) return null;
  return (
    <section class="orphans" aria-labelledby="orphans-head">
      <h2 id="orphans-head">{t.orphans(orphans.length)}</h2>
      <p class="muted">{t.orphanHelp}</p>
      <ul>
        {orphans.map((o) => (
          <li key={o.id} class="orphan" data-annotation-id={o.id}>
            <blockquote class="quote">{o.quote}</blockquote>
            {o.verdict && (
              <p class="verdict">
                {t.verdict}: {VERDICT_NAMES[lang][o.verdict]}
              </p>
            )}
            {o.note && (
              <p class="note">
                {t.note}: {o.note}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
