import { useMemo, useState } from 'preact/hooks';
import { request } from '@/storage/messaging/client';
import type { PageStatus } from '@/storage/messaging/protocol';
import { annotationsForPage } from '@/storage/db/queries';
import { listedOf } from '@/storage/db/digest';
import AnnotationItem from './AnnotationItem';
import { useEnv } from './env';
import type { ActiveTab } from './active-tab';
import { useLive } from './use-live';
import { errorMessage } from '@/storage/model/error-message';
import { CLAIM_CATEGORIES, categoryNameInText } from '@/components/vocabulary/categories';
import type { PlatformId } from '@/components/vocabulary/page-kinds';
import type { PlatformNames } from '@/components/vocabulary/strings';
import { PLATFORMS } from '@/components/recognition/platforms';

export type ThisPageProps = {
  active: ActiveTab;
  /** Ask the tab again (after starting Sourcemark there, or when its annotations changed). */
  onRefresh: () => Promise<void>;
};

/** The tab the popup was opened over: what kind of page it is, and its annotations. */
export default function ThisPage({ active, onRefresh }: ThisPageProps) {
  const { t } = useEnv();
  if (active.kind === 'unsupported') return <p class="muted">{t.thisPageUnsupported}</p>;
  if (active.kind === 'not-running') return <NotRunning tabId={active.tab.id} onRefresh={onRefresh} />;
  return <Running status={active.status} />;
}

function NotRunning({ tabId, onRefresh }: { tabId: number; onRefresh: () => Promise<void> }) {
  const { t } = useEnv();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const enable = async () => {
    setState({ busy: true, error: null });
    try {
      // activeTab was granted when the popup opened, so the background may inject here.
      await request({ type: 'tab.enable', tabId });
      await onRefresh();
      setState({ busy: false, error: null });
    } catch (err) {
      setState({ busy: false, error: t.enableFailed(errorMessage(err)) });
    }
  };
  return (
    <div class="not-running">
      <p>{t.notRunning}</p>
      <button type="button" class="primary" disabled={state.busy} onClick={() => void enable()}>
        {state.busy ? t.enabling : t.useHere}
      </button>
      {state.error ? (
        <p class="error" role="alert">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}

function Running({ status }: { status: PageStatus }) {
  const { db, t } = useEnv();
  const list = useLive(() => annotationsForPage(db, status.pageKey), [db, status.pageKey]);
  const orphanIds = useMemo(() => new Set(status.orphans.map((o) => o.id)), [status]);
  const placed = (list.value ?? []).filter((a) => !orphanIds.has(a.id));
  const orphans = (list.value ?? []).filter((a) => orphanIds.has(a.id));
  const names = platformNames(status.platform);
  return (
    <div class="this-page">
      {status.kind === 'self-media' && names ? <SelfMediaStatus status={status} names={names} /> : null}
      {status.kind === 'editorial' && names ? <p class="kind editorial">{t.kindEditorial(names)}</p> : null}
      <h2>{t.pageHighlights(placed.length)}</h2>
      {!list.value ? (
        <p class="muted">{t.loading}</p>
      ) : placed.length === 0 ? (
        <p class="muted">{t.noPageHighlights}</p>
      ) : (
        <ul class="items">
          {placed.map((a) => (
            <AnnotationItem key={a.id} annotation={listedOf(a)} />
          ))}
        </ul>
      )}
      {orphans.length > 0 ? (
        <section class="orphans">
          <h2>{t.orphans(orphans.length)}</h2>
          <p class="muted">{t.orphansHint}</p>
          <ul class="items">
            {orphans.map((a) => (
              <AnnotationItem key={a.id} annotation={listedOf(a)} orphan />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function SelfMediaStatus({ status, names }: { status: PageStatus; names: PlatformNames }) {
  const { lang, t } = useEnv();
  const total = CLAIM_CATEGORIES.reduce((n, c) => n + status.claims[c], 0);
  return (
    <section class="kind hao" aria-label={t.kindSelfMedia(names)} data-page={status.page ?? undefined}>
      <h2>{t.kindSelfMedia(names)}</h2>
      <p>{t.kindSelfMediaBody(names, status.account)}</p>
      <h3>
        {t.claimAudit}: {total}
      </h3>
      <ul class="claims">
        {CLAIM_CATEGORIES.map((c) => (
          <li key={c} data-category={c}>
            <span class="claim-count">{status.claims[c]}</span> {categoryNameInText(lang, c)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function platformNames(id: PlatformId | null): PlatformNames | null {
  return PLATFORMS.find((p) => p.id === id)?.names ?? null;
}
