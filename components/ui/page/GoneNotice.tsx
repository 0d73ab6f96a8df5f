import type { GoneReason } from '@/components/factcheck/gone';
import { factcheckStrings, snapshotDate } from '@/components/vocabulary/factcheck-strings';
import type { Lang } from '@/components/vocabulary/strings';

export type GoneNoticeProps = { lang: Lang; why: GoneReason; taken: string; onOpen: () => void };

/** The article the reader kept a copy of is gone: say why we think so, and open the copy. */
export default function GoneNotice({ lang, why, taken, onOpen }: GoneNoticeProps) {
  const t = factcheckStrings[lang];
  return (
    <div class="gone" data-gone={why}>
      <strong class="title">{t.goneTitle}</strong>
      <p class="body">
        {t.goneWhy[why]} {t.goneCopy(snapshotDate(taken, lang))}
      </p>
      <button type="button" class="open-copy" onClick={onOpen}>
        {t.openCopy}
      </button>
    </div>
  );
}
