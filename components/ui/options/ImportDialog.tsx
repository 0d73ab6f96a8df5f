import type { ArticleSnapshot } from '@/components/factcheck/snapshot-schema';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useEnv } from '../popup/env';
import { request } from '@/storage/messaging/client';
import type { Annotation } from '@/storage/model/annotation';
import { parseImportFile } from '@/storage/formats/import';
import { DEFAULT_IMPORT_LIMITS } from '@/storage/formats/import-result';
import { previewImport, type ImportMode, type ImportPreview } from '@/storage/db/import-writer';
import { errorMessage } from '@/storage/model/error-message';

/** Text to import that did not come from a picked file: a backup read from the sync server. */
export interface ImportSource {
  /** What the preview and its messages call it (a file name, "Backup of 5 Dec 2026"). */
  name: string;
  text: string;
}

export type ImportDialogProps = {
  /**
   * Previewed as a picked file would be, each time a new object is passed; the reader still
   * confirms before anything is written.
   */
  source?: ImportSource | null;
};

type Step =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'bad'; message: string }
  | { kind: 'preview'; name: string; annotations: Annotation[]; snapshots: ArticleSnapshot[]; preview: ImportPreview }
  | { kind: 'writing'; total: number }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

const SHOWN_INVALID = 20;

/**
 * Pick a file (or be handed text, `source`) → parse and validate (nothing written) → show new /
 * present / changed / invalid → the reader confirms → one transaction. A bad file is named with
 * its first problem and where.
 */
export default function ImportDialog({ source = null }: ImportDialogProps) {
  const { db, t } = useEnv();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [mode, setMode] = useState<ImportMode>('skip');
  const sectionRef = useRef<HTMLElement>(null);
  // Counts loads, so that a slower earlier one (a big file) cannot replace a newer preview.
  const loads = useRef(0);

  /** Size check, parse, preview: the same path for a picked file and for handed text. */
  const load = async (name: string, size: number, read: () => Promise<string>) => {
    const id = ++loads.current;
    const current = () => id === loads.current;
    if (size > DEFAULT_IMPORT_LIMITS.maxBytes) {
      const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
      setStep({ kind: 'bad', message: t.badFile(name, `${mb(size)} > ${mb(DEFAULT_IMPORT_LIMITS.maxBytes)}`) });
      return;
    }
    setStep({ kind: 'reading' });
    try {
      const result = parseImportFile(await read());
      if (!current()) return;
      if (!result.ok) {
        setStep({ kind: 'bad', message: t.badFile(name, result.error) });
        return;
      }
      const preview = await previewImport(db, result.annotations, result.invalid);
      if (!current()) return;
      setMode('skip');
      setStep({ kind: 'preview', name, annotations: result.annotations, snapshots: result.snapshots ?? [], preview });
    } catch (err) {
      if (current()) setStep({ kind: 'bad', message: t.badFile(name, errorMessage(err)) });
    }
  };

  const pick = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Cleared so choosing the same file again (after fixing it) fires another change.
    input.value = '';
    if (!file) return;
    await load(file.name, file.size, () => file.text());
  };

  // Handed text (a backup): previewed like a file, and the dialog brought into view, since the
  // reader asked for it from another section of the page.
  useEffect(() => {
    if (!source) return;
    sectionRef.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
    void load(source.name, new TextEncoder().encode(source.text).length, async () => source.text);
    // A new source object is a new request, even for the same backup.
  }, [source]);

  const write = async (annotations: Annotation[], snapshots: ArticleSnapshot[]) => {
    setStep({ kind: 'writing', total: annotations.length });
    try {
      // Written by the background, in one transaction, which then reloads the pages it touched.
      const out = await request({ type: 'import.write', annotations, mode, ...(snapshots.length ? { snapshots } : {}) });
      const copies = out.snapshots ? ` ${t.importedSnapshots(out.snapshots.added, out.snapshots.refused)}` : '';
      setStep({ kind: 'done', message: t.imported(out.added, out.updated) + copies });
    } catch (err) {
      setStep({ kind: 'failed', message: t.importFailed(errorMessage(err)) });
    }
  };

  return (
    <section aria-labelledby="import-title" class="import" ref={sectionRef}>
      <h3 id="import-title">{t.importTitle}</h3>
      <p class="muted">{t.importHint}</p>
      <label class="file">
        {t.chooseFile}
        <input
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          disabled={step.kind === 'reading' || step.kind === 'writing'}
          onChange={(e) => void pick(e.currentTarget)}
        />
      </label>
      {step.kind === 'reading' ? <p role="status">{t.reading}</p> : null}
      {step.kind === 'bad' || step.kind === 'failed' ? (
        <p class="error" role="alert">
          {step.message}
        </p>
      ) : null}
      {step.kind === 'preview' ? <Preview step={step} mode={mode} onMode={setMode} onConfirm={() => void write(step.annotations, step.snapshots)} /> : null}
      {step.kind === 'writing' ? (
        <div role="status">
          {/* One transaction in the background: no count to show until it is done. */}
          <progress />
          <span>{t.importing(step.total)}</span>
        </div>
      ) : null}
      {step.kind === 'done' ? <p role="status">{step.message}</p> : null}
    </section>
  );
}

function Preview({
  step,
  mode,
  onMode,
  onConfirm,
}: {
  step: Extract<Step, { kind: 'preview' }>;
  mode: ImportMode;
  onMode: (m: ImportMode) => void;
  onConfirm: () => void;
}) {
  const { t } = useEnv();
  const p = step.preview;
  const count = p.new.length + (mode === 'update' ? p.changed.length : 0);
  return (
    <div class="preview" role="region" aria-label={t.previewTitle(step.name)}>
      <h4>{t.previewTitle(step.name)}</h4>
      <ul class="counts">
        <li data-count="new">{t.previewNew(p.new.length)}</li>
        <li data-count="present">{t.previewPresent(p.present.length)}</li>
        <li data-count="changed">{t.previewChanged(p.changed.length)}</li>
        <li data-count="invalid">{t.previewInvalid(p.invalid.length)}</li>
      </ul>
      {p.invalid.length > 0 ? (
        <ul class="invalid">
          {p.invalid.slice(0, SHOWN_INVALID).map((i) => (
            <li key={i.index}>
              <code>{i.path}</code>: {i.message}
            </li>
          ))}
          {p.invalid.length > SHOWN_INVALID ? <li>…</li> : null}
        </ul>
      ) : null}
      {p.changed.length > 0 ? (
        <fieldset>
          <label>
            <input type="radio" name="import-mode" checked={mode === 'skip'} onChange={() => onMode('skip')} />
            {t.modeSkip}
          </label>
          <label>
            <input type="radio" name="import-mode" checked={mode === 'update'} onChange={() => onMode('update')} />
            {t.modeUpdate}
          </label>
        </fieldset>
      ) : null}
      {count === 0 ? <p class="muted">{t.importNothing}</p> : null}
      <button type="button" class="primary" disabled={count === 0} onClick={onConfirm}>
        {t.importConfirm(count)}
      </button>
    </div>
  );
}
