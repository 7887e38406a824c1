import { useEffect, useState } from 'react';

/**
 * Text search over titles and quotes. Typing is local and applied after a short pause so a
 * 100k-event corpus is not re-filtered on every keystroke.
 */
export function SearchBox({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    if (draft === value) return;
    const t = window.setTimeout(() => onChange(draft), 200);
    return () => window.clearTimeout(t);
  }, [draft, value, onChange]);
  return (
    <div className="filter-group search">
      <label htmlFor="search">Search</label>
      <input id="search" type="search" placeholder="titles and quotes…" value={draft} onChange={(e) => setDraft(e.target.value)} />
    </div>
  );
}
