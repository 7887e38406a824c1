import { EVENT_KINDS, GEO_PRECISIONS, type EventKind, type GeoPrecisionValue, type NewsmapFeature } from '../../geoparser/geojson/schema.ts';
import { searchText } from './featureTable.ts';
import { isTimeless } from './timeless.ts';
import { compileSearch, type SearchSynonyms } from './search.ts';

export { isTimeless } from './timeless.ts';

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
  /** Keep features where at least one of these actors plays `actorRole`; null = every actor. */
  actors: string[] | null;
  /**
   * The role the ticked actors must play: `involving` = named in `actors` at all (the default),
   * `by` = the initiator (`actor`), `against` = the target (`target`). A feature whose initiator
   * (or target) is unknown does not pass `by` (or `against`) whatever actors it names.
   */
  actorRole: ActorRole;
  /** Kinds shown; the full list by default. */
  kinds: EventKind[];
  /**
   * ACLED event types shown ("Battles", "Explosions/Remote violence" …); null = no restriction.
   * When set, a feature with an `event_type` passes if its type is listed; a feature without one
   * passes unless it is a strike: bases, pipelines and places are no events, and the Kinds
   * group shows or hides them (a strike without a type, say from an old export, is hidden).
   */
  eventTypes: string[] | null;
  /**
   * Location precisions of the points shown; all four by default. Unticking region and country
   * hides the points that only say "somewhere in northern Israel" or "in Iran". Lines (the
   * pipeline) are drawn along their route and pass whatever this holds.
   */
  precisions: GeoPrecisionValue[];
  /**
   * Text search over titles, quotes, place names and article titles: case-insensitive, and
   * with the gazetteer's name normalisation and place synonyms (`search.ts`).
   */
  q: string;
  /**
   * Under a date range, include undated events and undated place mentions too (`undated=1` in
   * the URL). Off by default: a date range then keeps only the timeless facilities (bases and
   * built pipelines, see `isTimeless`) among undated features. Without a date range it has no
   * effect: every undated feature is shown.
   */
  undated: boolean;
}

/** The actor filter's roles, in the order the panel offers them. */
export const ACTOR_ROLES = ['involving', 'by', 'against'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const DEFAULT_FILTER: FilterState = Object.freeze({
  from: null,
  to: null,
  actors: null,
  actorRole: 'involving',
  kinds: [...EVENT_KINDS],
  eventTypes: null,
  precisions: [...GEO_PRECISIONS],
  q: '',
  undated: false,
}) as FilterState;

/** True when the state restricts dates at all (then the undated rule applies). */
export function hasDateRange(state: Pick<FilterState, 'from' | 'to'>): boolean {
  return state.from !== null || state.to !== null;
}

/**
 * A compiled predicate: the set lookups and lower-casing are done once, not per feature.
 * This and `applyFilter`/`countActors`/`countKinds` below define the filter's semantics one
 * feature at a time; the dashboard runs the columnar `queryTable`, which is tested against them.
 */
export function compileFilter(state: FilterState, synonyms: SearchSynonyms | null = null): (feature: NewsmapFeature) => boolean {
  const kinds = new Set<string>(state.kinds);
  const actors = state.actors === null ? null : new Set(state.actors);
  const types = state.eventTypes === null ? null : new Set(state.eventTypes);
  const precisions = new Set<string>(state.precisions);
  const search = compileSearch(state.q, synonyms);
  const { from, to } = state;
  const role = state.actorRole ?? 'involving';
  const dated = hasDateRange(state);
  const includeUndated = state.undated === true;
  return (feature) => {
    const p = feature.properties;
    if (!kinds.has(p.kind)) return false;
    // Under a date range, an undated feature passes if it is a timeless facility (a base, a
    // built pipeline), or if the analyst asked for undated events and mentions (`undated`).
    // The UI says so next to the date inputs and under the timeline.
    if (p.date === null) {
      if (dated && !includeUndated && !isTimeless(p)) return false;
    } else {
      // ISO days compare correctly as strings.
      if (from !== null && p.date < from) return false;
      if (to !== null && p.date > to) return false;
    }
    if (actors !== null && !actorPasses(p, actors, role)) return false;
    if (types !== null && !passesEventTypes(p, types)) return false;
    if (feature.geometry.type === 'Point' && !precisions.has(p.geo_precision)) return false;
    if (search !== null && !search(searchText(feature))) return false;
    return true;
  };
}

/** The actor rule of `FilterState.actors` under a role, for one feature's properties. */
export function actorPasses(p: NewsmapFeature['properties'], actors: ReadonlySet<string>, role: ActorRole): boolean {
  if (role === 'by') return p.actor !== null && actors.has(p.actor);
  if (role === 'against') return p.target !== null && actors.has(p.target);
  return p.actors.some((a) => actors.has(a));
}

/** The actors a feature names in a role: all of `actors`, its initiator, or its target. */
export function actorsInRole(p: NewsmapFeature['properties'], role: ActorRole): string[] {
  if (role === 'by') return p.actor === null ? [] : [p.actor];
  if (role === 'against') return p.target === null ? [] : [p.target];
  return p.actors;
}

/** The event-type rule of `FilterState.eventTypes`, for one feature's properties. */
export function passesEventTypes(p: NewsmapFeature['properties'], types: ReadonlySet<string>): boolean {
  const type = p.event_type ?? null;
  return type === null ? p.kind !== 'strike' : types.has(type);
}

export function applyFilter(features: readonly NewsmapFeature[], state: FilterState, synonyms: SearchSynonyms | null = null): NewsmapFeature[] {
  return features.filter(compileFilter(state, synonyms));
}

/**
 * Actor → number of features naming it (in `role`: as initiator for `by`, as target for
 * `against`), for the checkbox labels. Sorted by count, then name.
 */
export function countActors(features: readonly NewsmapFeature[], role: ActorRole = 'involving'): { actor: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const f of features) {
    for (const a of new Set(actorsInRole(f.properties, role))) counts.set(a, (counts.get(a) ?? 0) + 1);
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

/** Event type → number of features of that type, for the checkbox labels. Untyped features are not counted. */
export function countEventTypes(features: readonly NewsmapFeature[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of features) {
    const t = f.properties.event_type;
    if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return counts;
}

/**
 * The one sentence about undated features that the date panel and the timeline both show, so
 * they cannot disagree. `view` holds the counts of `queryTable`; null when there is nothing
 * undated to speak of.
 *
 * @example
 * describeUndated({ undated: 3, undatedFacilities: 3, undatedHidden: 22 }, filter)
 * // "3 undated facilities (bases, built pipelines) shown whatever the dates; 22 undated events and mentions hidden"
 */
export function describeUndated(view: { undated: number; undatedFacilities: number; undatedHidden: number }, state: Pick<FilterState, 'from' | 'to' | 'undated'>): string | null {
  if (!hasDateRange(state)) return view.undated > 0 ? `${view.undated} undated ${view.undated === 1 ? 'feature' : 'features'} shown, not in the histogram` : null;
  const parts: string[] = [];
  const facilities = view.undatedFacilities;
  const others = view.undated - facilities;
  const events = (n: number) => `${n} undated ${n === 1 ? 'event or mention' : 'events and mentions'}`;
  if (facilities > 0) parts.push(`${facilities} undated ${facilities === 1 ? 'facility' : 'facilities'} (bases, built pipelines) shown whatever the dates`);
  if (others > 0) parts.push(`${events(others)} shown`);
  if (view.undatedHidden > 0) parts.push(`${events(view.undatedHidden)} hidden`);
  return parts.length > 0 ? parts.join('; ') : null;
}
