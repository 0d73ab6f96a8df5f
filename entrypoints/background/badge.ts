import type { Lang } from '@/components/vocabulary/strings';

/**
 * The toolbar button as it shows one tab's page: on a self-media article the number of unsourced
 * claims Sourcemark marked there, everywhere else nothing (the button as the manifest draws it).
 *
 * Per-tab values only, and Chromium (156, checked by hand) resets them itself when the tab loads
 * another document, though not on a same-document move (pushState, a #hash): the background also
 * clears them when a tab starts loading (index.ts), which covers Firefox and any browser that
 * keeps them.
 */

export interface Badge {
  /** '' shows no badge: a page with no unsourced claim is not flagged. */
  text: string;
  title: string;
}

/** What the content script reported (the `page.claims` message, less its type). */
export interface PageClaims {
  count: number;
  product?: { zh: string; en: string };
  lang: Lang;
}

/** The button's own title (the popup's `manifest.default_title`), as it is with no page state. */
export const PLAIN_TITLE = 'Sourcemark';
/** Amber: a warning, not an error; white figures on it are legible at the badge's size. */
export const BADGE_COLOR = '#b45309';
/** A badge has room for about four characters; beyond 99 the exact number is the popup's. */
const MOST_SHOWN = 99;

export function badgeFor({ count, product, lang }: PageClaims): Badge {
  const text = count === 0 ? '' : count > MOST_SHOWN ? `${MOST_SHOWN}+` : String(count);
  const claims =
    lang === 'zh' ? `${count} 处无出处说法` : `${count} unsourced ${count === 1 ? 'claim' : 'claims'}`;
  return { text, title: product ? `${product[lang]} · ${claims}` : `${PLAIN_TITLE} · ${claims}` };
}

/** The part of the toolbar-button API the badge uses: `action` in MV3, `browserAction` in Firefox's MV2. */
export interface ToolbarButton {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

/**
 * The toolbar button of the browser we run in. webextension-polyfill passes namespaces through
 * as the browser has them: Chrome's MV3 `action` (there is no `browserAction` in MV3), Firefox's
 * MV2 `browserAction` (its `action` exists only in MV3). Null if neither (never, in our builds).
 */
export function toolbarButton(api: { action?: ToolbarButton; browserAction?: ToolbarButton }): ToolbarButton | null {
  return api.action ?? api.browserAction ?? null;
}

/** Shows `badge` on tab `tabId`'s button. */
export async function showBadge(button: ToolbarButton, tabId: number, badge: Badge): Promise<void> {
  await Promise.all([
    button.setBadgeText({ tabId, text: badge.text }),
    button.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }),
    button.setTitle({ tabId, title: badge.title }),
  ]);
}

/** The plain button again on tab `tabId` (the tab moved to another page). */
export async function clearBadge(button: ToolbarButton, tabId: number): Promise<void> {
  await Promise.all([button.setBadgeText({ tabId, text: '' }), button.setTitle({ tabId, title: PLAIN_TITLE })]);
}
