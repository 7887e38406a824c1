import { EVENT_KINDS, type EventKind } from '../../core/geoparser/geojson/schema.ts';

/** A checkbox per kind, named exactly by the kind (a contract, §6). */
export function KindFilter({ kinds, counts, onChange }: { kinds: EventKind[]; counts: Record<EventKind, number>; onChange: (next: EventKind[]) => void }) {
  return (
    <fieldset className="filter-group">
      <legend>Kinds</legend>
      <ul className="checklist checklist--inline">
        {EVENT_KINDS.map((kind) => (
          <li key={kind}>
            <label>
              <input
                type="checkbox"
                checked={kinds.includes(kind)}
                onChange={(e) => onChange(EVENT_KINDS.filter((k) => (k === kind ? e.target.checked : kinds.includes(k))))}
              />
              {kind}
            </label>
            <span className="count">{counts[kind]}</span>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
