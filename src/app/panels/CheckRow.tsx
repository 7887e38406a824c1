import type { ReactNode } from 'react';

/**
 * One checkbox row of a filter group (Kinds, Location precision, Event types, Actors). The
 * count sits outside the label, so the checkbox's accessible name is the label alone ("Israel",
 * not "Israel 12": a contract, DESIGN §6); `children` go between them (the actors' "only" link).
 */
export function CheckRow({ label, checked, onChange, count, countTitle, children }: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  count: number;
  countTitle?: string;
  children?: ReactNode;
}) {
  return (
    <li>
      <label>
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        {label}
      </label>
      {children}
      <span className="count" title={countTitle}>
        {count}
      </span>
    </li>
  );
}

/** The "all" link under a group whose selection null means everything (Actors, Event types). */
export function SelectAll({ selected, onChange }: { selected: readonly string[] | null; onChange: (next: null) => void }) {
  return (
    <div className="row">
      <button type="button" className="link" onClick={() => onChange(null)} disabled={selected === null}>
        all
      </button>
    </div>
  );
}

/**
 * The next selection after ticking or unticking `item`, where null means "all" (so a value
 * appearing in tomorrow's corpus is shown, not silently unticked). Everything ticked is null;
 * with `keepOne`, unticking the last item is refused (undefined), because a URL cannot tell
 * "nothing" from "all".
 *
 * @example
 * toggleSelection(['Iran', 'Israel'], null, 'Iran', true) // ['Israel']
 */
export function toggleSelection(all: readonly string[], selected: readonly string[] | null, item: string, keepOne: boolean): string[] | null | undefined {
  const current = selected ?? all;
  const next = current.includes(item) ? current.filter((x) => x !== item) : [...current, item];
  if (keepOne && next.length === 0) return undefined;
  return all.every((x) => next.includes(x)) ? null : all.filter((x) => next.includes(x));
}
