import { useCallback, useEffect, useState } from 'react';
import type { FilterState } from '../../core/filter/filterState.ts';
import { parseFilterQuery, writeFilterQuery } from '../../core/filter/urlState.ts';
import { writeQueryParams } from './urlWriter.ts';

/** The query parameters the filter owns (see writeFilterQuery). */
const FILTER_KEYS = ['from', 'to', 'actors', 'kinds', 'q'] as const;

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
  const [filter, setFilterState] = useState<FilterState>(() => parseFilterQuery(window.location.search, null).filter);
  const [notes, setNotes] = useState<string[]>(() => parseFilterQuery(window.location.search, null).notes);

  useEffect(() => {
    if (knownActors === null) return;
    const parsed = parseFilterQuery(window.location.search, knownActors);
    setFilterState(parsed.filter);
    setNotes(parsed.notes);
  }, [knownActors]);

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
