import { useEffect } from 'react';
import type { ToastEntry } from './toastStack.ts';

/** How long a notification stays, and so how long its Undo is offered. */
export const TOAST_MS = 10_000;

/** The notifications, newest last, each with its own timer. */
export function Toasts({ items, onDismiss }: { items: readonly ToastEntry[]; onDismiss: (seq: number) => void }) {
  if (!items.length) return null;
  return (
    <div className="toasts">
      {items.map((t) => (
        <Toast key={t.seq} toast={t} onDismiss={onDismiss} />
      ))}
    </div>
  );
}

/** One message, with an Undo button when the action can be undone. */
function Toast({ toast, onDismiss }: { toast: ToastEntry; onDismiss: (seq: number) => void }) {
  const { seq, undo } = toast;
  useEffect(() => {
    const t = window.setTimeout(() => onDismiss(seq), TOAST_MS);
    return () => window.clearTimeout(t);
  }, [seq, onDismiss]);
  return (
    <div className="toast" role="status" aria-label="Notification">
      <span>{toast.message}</span>
      {undo && (
        <button
          type="button"
          onClick={() => {
            undo();
            onDismiss(seq);
          }}
        >
          Undo
        </button>
      )}
      <button type="button" className="close" aria-label="Dismiss notification" onClick={() => onDismiss(seq)}>
        ×
      </button>
    </div>
  );
}
