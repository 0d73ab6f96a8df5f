import type { Recognition } from '@/components/recognition/recognise';
import type { PlatformEntry } from '@/components/recognition/platforms/types';
import type { ClaimMarks } from '@/components/marking/claim-marks';
import { ATTR, CLAIMS_OFF } from '@/components/vocabulary/attributes';
import type { Lang } from '@/components/vocabulary/strings';
import type { Verdict } from '@/components/vocabulary/verdicts';
import type { Settings } from '@/storage/model/settings';
import { showBanner, type BannerHandle } from './banner-host';
import { attachClaimTips } from './claim-tip';

/** What the page's claim tooltips do with the reader's verdicts (the content script's annotator). */
export interface VerdictActions {
  verdictOf(index: number): Verdict | null;
  assess(index: number, verdict: Verdict): void;
  openEditor(index: number): void;
}

export interface SelfMediaUiOptions {
  lang: Lang;
  page: Recognition;
  settings: Pick<Settings, 'claimsEnabled' | 'bannerEnabled'>;
  verdicts: VerdictActions;
  findArticleTop(doc: Document, platform: PlatformEntry | null): Element | null;
}

export interface SelfMediaUi {
  banner: BannerHandle | null;
  /**
   * The article's claims are marked (they come from the background after the banner is up): the
   * banner's audit and the marks' tooltips start.
   */
  setClaims(claims: ClaimMarks): void;
  /** Redraws the open tooltip from the stored verdicts. */
  tipsChanged(): void;
  /** Follows the reader's setting when it changes in the popup or options. */
  setMarksOn(on: boolean): void;
  remove(): void;
}

/**
 * On a self-media article, once the settings are known: the banner with the audit, and the
 * tooltips. It ships in the article script (the article kit hands it over), so the content
 * script every page loads carries none of it.
 */
export function startSelfMediaUi({ lang, page, settings, verdicts, findArticleTop }: SelfMediaUiOptions): SelfMediaUi {
  let marksOn = settings.claimsEnabled;
  const setMarks = (on: boolean) => {
    marksOn = on;
    if (on) document.documentElement.removeAttribute(ATTR.claims);
    else document.documentElement.setAttribute(ATTR.claims, CLAIMS_OFF);
  };
  setMarks(marksOn);
  const top = settings.bannerEnabled ? findArticleTop(document, page.platform) : null;
  const platform = page.platform;
  const selfMedia = platform && {
    names: platform.names,
    account: page.account?.name ?? null,
    // Say the platform prints nothing only where it does print nothing, not where we missed it.
    role: page.statements.length === 0 && !platform.printsStatement ? ('silent' as const) : platform.role,
  };
  const banner = top && selfMedia ? showBanner(top, { lang, selfMedia }) : null;
  let claims: ClaimMarks | null = null;
  let tips: ReturnType<typeof attachClaimTips> | null = null;
  const drawAudit = () => {
    if (!claims) return;
    const marks = claims;
    banner?.setAudit({
      claims: marks.views,
      marksOn,
      // On this page only: a page could otherwise switch marks off everywhere (the setting is
      // the popup's and the options page's).
      onToggleMarks: () => {
        setMarks(!marksOn);
        drawAudit();
      },
      onJump: (i) => {
        const first = marks.elements(i)[0];
        if (!first) return;
        if (!marksOn) setMarks(true);
        first.scrollIntoView({ block: 'center' });
        first.focus({ preventScroll: true });
        drawAudit();
      },
    });
  };
  return {
    banner,
    setClaims(next) {
      claims = next;
      tips ??= attachClaimTips(document, {
        lang,
        claim: (i) => claims?.views[i],
        enabled: () => marksOn,
        verdictOf: (i) => verdicts.verdictOf(i),
        onVerdict: (i, v) => verdicts.assess(i, v),
        onAssess: (i) => verdicts.openEditor(i),
      });
      drawAudit();
    },
    tipsChanged: () => tips?.update(),
    remove() {
      tips?.remove();
      banner?.remove();
    },
    setMarksOn(on) {
      setMarks(on);
      drawAudit();
    },
  };
}
