import { useCallback, useEffect, useRef, useState } from 'react';
import type { FilterState } from '../../core/engine/filter/filterState.ts';
import { FILTER_QUERY_KEYS, parseFilterQuery, writeFilterQuery } from '../../core/engine/filter/urlState.ts';
import { writeQueryParams } from './urlWriter.ts';

/** The query parameters the filter owns (see writeFilterQuery). */
const FILTER_KEYS = FILTER_QUERY_KEYS;

/**
 * The filter state, mirrored into the URL with replaceState (a filter tweak is not a
 * navigation: Back should leave the dashboard, not undo a checkbox), batched by urlWriter. `knownActors` arrives with
 * the corpus; the URL is then re-read against it so unknown actors are dropped with a note.
 */
export function useUrlFilter(knownActors: readonly string[] | null): {
  filter: FilterState;
  setFilter: (update: (prev: FilterState) => FilterState) => void;
  notes: string[];
  dismissNotes: () => void;
} {
  // The URL as the page opened: the filter writes the URL back (cleaned) before the corpus
  // may have arrived, and the first check against the corpus' actors must still see, and
  // note, everything the link asked for.
  const [opened] = useState(() => ({ search: window.location.search, ...parseFilterQuery(window.location.search, null) }));
  const [filter, setFilterState] = useState<FilterState>(opened.filter);
  const [notes, setNotes] = useState<string[]>(opened.notes);
  const checkedOpened = useRef(false);

  useEffect(() => {
    if (knownActors === null) return;
    const first = !checkedOpened.current;
    checkedOpened.current = true;
    const parsed = parseFilterQuery(first ? opened.search : window.location.search, knownActors);
    // A filter changed while the corpus loaded stays as the analyst set it, minus unknown actors.
    setFilterState((current) => (!first || current === opened.filter ? parsed.filter : { ...current, actors: knownOnly(current.actors, knownActors) }));
    setNotes(parsed.notes);
  }, [knownActors, opened]);

  useEffect(() => {
    const params = writeFilterQuery(filter);
    writeQueryParams(FILTER_KEYS.map((key) => [key, params.get(key)]));
  }, [filter]);

  const setFilter = useCallback((update: (prev: FilterState) => FilterState) => setFilterState(update), []);
  const dismissNotes = useCallback(() => setNotes([]), []);
  return { filter, setFilter, notes, dismissNotes };
}

/** Updates one non-filter query parameter (view, sel, article) without a navigation. */
export function setQueryParam(key: string, value: string | null): void {
  writeQueryParams([[key, value]]);
}

/** The actors the corpus has; none left means no actor filter (as a link naming only strangers). */
function knownOnly(actors: string[] | null, known: readonly string[]): string[] | null {
  const kept = actors?.filter((a) => known.includes(a)) ?? [];
  return kept.length > 0 ? kept : null;
}
