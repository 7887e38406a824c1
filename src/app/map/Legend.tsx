import { useState } from 'react';
import { PIPELINE_COLOUR } from './PipelineLayer.tsx';
import { NO_ACTOR_COLOUR, PLACE_COLOUR } from './symbols.ts';

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

/** The key to the map's encoding: shape = kind, colour = initiating actor, hollow = coarse. */
export function Legend({ palette, actorsByFrequency }: { palette: ReadonlyMap<string, string>; actorsByFrequency: string[] }) {
  const [open, setOpen] = useState(true);
  return (
    <aside className={`legend${open ? '' : ' legend--closed'}`} aria-label="Legend">
      <button type="button" className="legend__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        Legend
      </button>
      {open && (
        <div className="legend__body">
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
            {actorsByFrequency.slice(0, 10).map((actor) => (
              <li key={actor}>
                <span className="swatch" style={{ background: palette.get(actor) ?? NO_ACTOR_COLOUR }} /> {actor}
              </li>
            ))}
            <li>
              <span className="swatch" style={{ background: NO_ACTOR_COLOUR }} /> unknown / other
            </li>
          </ul>
        </div>
      )}
    </aside>
  );
}
