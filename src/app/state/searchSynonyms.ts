import { useEffect, useMemo, useState } from 'react';
import { buildSearchSynonyms, type SearchSynonyms } from '../../core/engine/filter/search.ts';
import type { GazetteerFile } from '../../core/geoparser/gazetteer/schema.ts';
import { onIdle } from './idle.ts';

type Places = GazetteerFile['places'];

/**
 * The search's place synonyms (so "Esfahan" finds what "Isfahan" finds): the curated gazetteer,
 * loaded as its own chunk in idle time (never in the initial bundle), and the analyst's user
 * gazetteer, so an accepted alias is searchable too. Null until the curated names are in; a
 * search meanwhile still uses the name normalisation.
 */
export function useSearchSynonyms(userGazetteer: GazetteerFile | null): SearchSynonyms | null {
  const [curated, setCurated] = useState<Places | null>(null);
  useEffect(() => {
    let live = true;
    const cancel = onIdle(() => {
      void import('../../../data/gazetteer.json').then(
        (m) => live && setCurated((m.default as unknown as GazetteerFile).places),
        () => {}, // Without the chunk, search keeps its name normalisation.
      );
    });
    return () => {
      live = false;
      cancel();
    };
  }, []);
  return useMemo(() => (curated === null ? null : buildSearchSynonyms([...curated, ...(userGazetteer?.places ?? [])])), [curated, userGazetteer]);
}
