import { useState } from 'react';
import type { ChosenPlace } from '../../core/engine/corrections/corrections.ts';
import type { PlaceCandidate } from '../../worker/protocol.ts';
import { useWorkflow } from './workspaceContext.ts';

/**
 * One candidate as the analyst reads it: name, country and kind first (what a choice is named
 * by), then what tells namesakes apart: the alternate name that matched, the region, the
 * population and the coordinates ("Karak City, JO (city) · as “Kerak” · Karak Governorate ·
 * pop. 21,678 · 31.164, 35.762").
 */
export function candidateLabel(c: PlaceCandidate): string {
  const parts = [`${c.name}, ${c.country} (${c.kind})`];
  if (c.matched) parts.push(`as “${c.matched}”`);
  if (c.admin1) parts.push(c.admin1);
  if (c.population) parts.push(`pop. ${c.population.toLocaleString('en')}`);
  parts.push(`${c.lat.toFixed(3)}, ${c.lon.toFixed(3)}`);
  return parts.join(' · ');
}

/** Type a name, get the gazetteer's matches (alternate names included) from the worker, choose one. */
export function CandidatePicker({ initial, label, onChoose }: { initial: string; label: string; onChoose: (place: ChosenPlace) => void }) {
  const { geoparser, controller } = useWorkflow();
  const [query, setQuery] = useState(initial);
  const [candidates, setCandidates] = useState<PlaceCandidate[] | null>(null);
  /** The name the listed candidates answer (a new search replaces them, never mixes them). */
  const [answered, setAnswered] = useState('');
  const [error, setError] = useState<string | null>(null);

  const find = async () => {
    setError(null);
    setCandidates(null);
    try {
      const found = await geoparser.candidates(query, controller.snapshot.workspace.userGazetteer);
      setCandidates(found);
      setAnswered(query);
      if (found.length === 0) setError(`No gazetteer place is named "${query}"`);
    } catch (e) {
      setError((e instanceof Error ? e.message : String(e)).split('\n')[0]!);
    }
  };

  return (
    <>
      <form
        className="row"
        aria-label={label}
        onSubmit={(e) => {
          e.preventDefault();
          void find();
        }}
      >
        <label>
          Place name <input value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <button type="submit">{label}</button>
      </form>
      {candidates && candidates.length > 0 && (
        <ul className="candidates" aria-label="Candidates" data-query={answered}>
          {candidates.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                onClick={() => {
                  setCandidates(null);
                  onChoose({ id: c.id, name: c.name, country: c.country, lat: c.lat, lon: c.lon, precision: c.precision });
                }}
              >
                {candidateLabel(c)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}
