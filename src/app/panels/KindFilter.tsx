import { EVENT_KINDS, type EventKind } from '../../core/geoparser/geojson/schema.ts';
import { CheckRow } from './CheckRow.tsx';

/** A checkbox per kind, named exactly by the kind (a contract, §6). */
export function KindFilter({ kinds, counts, onChange }: { kinds: EventKind[]; counts: Record<EventKind, number>; onChange: (next: EventKind[]) => void }) {
  return (
    <fieldset className="filter-group">
      <legend>Kinds</legend>
      <ul className="checklist checklist--inline">
        {EVENT_KINDS.map((kind) => (
          <CheckRow key={kind} label={kind} checked={kinds.includes(kind)} onChange={(on) => onChange(EVENT_KINDS.filter((k) => (k === kind ? on : kinds.includes(k))))} count={counts[kind]} />
        ))}
      </ul>
    </fieldset>
  );
}
