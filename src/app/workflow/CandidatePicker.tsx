import { useState } from 'react';
import type { ChosenPlace } from '../../core/engine/corrections/corrections.ts';
import type { PlaceCandidate } from '../../worker/protocol.ts';
import { useWorkflow } from './workspaceContext.ts';

/** Type a name, get the gazetteer's matches (country and kind shown) from the worker, choose one. */
export function CandidatePicker({ initial, label, onChoose }: { initial: string; label: string; onChoose: (place: ChosenPlace) => void }) {
  const { geoparser, controller } = useWorkflow();
  const [query, setQuery] = useState(initial);
  const [candidates, setCandidates] = useState<PlaceCandidate[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const find = async () => {
    setError(null);
    try {
      const found = await geoparser.candidates(query, controller.snapshot.workspace.userGazetteer);
      setCandidates(found);
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
        <ul className="candidates" aria-label="Candidates">
          {candidates.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                onClick={() => {
                  setCandidates(null);
                  onChoose({ id: c.id, name: c.name, country: c.country, lat: c.lat, lon: c.lon, precision: c.precision });
                }}
              >
                {c.name}, {c.country} ({c.kind})
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
