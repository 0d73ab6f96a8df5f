/**
 * Page identity. Annotations are stored and looked up by `pageKey`, so every URL a reader can
 * reach one article by (desktop, mobile, app share link, with or without tracking junk) must map
 * to the same key, and different articles must not. The key is for matching, not for opening:
 * it has no scheme and may be rewritten (NetEase articles), so keep `url` for navigation.
 *
 * Rules, in order:
 *  1. The URL must parse as an absolute URL, else an Error is thrown (callers decide whether a
 *     page without a usable URL can be annotated at all).
 *  2. A canonical URL (`<link rel="canonical">`) replaces the URL when it resolves to an
 *     http(s) URL on the same registrable domain. Cross-site canonicals are ignored: syndicated
 *     copies and hostile pages could otherwise claim another site's annotations.
 *  3. NetEase (163.com) article URLs collapse to `163.com/article/<DOCID>`.
 *  4. Otherwise: `host[:port]/path[?sorted query][#!route]` with the host lower-cased, `www`/`m`
 *     labels removed from the subdomain part, tracking parameters removed, the remaining query
 *     sorted, and the fragment removed unless it is a hash-bang / hash route (`#!…`, `#/…`),
 *     which single-page apps use as the page address.
 *  Non-http(s) URLs (file:, urn:, chrome-extension:…) keep their scheme so they can never
 *  collide with a web key, and only lose their fragment.
 */

/**
 * Query parameters that identify a visit, a share or a campaign, never the document. Matched
 * case-insensitively. Trade-offs, on purpose:
 *  - `s` is a share code on Weibo/Douyin/Xiaohongshu links but WordPress's search parameter;
 *    search result pages are not what people annotate, so it goes.
 *  - `f`/`from` are share origins on Chinese portals (NetEase `from=…`, WeChat `from=timeline`).
 *  - `ref` is kept: on GitHub and others it names a branch or revision.
 */
const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  // Chinese portals, apps and WeChat share links
  'from',
  'f',
  's',
  'spss',
  'clickfrom',
  'isappinstalled',
  'scene',
  'subscene',
  'timestamp',
  'clicktime',
  'enterid',
  'wxshare_count',
  'vd_source',
  'tt_from',
  'wfr',
  // ad-click identifiers
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'yclid',
  'igshid',
]);
/** Prefixes: `utm_*` campaigns, `share*` (share_token, shareId, share_source, sharer_*…),
 * `spm*` (Alibaba/Bilibili spm, spm_id_from), Mailchimp `mc_*`, HubSpot `_hs*`. */
const TRACKING_PREFIXES: readonly string[] = ['utm_', 'share', 'spm', 'mc_', '_hs'];

export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

/**
 * Second-level labels under which registrations happen one level deeper (a tiny public-suffix
 * list: a full PSL is 200 kB, and a miss here only means two sites of one such suffix are
 * treated as the same site for canonical checks).
 */
const TWO_LEVEL_SUFFIXES: ReadonlySet<string> = new Set([
  'com.cn', 'net.cn', 'org.cn', 'gov.cn', 'edu.cn', 'ac.cn', 'mil.cn',
  'com.hk', 'org.hk', 'edu.hk', 'gov.hk', 'net.hk',
  'com.tw', 'org.tw', 'edu.tw', 'gov.tw', 'net.tw', 'idv.tw',
  'com.mo', 'com.sg', 'edu.sg', 'gov.sg', 'com.my',
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'me.uk', 'ltd.uk', 'plc.uk',
  'co.jp', 'ne.jp', 'or.jp', 'ac.jp', 'go.jp',
  'co.kr', 'or.kr', 'ac.kr',
  'com.au', 'net.au', 'org.au', 'edu.au', 'gov.au',
  'co.nz', 'org.nz', 'co.in', 'com.br', 'com.tr', 'co.za',
]);

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** `news.sina.com.cn` → `sina.com.cn`; `en.m.wikipedia.org` → `wikipedia.org`. IPs and
 * single-label hosts are their own registrable domain. */
export function registrableDomain(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[') || IPV4.test(host)) return host;
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const lastTwo = labels.slice(-2).join('.');
  return labels.slice(TWO_LEVEL_SUFFIXES.has(lastTwo) ? -3 : -2).join('.');
}

/** Removes `www` and `m` labels in front of the registrable domain: `www.163.com` → `163.com`,
 * `en.m.wikipedia.org` → `en.wikipedia.org`; `m.com` stays, it is the site itself. */
function normaliseHost(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const domain = registrableDomain(host);
  if (host === domain) return host;
  const sub = host
    .slice(0, host.length - domain.length - 1)
    .split('.')
    .filter((l) => l !== 'www' && l !== 'm');
  return [...sub, domain].join('.');
}

function parseAbsolute(url: string): URL {
  if (typeof url !== 'string') throw new Error(`pageKey: expected a URL string, got ${typeof url}`);
  try {
    return new URL(url.trim());
  } catch {
    const shown = url.length > 200 ? `${url.slice(0, 200)}…` : url;
    throw new Error(`pageKey: not a valid absolute URL: ${JSON.stringify(shown)}`);
  }
}

const isWeb = (u: URL): boolean => u.protocol === 'http:' || u.protocol === 'https:';

/** NetEase document ids: 16 upper-case letters or digits, e.g. `JH5K2E6T0519QIKK`. */
const NETEASE_DOCID = /^[A-Z0-9]{16}$/;

/**
 * NetEase serves one article at many addresses (www/m/3g/c.m/dy/news hosts, `/dy/article/`,
 * `/news/a/`, `/article/`, dated `/20/0101/10/` paths, `_pdya11y`-style share suffixes, and
 * `touch/article.html?docid=`). The docid is global, so it alone is the page.
 */
function neteaseKey(u: URL): string | null {
  if (registrableDomain(u.hostname) !== '163.com') return null;
  const docid = u.searchParams.get('docid');
  if (docid && NETEASE_DOCID.test(docid)) return `163.com/article/${docid}`;
  const last = u.pathname.split('/').pop() ?? '';
  const m = /^([A-Z0-9]{16})(?:_[A-Za-z0-9]+)?\.html$/.exec(last);
  return m ? `163.com/article/${m[1]}` : null;
}

function sortedQuery(u: URL): string {
  const kept = [...u.searchParams].filter(([k]) => !isTrackingParam(k));
  // Sort by name, then value, so repeated parameters are ordered too.
  kept.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return new URLSearchParams(kept).toString();
}

function keyOf(u: URL): string {
  if (!isWeb(u)) {
    u.hash = '';
    return u.href;
  }
  const netease = neteaseKey(u);
  if (netease) return netease;
  const host = normaliseHost(u.hostname) + (u.port ? `:${u.port}` : '');
  const query = sortedQuery(u);
  const route = u.hash.startsWith('#!') || u.hash.startsWith('#/') ? u.hash : '';
  return `${host}${u.pathname}${query ? `?${query}` : ''}${route}`;
}

/**
 * The key annotations of a page are stored under. Throws an Error for a string that is not an
 * absolute URL; a bad `canonical` never throws, it is ignored.
 */
export function pageKey(url: string, canonical?: string | null): string {
  const page = parseAbsolute(url);
  if (canonical && isWeb(page)) {
    let c: URL | null = null;
    try {
      // Relative canonicals are legal HTML; resolve them against the page.
      c = new URL(canonical.trim(), page);
    } catch {
      c = null;
    }
    if (c && isWeb(c) && registrableDomain(c.hostname) === registrableDomain(page.hostname)) {
      return keyOf(c);
    }
  }
  return keyOf(page);
}

/** The site shown next to an annotation and used to group them: the host without `www`/`m`
 * labels (`news.163.com`, `en.wikipedia.org`); '' for URLs without a host (file:, urn:). */
export function siteOf(url: string): string {
  const u = parseAbsolute(url);
  return u.hostname ? normaliseHost(u.hostname) : '';
}
