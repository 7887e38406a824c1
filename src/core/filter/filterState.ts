import { EVENT_KINDS, type EventKind, type NewsmapFeature } from '../geojson/schema.ts';
import { searchText } from './featureTable.ts';

/**
 * The one filter that drives the map, the event list, the timeline and the export.
 * `null` means "no restriction" so that a default state stays valid whatever the corpus holds
 * (a new actor appearing in tomorrow's corpus is shown, not silently unchecked).
 */
export interface FilterState {
  /** Inclusive lower bound on `properties.date`, `YYYY-MM-DD`. */
  from: string | null;
  /** Inclusive upper bound on `properties.date`, `YYYY-MM-DD`. */
  to: string | null;
  /** Keep features involving at least one of these actors; null = every actor. */
  actors: string[] | null;
  /** Kinds shown; the full list by default. */
  kinds: EventKind[];
  /** Case-insensitive text search over titles, quotes and place names. */
  q: string;
}

export const DEFAULT_FILTER: FilterState = Object.freeze({
  from: null,
  to: null,
  actors: null,
  kinds: [...EVENT_KINDS],
  q: '',
}) as FilterState;

/**
 * A compiled predicate: the set lookups and lower-casing are done once, not per feature.
 * This and `applyFilter`/`countActors`/`countKinds` below define the filter's semantics one
 * feature at a time; the dashboard runs the columnar `queryTable`, which is tested against them.
 */
export function compileFilter(state: FilterState): (feature: NewsmapFeature) => boolean {
  const kinds = new Set<string>(state.kinds);
  const actors = state.actors === null ? null : new Set(state.actors);
  const needle = state.q.trim().toLocaleLowerCase();
  const { from, to } = state;
  return (feature) => {
    const p = feature.properties;
    if (!kinds.has(p.kind)) return false;
    // Undated features (bases, the pipeline) are facts without a time: a date range cannot
    // exclude them. The UI says so next to the date inputs.
    if (p.date !== null) {
      // ISO days compare correctly as strings.
      if (from !== null && p.date < from) return false;
      if (to !== null && p.date > to) return false;
    }
    if (actors !== null && !p.actors.some((a) => actors.has(a))) return false;
    if (needle !== '') {
      if (!searchText(feature).includes(needle)) return false;
    }
    return true;
  };
}

export function applyFilter(features: readonly NewsmapFeature[], state: FilterState): NewsmapFeature[] {
  return features.filter(compileFilter(state));
}

/** Actor → number of features naming it, for the checkbox labels. Sorted by count, then name. */
export function countActors(features: readonly NewsmapFeature[]): { actor: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const f of features) {
    for (const a of new Set(f.properties.actors)) counts.set(a, (counts.get(a) ?? 0) + 1);
  }
  return [...counts]
    .map(([actor, count]) => ({ actor, count }))
    .sort((a, b) => b.count - a.count || a.actor.localeCompare(b.actor));
}

export function countKinds(features: readonly NewsmapFeature[]): Record<EventKind, number> {
  const counts = { strike: 0, base: 0, pipeline: 0, place: 0 } satisfies Record<EventKind, number>;
  for (const f of features) counts[f.properties.kind] += 1;
  return counts;
}
