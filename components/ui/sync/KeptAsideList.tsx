import { webHref } from '../web-href';
import { useEffect, useState } from 'preact/hooks';
import type { KeptAside } from '@/components/sync/kept-aside';
import { syncStrings } from '@/components/vocabulary/sync-strings';
import { VERDICT_NAMES } from '@/components/vocabulary/verdicts';
import { request } from '@/storage/messaging/client';
import { errorMessage } from '@/storage/model/error-message';
import { useEnv } from '../popup/env';
import { relativeTime } from './sync-words';
import { useNow } from './use-now';
import { OutcomeLine, type Outcome } from '@/components/ui/OutcomeLine';

export type KeptAsideListProps = {
  /** How many the status counts: the list is asked again when it changes. */
  count: number;
};

/**
 * Notes and tags that lost to a newer change on another device: each with its quote, page, what
 * it said and why it lost, to copy back and then dismiss. Everything here came from another
 * device, through the server: it is rendered as text only.
 */
export default function KeptAsideList({ count }: KeptAsideListProps) {
  const { lang } = useEnv();
  const w = syncStrings[lang];
  const [items, setItems] = useState<KeptAside[]>([]);
  const [message, setMessage] = useState<Outcome | null>(null);

  useEffect(() => {
    let live = true;
    request({ type: 'sync.keptAside' }).then(
      (r) => {
        if (live) setItems(r.items);
      },
      (err: unknown) => {
        if (live) setMessage({ ok: false, text: w.failed(errorMessage(err)) });
      },
    );
    return () => {
      live = false;
    };
  }, [count]);

  const dismiss = async (key: string) => {
    try {
      setItems((await request({ type: 'sync.dismissKept', key })).items);
      setMessage(null);
    } catch (err) {
      setMessage({ ok: false, text: w.failed(errorMessage(err)) });
    }
  };
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setMessage({ ok: true, text: w.copied });
    } catch (err) {
      setMessage({ ok: false, text: w.failed(errorMessage(err)) });
    }
  };

  if (items.length === 0 && !message) return null;
  return (
    <div class="kept-aside">
      <h3 id="kept-aside-title">{w.keptTitle(items.length)}</h3>
      <p class="muted">{w.keptHint}</p>
      <ul class="items">
        {items.map((k) => (
          <KeptItem key={k.key} item={k} onCopy={(t) => void copy(t)} onDismiss={() => void dismiss(k.key)} />
        ))}
      </ul>
      <OutcomeLine outcome={message} />
    </div>
  );
}

function KeptItem({ item, onCopy, onDismiss }: { item: KeptAside; onCopy: (text: string) => void; onDismiss: () => void }) {
  const { lang } = useEnv();
  const w = syncStrings[lang];
  const now = useNow(60_000);
  const href = webHref(item.url);
  const title = item.title || item.url;
  const verdict = item.assessment ? VERDICT_NAMES[lang][item.assessment.verdict] : null;
  return (
    <li class="item kept" data-kept-key={item.key} data-reason={item.reason}>
      <blockquote class="quote">{item.quote}</blockquote>
      <p class="kept-page">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {title}
          </a>
        ) : (
          title
        )}
      </p>
      <p class={item.note ? 'note' : 'note muted'}>{item.note || w.keptNoNote}</p>
      {item.tags.length > 0 ? <p class="tags">{w.keptTags(item.tags.join(', '))}</p> : null}
      {verdict ? (
        <div class="kept-verdict" data-verdict={item.assessment!.verdict}>
          <p>{w.keptVerdict(verdict)}</p>
          {item.assessment!.evidence.length > 0 ? (
            <>
              <p class="muted">{w.keptEvidence}</p>
              <ul class="evidence">
                {item.assessment!.evidence.map((link) => (
                  <li key={link}>
                    {webHref(link) ? (
                      <a href={webHref(link)!} target="_blank" rel="noopener noreferrer">
                        {link}
                      </a>
                    ) : (
                      link
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      <p class="muted kept-reason">{w.keptReason(item.reason, relativeTime(lang, item.changed, now))}</p>
      <div class="row actions">
        {item.note ? (
          <button type="button" onClick={() => onCopy(item.note)}>
            {w.copyNote}
          </button>
        ) : null}
        {verdict ? (
          <button type="button" onClick={() => onCopy([verdict, ...item.assessment!.evidence].join('\n'))}>
            {w.copyVerdict}
          </button>
        ) : null}
        {!item.note && item.tags.length > 0 ? (
          <button type="button" onClick={() => onCopy(item.tags.join(', '))}>
            {w.copyTags}
          </button>
        ) : null}
        <button type="button" onClick={onDismiss}>
          {w.dismiss}
        </button>
      </div>
    </li>
  );
}
