import { CheckRow, toggleSelection } from './CheckRow.tsx';

/**
 * One checkbox per actor, named by the actor alone (a contract, §6); the count sits outside
 * the label text so the accessible name stays "Israel", not "Israel 12".
 */
export function ActorFilter({ actors, selected, onChange }: { actors: { actor: string; count: number }[]; selected: string[] | null; onChange: (next: string[] | null) => void }) {
  const all = actors.map((a) => a.actor);
  const isOn = (actor: string) => selected === null || selected.includes(actor);
  const toggle = (actor: string) => {
    // Unticking the last actor would mean "nothing", which a URL cannot tell from "all": refused.
    const next = toggleSelection(all, selected, actor, true);
    if (next !== undefined) onChange(next);
  };
  return (
    <fieldset className="filter-group" aria-describedby="actors-hint">
      <legend>Actors</legend>
      <p id="actors-hint" className="hint">Events involving any ticked actor.</p>
      <ul className="checklist">
        {actors.map(({ actor, count }) => (
          <CheckRow key={actor} label={actor} checked={isOn(actor)} onChange={() => toggle(actor)} count={count} countTitle={`${count} features in the current dates, kinds and search`}>
            <button type="button" className="link only" aria-label={`Only ${actor}`} onClick={() => onChange([actor])}>
              only
            </button>
          </CheckRow>
        ))}
      </ul>
      <div className="row">
        <button type="button" className="link" onClick={() => onChange(null)} disabled={selected === null}>
          all
        </button>
      </div>
    </fieldset>
  );
}
