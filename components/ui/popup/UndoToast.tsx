import { useEffect } from 'preact/hooks';
import { useEnv } from './env';

export type UndoToastProps = {
  message: string;
  onUndo: () => void;
  onClose: () => void;
  /** How long the reader has to change their mind. */
  timeoutMs?: number;
};

/** "Deleted · Undo", announced to screen readers, gone after a few seconds. */
export default function UndoToast({ message, onUndo, onClose, timeoutMs = 10_000 }: UndoToastProps) {
  const { t } = useEnv();
  useEffect(() => {
    const timer = setTimeout(onClose, timeoutMs);
    return () => clearTimeout(timer);
  }, [message, onClose, timeoutMs]);
  return (
    <div class="toast" role="status">
      <span>{message}</span>
      <button type="button" class="link" onClick={onUndo}>
        {t.undo}
      </button>
    </div>
  );
}
