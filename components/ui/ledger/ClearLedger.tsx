import { useEffect, useRef, useState } from 'preact/hooks';
import { ledgerStrings } from '@/components/vocabulary/ledger-strings';
import type { Lang } from '@/components/vocabulary/strings';
import { request } from '@/storage/messaging/client';
import { errorMessage } from '@/storage/model/error-message';
import { OutcomeLine, type Outcome } from '@/components/ui/OutcomeLine';

export type ClearLedgerProps = {
  /** Articles in the ledger now: nothing to clear at 0. */
  articles: number;
  lang: Lang;
};

/**
 * "Clear the ledger", in two steps inside the page (not `window.confirm`, which blocks every
 * extension page and which a reader may have told the browser to suppress): the first button
 * asks, naming how many articles go, and only "Clear" there sends `ledger.clear`. Annotations
 * and verdicts are not the ledger's and stay.
 */
export default function ClearLedger({ articles, lang }: ClearLedgerProps) {
  const t = ledgerStrings[lang];
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<Outcome | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const backToAsk = useRef(false);
  // The question takes the focus, so a keyboard reader is where the choice is; cancelling gives
  // the focus back to the button that asked.
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (backToAsk.current) askRef.current?.focus();
    backToAsk.current = false;
  }, [asking]);

  const cancel = () => {
    backToAsk.current = true;
    setAsking(false);
  };
  const clear = async () => {
    setAsking(false);
    try {
      const { cleared } = await request({ type: 'ledger.clear' });
      setMessage({ ok: true, text: t.cleared(cleared) });
    } catch (err) {
      setMessage({ ok: false, text: t.failed(errorMessage(err)) });
    }
  };

  return (
    <div class="clear-ledger">
      {asking ? (
        <div class="clear-confirm" role="group" aria-labelledby="clear-ask">
          <p id="clear-ask">{t.clearAsk(articles)}</p>
          <div class="row">
            <button type="button" class="danger" ref={confirmRef} onClick={() => void clear()}>
              {t.clearConfirm}
            </button>
            <button type="button" onClick={cancel}>
              {t.cancel}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          class="danger"
          ref={askRef}
          disabled={articles === 0}
          onClick={() => {
            setMessage(null);
            setAsking(true);
          }}
        >
          {t.clear}
        </button>
      )}
      <OutcomeLine outcome={message} />
    </div>
  );
}
