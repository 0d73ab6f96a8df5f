import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { builtInPatterns } from '@/components/recognition/built-in-patterns';
import { PATTERNS_TAKE_PORTS, serverOriginPattern } from '@/components/sync/host-pattern';
import { request } from '@/storage/messaging/client';
import { useEnv } from '../popup/env';
import { errorMessage } from '@/storage/model/error-message';

export type GrantedSitesProps = Record<string, never>;


/** `https://example.com/path` → `https://example.com/*`; null for anything not http(s). */
export function originPattern(input: string): string | null {
  const raw = input.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) return null;
  // Match patterns have no port: a pattern for a host covers all its ports.
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * Sites where Sourcemark runs by itself (optional host permissions; the background registers the
 * content script for them). Adding asks the browser, which needs the click itself: nothing may
 * be awaited before `permissions.request`.
 */
export default function GrantedSites(_props: GrantedSitesProps) {
  const { t } = useEnv();
  const [origins, setOrigins] = useState<string[] | null>(null);
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const builtIn = builtInPatterns(browser.runtime.getManifest());
    // The sync server's permission lets sync reach it; it is not a site Sourcemark runs on.
    const load = () =>
      void Promise.all([browser.permissions.getAll(), request({ type: 'sync.status' }).catch(() => null)]).then(([p, sync]) => {
        const server = sync?.status.server ? serverOriginPattern(sync.status.server, { withPort: PATTERNS_TAKE_PORTS }) : null;
        setOrigins((p.origins ?? []).filter((o) => !builtIn.has(o) && o !== server));
      });
    load();
    browser.permissions.onAdded.addListener(load);
    browser.permissions.onRemoved.addListener(load);
    return () => {
      browser.permissions.onAdded.removeListener(load);
      browser.permissions.onRemoved.removeListener(load);
    };
  }, []);

  const add = (e: Event) => {
    e.preventDefault();
    const pattern = originPattern(input);
    if (!pattern) {
      setError(t.siteInvalid);
      return;
    }
    setError(null);
    browser.permissions.request({ origins: [pattern] }).then(
      (granted) => {
        if (granted) setInput('');
        else setError(t.siteDenied);
      },
      (err: unknown) => setError(t.failed(errorMessage(err))),
    );
  };

  const revoke = (origin: string) =>
    void browser.permissions.remove({ origins: [origin] }).catch((err: unknown) =>
      setError(t.failed(errorMessage(err))),
    );

  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">{t.sectionSites}</h2>
      <p class="muted">{t.sitesHint}</p>
      {origins === null ? null : origins.length === 0 ? (
        <p class="muted">{t.noSites}</p>
      ) : (
        <ul class="sites">
          {origins.map((o) => (
            <li key={o} class="row">
              <code>{o}</code>
              <button type="button" onClick={() => revoke(o)} aria-label={`${t.revoke} ${o}`}>
                {t.revoke}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="row" onSubmit={add}>
        <input
          type="text"
          inputMode="url"
          aria-label={t.siteLabel}
          placeholder={t.sitePlaceholder}
          value={input}
          onInput={(e) => setInput(e.currentTarget.value)}
        />
        <button type="submit">{t.addSite}</button>
      </form>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
