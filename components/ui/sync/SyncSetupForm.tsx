import { useRef, useState } from 'preact/hooks';
import { SyncSetupSchema, type SyncError, type SyncStatus } from '@/components/sync/status';
import { syncStrings, type SyncStrings } from '@/components/vocabulary/sync-strings';
import { request } from '@/storage/messaging/client';
import { describeZodError } from '@/storage/messaging/protocol';
import { errorMessage } from '@/storage/model/error-message';
import { useEnv } from '../popup/env';
import { sentInTheClear, setupProblems, type SetupField, type SetupProblem } from './server-address';
import { askServerPermission } from './server-permission';
import { errorWords } from './sync-words';

export type SyncSetupFormProps = {
  /** The status the background answered the set-up with (configured or not). */
  onStatus: (s: SyncStatus) => void;
};

type Outcome =
  | { kind: 'denied' }
  | { kind: 'sync'; error: SyncError }
  | { kind: 'failed'; message: string };

function problemText(w: SyncStrings, p: SetupProblem): string {
  const words: Record<SetupProblem, string> = {
    'url-invalid': w.urlInvalid,
    'url-credentials': w.urlCredentials,
    'user-missing': w.userMissing,
    'password-missing': w.passwordMissing,
    'passphrase-short': w.passphraseShort,
    'passphrase-mismatch': w.passphraseMismatch,
  };
  return words[p];
}

/**
 * Sets sync up on this device: server folder, user name, app password, passphrase twice. Nothing
 * is asked or sent until the form is complete; then, inside the click, the browser is asked for
 * that one server's host permission, and only once granted is the set-up sent. After a set-up the
 * background accepted, the password and the passphrase are dropped from this form at once.
 */
export default function SyncSetupForm({ onStatus }: SyncSetupFormProps) {
  const { lang } = useEnv();
  const w = syncStrings[lang];
  const [url, setUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problems, setProblems] = useState<{ field: SetupField; problem: SetupProblem }[]>([]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const fields = useRef<Partial<Record<SetupField, HTMLInputElement | null>>>({});

  const forgetSecrets = () => {
    setPassword('');
    setPassphrase('');
    setRepeat('');
  };

  const submit = (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const found = setupProblems({ url, user, password, passphrase, repeat });
    setProblems(found);
    if (found.length > 0) {
      setOutcome(null);
      fields.current[found[0]!.field]?.focus();
      return;
    }
    const parsed = SyncSetupSchema.safeParse({ url: url.trim(), user: user.trim(), password, passphrase });
    if (!parsed.success) {
      setOutcome({ kind: 'failed', message: describeZodError(parsed.error) });
      return;
    }
    // First thing in the click, before any await: the browser's prompt needs the gesture.
    const asked = askServerPermission(parsed.data.url);
    setBusy(true);
    setOutcome(null);
    void (async () => {
      try {
        if (!(await asked)) {
          setOutcome({ kind: 'denied' });
          return;
        }
        const answer = await request({ type: 'sync.setup', setup: parsed.data });
        // Once the background holds the set-up, this form keeps no secret, whatever the first
        // sync did; a set-up it refused keeps them, to correct one field rather than retype all.
        if (answer.status.configured) forgetSecrets();
        if (answer.error) setOutcome({ kind: 'sync', error: answer.error });
        onStatus(answer.status);
      } catch (err) {
        setOutcome({ kind: 'failed', message: w.failed(errorMessage(err)) });
      } finally {
        setBusy(false);
      }
    })();
  };

  const problemOf = (f: SetupField) => problems.find((p) => p.field === f);
  const field = (
    f: SetupField,
    label: string,
    value: string,
    set: (v: string) => void,
    input: { type: 'url' | 'text' | 'password'; autoComplete: string; help?: string },
  ) => {
    const problem = problemOf(f);
    const describedBy = [input.help ? `sync-${f}-help` : '', problem ? `sync-${f}-problem` : ''].filter(Boolean).join(' ');
    const attrs = {
      id: `sync-${f}`,
      ref: (el: HTMLInputElement | null) => {
        fields.current[f] = el;
      },
      value,
      autoComplete: input.autoComplete,
      spellcheck: false,
      autoCapitalize: 'off' as const,
      'aria-invalid': problem ? true : undefined,
      'aria-describedby': describedBy || undefined,
      disabled: busy,
      onInput: (e: Event) => set((e.currentTarget as HTMLInputElement).value),
    };
    return (
      <div class="sync-field">
        <label for={`sync-${f}`}>{label}</label>
        {/* Preact types each input type apart: one element per type, the same attributes. */}
        {input.type === 'password' ? (
          <input type="password" {...attrs} />
        ) : input.type === 'url' ? (
          <input type="url" inputMode="url" {...attrs} />
        ) : (
          <input type="text" {...attrs} />
        )}
        {input.help ? (
          <p id={`sync-${f}-help`} class="help muted">
            {input.help}
          </p>
        ) : null}
        {problem ? (
          <p id={`sync-${f}-problem`} class="error">
            {problemText(w, problem.problem)}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form class="sync-setup" noValidate aria-labelledby="sync-setup-title" onSubmit={submit}>
      <h3 id="sync-setup-title">{w.setupTitle}</h3>
      {field('url', w.urlLabel, url, setUrl, { type: 'url', autoComplete: 'url', help: w.urlHelp })}
      {sentInTheClear(url) ? (
        <p class="warning" role="note">
          {w.httpWarning}
        </p>
      ) : null}
      {field('user', w.userLabelField, user, setUser, { type: 'text', autoComplete: 'username' })}
      {field('password', w.passwordLabel, password, setPassword, { type: 'password', autoComplete: 'current-password', help: w.passwordHelp })}
      {field('passphrase', w.passphraseLabel, passphrase, setPassphrase, { type: 'password', autoComplete: 'new-password', help: w.passphraseHelp })}
      {field('repeat', w.passphraseRepeatLabel, repeat, setRepeat, { type: 'password', autoComplete: 'new-password' })}
      <button type="submit" class="primary" disabled={busy}>
        {w.setupButton}
      </button>
      {busy ? <p role="status">{w.settingUp}</p> : null}
      {outcome ? <OutcomeMessage outcome={outcome} /> : null}
    </form>
  );
}

function OutcomeMessage({ outcome }: { outcome: Outcome }) {
  const { lang } = useEnv();
  const w = syncStrings[lang];
  if (outcome.kind === 'denied') return <p class="error" role="alert">{w.permissionDenied}</p>;
  if (outcome.kind === 'failed') return <p class="error" role="alert">{outcome.message}</p>;
  const e = errorWords(lang, outcome.error);
  return (
    <div class="sync-error" role="alert" data-error-kind={outcome.error.kind}>
      <p>
        {e.what} {e.todo}
      </p>
      {e.detail ? (
        <p class="muted sync-detail">
          {w.detailLabel}: <code>{e.detail}</code>
        </p>
      ) : null}
    </div>
  );
}
