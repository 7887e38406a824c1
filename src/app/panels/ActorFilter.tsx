import { ACTOR_ROLES, type ActorRole } from '../../core/engine/filter/filterState.ts';
import { CheckRow, SelectAll, toggleSelection } from './CheckRow.tsx';

/** What the ticked actors must be to an event, as the hint under the group says it. */
const ROLE_HINT: Record<ActorRole, string> = {
  involving: 'Events involving any ticked actor.',
  by: 'Events initiated by any ticked actor (an unknown initiator never matches).',
  against: 'Events targeting any ticked actor (an unknown target never matches).',
};

/**
 * One checkbox per actor, named by the actor alone (a contract, §6); the count sits outside
 * the label text so the accessible name stays "Israel", not "Israel 12".
 */
export function ActorFilter({ actors, selected, onChange, role = 'involving', onRole }: {
  actors: { actor: string; count: number }[];
  selected: string[] | null;
  onChange: (next: string[] | null) => void;
  /** The role the ticked actors play (`FilterState.actorRole`): involving, by (initiator), against (target). */
  role?: ActorRole;
  onRole?: (role: ActorRole) => void;
}) {
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
      {onRole && (
        <fieldset className="actor-role" aria-label="Actor role">
          {ACTOR_ROLES.map((r) => (
            <label key={r}>
              <input type="radio" name="actor-role" value={r} checked={role === r} onChange={() => onRole(r)} />
              {r}
            </label>
          ))}
        </fieldset>
      )}
      <p id="actors-hint" className="hint">{ROLE_HINT[role]}</p>
      <ul className="checklist">
        {actors.map(({ actor, count }) => (
          <CheckRow key={actor} label={actor} checked={isOn(actor)} onChange={() => toggle(actor)} count={count} countTitle={`${count} features ${role === 'by' ? 'initiated by' : role === 'against' ? 'targeting' : 'involving'} ${actor} in the current dates, kinds and search`}>
            <button type="button" className="link only" aria-label={`Only ${actor}`} onClick={() => onChange([actor])}>
              only
            </button>
          </CheckRow>
        ))}
      </ul>
      <SelectAll selected={selected} onChange={onChange} />
    </fieldset>
  );
}
