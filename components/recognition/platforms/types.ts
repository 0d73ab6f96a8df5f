import type { PlatformId, SelfMediaPage } from '../../vocabulary/page-kinds';

/**
 * One platform's entry in the registry: everything recognition knows about it, as data. Adding a
 * platform means adding one of these (and its seed pages); the recogniser, the manifest's match
 * patterns and the banner's wording all read it. Evidence for every value is in
 * shared/notes/platforms.md and netease.md, and the entry's comments say how sure it is.
 */
export interface PlatformEntry {
  id: PlatformId;
  /** The self-media product: the value of `data-sourcemark-page` on its articles. */
  page: SelfMediaPage;
  names: {
    /** The portal, as the reader knows it: 搜狐 / Sohu. */
    portal: Names;
    /** Its self-media product: 搜狐号 / Sohu Hao. */
    product: Names;
  };
  /**
   * Where its articles are. The first shape that matches the URL decides; a URL that matches none
   * is not this platform's article (a profile page, a channel front page).
   */
  urls: readonly UrlShape[];
  /**
   * The platform's statement, current and older wordings. A page may print one per language; each
   * is matched on its own element. Empty when the platform prints none.
   */
  statements: readonly Wording[];
  /** Whether its current articles print a statement (false: 百家号, 公众号 publish without one). */
  printsStatement: boolean;
  /**
   * What its statement says the platform does with an upload, so the banner says the same:
   * `stores` (仅提供信息存储(空间)服务), `publishes` (仅提供信息发布平台), `disowns` (不代表…的观点).
   */
  role: 'stores' | 'publishes' | 'disowns';
  /** Fast paths to the parts of an article, most specific first; generic fallbacks follow. */
  selectors: {
    title: readonly string[];
    /** The uploading account's name; its link is the element's own or nearest `<a href>`. */
    account: readonly string[];
    body: readonly string[];
    /**
     * Where the page prints when it was published, as the reader sees it. The element may say more
     * than the date (NetEase's `.post_info` line goes on to the source and the IP location), so
     * the date is read out of its text; elements without one are passed over.
     */
    date: readonly string[];
    /**
     * The elements the platform prints its statement in, where the evidence shows them (empty
     * where it does not). Searched first: the page's whole text is searched only when none of
     * them holds it, which on an article page is most of recognition's cost.
     */
    statement: readonly string[];
  };
  /**
   * What the page shows besides the statement, for URLs that cannot tell self-media from the
   * portal's own newsroom (`either`), and to overrule a self-media URL that holds an editorial page.
   */
  evidence: {
    selfMedia: readonly Evidence[];
    editorial: readonly Evidence[];
  };
}

export interface Names {
  zh: string;
  en: string;
}

/**
 * `self-media`: only user uploads live at this shape. `editorial`: only the portal's own news.
 * `either`: both do, and only the page can tell.
 */
export type UrlKind = 'self-media' | 'editorial' | 'either';

export interface UrlShape {
  /** A host name, or `*.example.com` for it and every subdomain. */
  host: string;
  /** Tested against the URL's pathname. */
  path: RegExp;
  /** Search parameters that must be present and match. */
  query?: Readonly<Record<string, RegExp>>;
  kind: UrlKind;
  /**
   * For `self-media` and `either` shapes: the path part of the manifest match pattern that covers
   * them (`/a/*`). Content scripts are injected at `https://<host><match>`; a unit test checks every
   * example URL of the shape is covered.
   */
  match?: string;
}

/**
 * One wording of a statement, matched on normalised text (components/recognition/normalize.ts)
 * by pieces, never as one exact sentence: live pages and copies differ in punctuation, quotes and
 * spacing, and platforms reword around the same pieces.
 */
export interface Wording {
  lang: 'zh' | 'en';
  /**
   * Every piece must occur in the element's normalised text: `zh` pieces in it with spaces
   * removed, `en` pieces in its lower case. The first piece is also searched for in raw text nodes
   * to find candidates cheaply, so it must be a plain string that no width or spacing variant
   * changes: Chinese ideographs only, or lower-case words.
   */
  pieces: readonly [string, ...(string | RegExp)[]];
}

/** The page has an element matching `selector` (whose normalised text matches `text`, if given). */
export interface Evidence {
  /** A short name for the verdict's reasons: `crumb`, `account-link`. */
  name: string;
  selector: string;
  text?: RegExp;
}
