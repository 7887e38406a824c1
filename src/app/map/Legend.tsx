import { useMemo, type Ref } from 'react';
import { PIPELINE_COLOUR } from './PipelineLayer.tsx';
import { NO_ACTOR_COLOUR, OTHER_ACTOR_COLOUR, PLACE_COLOUR } from './symbols.ts';

function Star({ colour, hollow = false }: { colour: string; hollow?: boolean }) {
  const pts = Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? 7 : 3;
    const a = (Math.PI / 5) * i - Math.PI / 2;
    return `${8 + r * Math.cos(a)},${8 + r * Math.sin(a)}`;
  }).join(' ');
  return (
    <svg width="16" height="16" aria-hidden="true">
      <polygon points={pts} fill={hollow ? 'none' : colour} stroke={hollow ? colour : '#1b1b1b'} strokeWidth={hollow ? 2 : 1} />
    </svg>
  );
}

/** Actors with their own (lexicon) colour, in the given order, and those sharing the "other" colour. */
export function legendActors(actors: readonly string[], palette: ReadonlyMap<string, string>): { own: { actor: string; colour: string }[]; others: string[] } {
  const own: { actor: string; colour: string }[] = [];
  const others: string[] = [];
  for (const actor of actors) {
    const colour = palette.get(actor) ?? OTHER_ACTOR_COLOUR;
    if (colour === OTHER_ACTOR_COLOUR) others.push(actor);
    else own.push({ actor, colour });
  }
  return { own, others };
}

/**
 * The key to the map's encoding: shape = kind, colour = initiating actor, hollow = coarse.
 * Collapsible; MapView decides when it is open (collapsed on small maps and while a popup is open).
 */
export function Legend({ palette, actors, open, onToggle, ref }: { palette: ReadonlyMap<string, string>; actors: readonly string[]; open: boolean; onToggle: () => void; ref?: Ref<HTMLElement> }) {
  const { own, others } = useMemo(() => legendActors(actors, palette), [actors, palette]);
  return (
    <aside ref={ref} className={`legend${open ? '' : ' legend--closed'}`} aria-label="Legend">
      <button type="button" className="legend__toggle" aria-expanded={open} aria-controls="legend-body" onClick={onToggle}>
        Legend <span className="legend__caret" aria-hidden="true">{open ? '▾' : '▸'}</span>
      </button>
      {/* Hidden, not unmounted: its text stays in the document for find-in-page and checks. */}
      <div className="legend__body" id="legend-body" hidden={!open}>
        <ul>
          <li><Star colour="#888" /> strike</li>
          <li>
            <svg width="16" height="16" aria-hidden="true"><rect x="2" y="2" width="12" height="12" fill="#888" stroke="#1b1b1b" /></svg> base
          </li>
          <li>
            <svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="3.5" fill={PLACE_COLOUR} stroke="#fff" /></svg> other place
          </li>
          <li>
            <svg width="24" height="10" aria-hidden="true"><line x1="0" y1="5" x2="24" y2="5" stroke={PIPELINE_COLOUR} strokeWidth="4" /></svg> pipeline, built
          </li>
          <li>
            <svg width="24" height="10" aria-hidden="true"><line x1="0" y1="5" x2="24" y2="5" stroke={PIPELINE_COLOUR} strokeWidth="4" strokeDasharray="6 4" /></svg> pipeline, planned
          </li>
          <li>
            <Star colour="#888" hollow /> approximate location (region / country) with uncertainty ring
          </li>
          <li>
            <svg width="24" height="10" aria-hidden="true"><line x1="0" y1="5" x2="24" y2="5" stroke="#555" strokeWidth="2" strokeDasharray="4 3" /></svg> strike arc, origin → target
          </li>
        </ul>
        <h4>Initiating actor</h4>
        <ul className="legend__actors">
          {own.map(({ actor, colour }) => (
            <li key={actor} data-actor={actor} data-colour={colour}>
              <span className="swatch" style={{ background: colour }} /> {actor}
            </li>
          ))}
          {others.length > 0 && (
            <li className="legend__other" data-colour={OTHER_ACTOR_COLOUR} title={others.join(', ')}>
              <span className="swatch" style={{ background: OTHER_ACTOR_COLOUR }} /> Other actors
            </li>
          )}
          <li data-colour={NO_ACTOR_COLOUR}>
            <span className="swatch" style={{ background: NO_ACTOR_COLOUR }} /> initiator unknown
          </li>
        </ul>
        {others.length > 0 && <p className="legend__others">Other actors: {others.join(', ')}</p>}
      </div>
    </aside>
  );
}
