import type { ArticleSnapshot } from '@/components/factcheck/snapshot-schema';
import { PLATFORMS } from '@/components/recognition/platforms';
import { snapshotDate } from '@/components/vocabulary/factcheck-strings';
import { snapshotStrings } from '@/components/vocabulary/snapshot-strings';
import type { Lang } from '@/components/vocabulary/strings';

export type CopyDetailsProps = { lang: Lang; snapshot: ArticleSnapshot; intact: boolean };

/**
 * What the copy is: whose article, where and when it was published, where it was read, when it
 * was kept and its fingerprint, and whether the text still has that fingerprint. Every field is
 * text; the address is a link only because the schema allows http(s) addresses alone.
 */
export default function CopyDetails({ lang, snapshot, intact }: CopyDetailsProps) {
  const t = snapshotStrings[lang];
  const platform = PLATFORMS.find((p) => p.id === snapshot.platform)?.names.product[lang] ?? null;
  return (
    <section class="details" aria-label={t.about}>
      <p class={`integrity ${intact ? 'intact' : 'altered'}`} data-intact={String(intact)}>
        {intact ? t.intact : t.altered}
      </p>
      <dl>
        <dt>{t.account}</dt>
        <dd class="account">{snapshot.account ?? t.unnamed}</dd>
        <dt>{t.platform}</dt>
        <dd class="platform">{platform ?? t.unnamed}</dd>
        <dt>{t.published}</dt>
        <dd class="published">{snapshot.published ?? t.unnamed}</dd>
        <dt>{t.address}</dt>
        <dd class="address">
          <a href={snapshot.url} rel="noreferrer noopener" target="_blank">
            {snapshot.url}
          </a>
        </dd>
        <dt>{t.kept}</dt>
        <dd class="kept">
          <time dateTime={snapshot.taken}>{snapshotDate(snapshot.taken, lang)}</time>
        </dd>
        <dt>{t.sha256}</dt>
        <dd class="sha256">
          <code>{snapshot.sha256}</code>
        </dd>
      </dl>
    </section>
  );
}
