/**
 * One checkbox per actor, named by the actor alone (a contract, §6); the count sits outside
 * the label text so the accessible name stays "Israel", not "Israel 12".
 */
export function ActorFilter({ actors, selected, onChange }: { actors: { actor: string; count: number }[]; selected: string[] | null; onChange: (next: string[] | null) => void }) {
  const all = actors.map((a) => a.actor);
  const isOn = (actor: string) => selected === null || selected.includes(actor);
  const toggle = (actor: string) => {
    const current = selected ?? all;
    const next = current.includes(actor) ? current.filter((a) => a !== actor) : [...current, actor];
    // Everything ticked is the same as no restriction: keep the URL clean and future-proof.
    // Unticking the last actor would mean "nothing", which a URL cannot tell from "all": refuse.
    if (next.length === 0) return;
    onChange(all.every((a) => next.includes(a)) ? null : all.filter((a) => next.includes(a)));
  };
  return (
    <fieldset className="filter-group" aria-describedby="actors-hint">
      <legend>Actors</legend>
      <p id="actors-hint" className="hint">Events involving any ticked actor.</p>
      <ul className="checklist">
        {actors.map(({ actor, count }) => (
          <li key={actor}>
            <label>
              <input type="checkbox" checked={isOn(actor)} onChange={() => toggle(actor)} />
              {actor}
            </label>
            <button type="button" className="link only" aria-label={`Only ${actor}`} onClick={() => onChange([actor])}>
              only
            </button>
            <span className="count" title={`${count} features in the current dates, kinds and search`}>
              {count}
            </span>
          </li>
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
