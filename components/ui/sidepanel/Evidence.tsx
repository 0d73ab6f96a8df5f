import { assessStrings } from '@/components/vocabulary/assess-strings';
import type { Lang } from '@/components/vocabulary/strings';

/** Evidence links; only http(s) addresses are ever stored (AssessmentSchema). */
export default function Evidence({ links, lang }: { links: readonly string[]; lang: Lang }) {
  return (
    <ul class="evidence" aria-label={assessStrings[lang].evidenceList}>
      {links.map((href) => (
        <li key={href}>
          <a href={href} target="_blank" rel="noreferrer noopener">
            {href}
          </a>
        </li>
      ))}
    </ul>
  );
}
