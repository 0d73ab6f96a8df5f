import type { Lang } from './i18n';
import { strings } from './i18n';

export type BannerProps = {
  lang: Lang;
  account: string | null;
  onDismiss: () => void;
};

/**
 * The notice shown above a 网易号 article. Rendered inside a shadow root; the region's name is
 * "Sourcemark" so screen-reader users can jump to it and tests can find it by role.
 */
export default function Banner({ lang, account, onDismiss }: BannerProps) {
  const t = strings[lang];
  return (
    <section class="banner" role="region" aria-label="Sourcemark" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <div class="text">
        <strong class="title">{t.bannerTitle}</strong>
        <p class="body">{t.bannerBody(account)}</p>
      </div>
      <button type="button" class="dismiss" aria-label={t.bannerDismiss} title={t.bannerDismiss} onClick={onDismiss}>
        ×
      </button>
    </section>
  );
}
