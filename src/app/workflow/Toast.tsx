import { useEffect } from 'react';

export interface ToastState {
  seq: number;
  message: string;
  undo?: () => void;
}

/** A transient message, with an Undo button when the action can be undone. Gone after 10 s. */
export function Toast({ toast, onDone }: { toast: ToastState | null; onDone: () => void }) {
  useEffect(() => {
    if (!toast) return;
    const t = window.setTimeout(onDone, 10_000);
    return () => window.clearTimeout(t);
  }, [toast, onDone]);
  if (!toast) return null;
  return (
    <div className="toast" role="status" aria-label="Notification">
      <span>{toast.message}</span>
      {toast.undo && (
        <button
          type="button"
          onClick={() => {
            toast.undo!();
            onDone();
          }}
        >
          Undo
        </button>
      )}
      <button type="button" className="close" aria-label="Dismiss notification" onClick={onDone}>
        ×
      </button>
    </div>
  );
}
