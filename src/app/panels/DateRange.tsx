import { useId } from 'react';

/**
 * The date filter: two native date inputs named exactly "From" and "To" (a contract, §6).
 * Under a date range, undated bases and built pipelines stay; undated events and mentions
 * appear only when "Include undated events and mentions" is ticked (`undated=1` in the URL).
 * `undatedNote` is `describeUndated`'s sentence, the same one the timeline shows.
 */
export function DateRange({ from, to, includeUndated, undatedNote, onChange, onIncludeUndated }: {
  from: string | null;
  to: string | null;
  includeUndated: boolean;
  undatedNote: string | null;
  onChange: (from: string | null, to: string | null) => void;
  onIncludeUndated: (include: boolean) => void;
}) {
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
      {(from !== null || to !== null) && (
        <label className="undated-toggle">
          <input type="checkbox" checked={includeUndated} onChange={(e) => onIncludeUndated(e.target.checked)} />
          Include undated events and mentions
        </label>
      )}
      {(from !== null || to !== null) && undatedNote !== null && <p className="note" data-testid="undated-note">{undatedNote}.</p>}
    </fieldset>
  );
}
