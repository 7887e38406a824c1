import { useId } from 'react';

/**
 * The date filter: two native date inputs named exactly "From" and "To" (a contract, §6).
 * Undated features — bases, the pipeline — are never hidden by dates, and the UI says so.
 */
export function DateRange({ from, to, undatedCount, onChange }: { from: string | null; to: string | null; undatedCount: number; onChange: (from: string | null, to: string | null) => void }) {
  const id = useId();
  const inverted = from !== null && to !== null && from > to;
  return (
    <fieldset className="filter-group">
      <legend>Dates</legend>
      <div className="date-range">
        <label htmlFor={`${id}-from`}>From</label>
        <input id={`${id}-from`} type="date" value={from ?? ''} onChange={(e) => onChange(e.target.value || null, to)} />
        <label htmlFor={`${id}-to`}>To</label>
        <input id={`${id}-to`} type="date" value={to ?? ''} onChange={(e) => onChange(from, e.target.value || null)} />
        {(from !== null || to !== null) && (
          <button type="button" className="link" onClick={() => onChange(null, null)}>
            clear
          </button>
        )}
      </div>
      {inverted && <p className="note note--warn" role="alert">“From” is after “To”: no dated event can match.</p>}
      {(from !== null || to !== null) && undatedCount > 0 && (
        <p className="note">{undatedCount} undated feature{undatedCount === 1 ? '' : 's'} (bases, pipeline, places) stay visible whatever the dates.</p>
      )}
    </fieldset>
  );
}
