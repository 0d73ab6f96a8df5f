import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import SidePanel, { type PanelState } from '@/components/ui/sidepanel/SidePanel';
import { useLive } from '@/components/ui/popup/use-live';
import type { Lang } from '@/components/vocabulary/strings';
import type { SourcemarkDB } from '@/storage/db/db';
import { request } from '@/storage/messaging/client';
import { isPageNotice } from '@/storage/messaging/page-notice';
import type { ContentRequest, OutlineClaim, PageOutline } from '@/storage/messaging/protocol';
import { sendToTab } from '@/storage/messaging/send-to-tab';
import { askPage } from '@/storage/messaging/ask-page';
import type { Annotation } from '@/storage/model/annotation';
import type { Verdict } from '@/components/vocabulary/verdicts';
import { auditOf } from '@/components/factcheck/audit-input';
import { ledgerLine } from '@/components/factcheck/ledger';
import { accountSummary } from '@/storage/db/factcheck-store';
import { auditMarkdown } from '@/components/factcheck/report-markdown';
import { auditHtml } from '@/components/factcheck/report-html';
import { auditFileName } from '@/storage/formats/filename';
import { downloadText } from '@/storage/formats/export-file';

function isOutline(v: unknown): v is PageOutline {
  return typeof v === 'object' && v !== null && Array.isArray((v as PageOutline).claims) && typeof (v as PageOutline).pageKey === 'string';
}

/**
 * The side panel for one tab: the page's outline from its content script, redrawn when that
 * script says its page changed; the page's annotations live from the database.
 */
export default function App({ db, lang, pinnedTab }: { db: SourcemarkDB; lang: Lang; pinnedTab?: number }) {
  const [tabId, setTabId] = useState<number | null>(pinnedTab ?? null);
  const [state, setState] = useState<PanelState>({ kind: 'loading' });
  const [error, setError] = useState<string | null>(null);

  // Follow the active tab of this window, unless pinned to one.
  useEffect(() => {
    if (pinnedTab !== undefined) return;
    const pick = () =>
      void browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => setTabId(t?.id ?? null));
    pick();
    const onActivated = () => pick();
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [pinnedTab]);

  const load = useCallback(async () => {
    if (tabId === null) return setState({ kind: 'not-running' });
    try {
      const outline = await askPage(tabId, 'content.outline');
      setState(isOutline(outline) ? { kind: 'page', outline } : { kind: 'not-running' });
    } catch {
      // "Receiving end does not exist": Sourcemark is not running in this tab.
      setState({ kind: 'not-running' });
    }
  }, [tabId]);

  useEffect(() => {
    setState({ kind: 'loading' });
    void load();
    const onMessage = (msg: unknown, sender: { id?: string; tab?: { id?: number } }) => {
      // Believed only from this extension's content script in the panel's tab.
      if (isPageNotice(msg) && sender.id === browser.runtime.id && sender.tab?.id === tabId) void load();
      return undefined;
    };
    const onUpdated = (id: number, info: { status?: string }) => {
      if (id === tabId && info.status === 'complete') void load();
    };
    browser.runtime.onMessage.addListener(onMessage);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.runtime.onMessage.removeListener(onMessage);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [load, tabId]);

  const pageKey = state.kind === 'page' ? state.outline.pageKey : null;
  const annotations = useLive(
    async () => (pageKey ? db.annotations.where('pageKey').equals(pageKey).sortBy('created') : []),
    [pageKey],
  );

  const account = state.kind === 'page' ? state.outline.account : null;
  const platform = state.kind === 'page' ? state.outline.platform : null;
  // The account's line, as the banner shows it: from the ledger's rows and the reader's verdicts.
  const ledger = useLive(async () => {
    const summary = account ? await accountSummary(db, account, platform) : null;
    return summary ? ledgerLine(summary, lang) : null;
  }, [account, platform, lang]);
  const snapshot = useLive(async () => (pageKey ? ((await db.snapshots.get(pageKey)) ?? null) : null), [pageKey]);
  const [auditDone, setAuditDone] = useState<string | null>(null);
  const onAudit = (kind: 'md' | 'html') => {
    if (state.kind !== 'page') return;
    const now = new Date();
    const audit = auditOf(lang, state.outline, annotations.value ?? [], snapshot.value ?? null, now);
    const file = auditFileName(kind, now, state.outline.title || state.outline.pageKey);
    const text = kind === 'md' ? auditMarkdown(audit) : auditHtml(audit);
    downloadText(text, file, kind === 'md' ? 'text/markdown' : 'text/html').then(
      () => {
        setAuditDone(file);
        setError(null);
      },
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  };

  const toTab = (req: ContentRequest) => {
    if (tabId === null) return;
    sendToTab(tabId, req).then(
      () => setError(null),
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  };
  const onVerdict = (claim: OutlineClaim, verdict: Verdict) => {
    const current: Annotation | undefined = annotations.value?.find((a) => a.id === claim.assessmentId);
    if (current?.assessment) {
      request({ type: 'annotation.update', id: current.id, patch: { assessment: { ...current.assessment, verdict } } }).then(
        () => setError(null),
        (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
      );
    } else toTab({ type: 'content.assessClaim', index: claim.index, verdict });
  };

  return (
    <SidePanel
      lang={lang}
      state={state}
      annotations={annotations.value ?? []}
      ledgerLine={ledger.value ?? null}
      error={error}
      onRevealClaim={(index) => toTab({ type: 'content.revealClaim', index })}
      onStep={(step) => toTab({ type: 'content.stepClaim', step })}
      onReveal={(id) => toTab({ type: 'content.reveal', id })}
      onVerdict={onVerdict}
      onAudit={onAudit}
      auditDone={auditDone}
    />
  );
}
