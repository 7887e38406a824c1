import { CheckRow, SelectAll, toggleSelection } from './CheckRow.tsx';

/**
 * One checkbox per ACLED event type (issue 11), named by the type alone like the Actors and
 * Kinds groups, with its count beside the label. All ticked is "no restriction" (null), so a
 * type appearing in tomorrow's corpus is shown, not silently unticked. Bases, pipelines and
 * places have no event type: the Kinds group shows or hides them, whatever is ticked here.
 */
export function EventTypeFilter({ types, selected, onChange }: { types: { type: string; count: number }[]; selected: string[] | null; onChange: (next: string[] | null) => void }) {
  const all = types.map((t) => t.type);
  const isOn = (type: string) => selected === null || selected.includes(type);
  // Unlike actors, none ticked is a state a link can hold (types=): only untyped features remain.
  const toggle = (type: string) => onChange(toggleSelection(all, selected, type, false)!);
  return (
    <fieldset className="filter-group" aria-describedby="event-types-hint">
      <legend>Event types</legend>
      <p id="event-types-hint" className="hint">
        ACLED&apos;s event types. Bases, pipelines and places have none; the Kinds group shows them.
      </p>
      <ul className="checklist">
        {types.map(({ type, count }) => (
          <CheckRow key={type} label={type} checked={isOn(type)} onChange={() => toggle(type)} count={count} countTitle={`${count} events in the current dates, kinds, actors and search`} />
        ))}
      </ul>
      <SelectAll selected={selected} onChange={onChange} />
    </fieldset>
  );
}

/**
 * The rows of the group: the types newsmap codes (so the group is the same on every corpus),
 * the corpus' other types (an import may bring ACLED's protests or riots) and any type a link
 * selected, each with its count from the table view.
 *
 * @example
 * eventTypeRows(['Battles', 'Explosions/Remote violence'], table.eventTypes, view.eventTypeCounts, filter.eventTypes)
 */
export function eventTypeRows(coded: readonly string[], corpus: readonly string[], counts: ArrayLike<number>, selected: readonly string[] | null): { type: string; count: number }[] {
  const names = [...new Set([...coded, ...corpus, ...(selected ?? [])])];
  return names.map((type) => {
    const k = corpus.indexOf(type);
    return { type, count: k >= 0 ? counts[k] ?? 0 : 0 };
  });
}
