import type { ComponentChildren } from 'preact';
import type { Lang, PlatformNames, PlatformRole } from '@/components/vocabulary/strings';
import { strings } from '@/components/vocabulary/strings';

export type SelfMediaNotice = {
  names: PlatformNames;
  account: string | null;
  /** What the platform's statement says it does, or `silent`: it prints none (百家号, 公众号). */
  role: PlatformRole | 'silent';
};

export type BannerProps = {
  lang: Lang;
  /** Shown only on self-media pages: who uploaded it, and what the platform does with it. */
  selfMedia: SelfMediaNotice | null;
  onDismiss: () => void;
  /** The claim audit, when claim marking ran. */
  children?: ComponentChildren;
};

/**
 * The notice shown above an article. Rendered inside a shadow root; the region's name is
 * "Sourcemark" so screen-reader users can jump to it and tests can find it by role.
 */
export default function Banner({ lang, selfMedia, onDismiss, children }: BannerProps) {
  const t = strings[lang];
  return (
    <section class="banner" role="region" aria-label="Sourcemark" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <div class="text">
        {selfMedia ? (
          <>
            <strong class="title">{t.bannerTitle}</strong>
            <p class="body">{t.bannerBody(selfMedia.names, selfMedia.account, selfMedia.role)}</p>
          </>
        ) : null}
        {children}
      </div>
      <button type="button" class="dismiss" aria-label={t.bannerDismiss} title={t.bannerDismiss} onClick={onDismiss}>
        ×
      </button>
    </section>
  );
}
