/** Things the dashboard ignored or could not do, said plainly instead of failing silently. */
export function Notes({ notes, onDismiss }: { notes: string[]; onDismiss?: () => void }) {
  if (notes.length === 0) return null;
  return (
    <div className="notes" role="status" aria-label="Notes">
      <ul>
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      {onDismiss && (
        <button type="button" className="link" onClick={onDismiss}>
          dismiss
        </button>
      )}
    </div>
  );
}
