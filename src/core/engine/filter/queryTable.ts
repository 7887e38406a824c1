import { EVENT_KINDS, GEO_PRECISIONS, type EventKind, type GeoPrecisionValue } from '../../geoparser/geojson/schema.ts';
import type { FilterState } from './filterState.ts';
import { lowerBound, searchText, type FeatureTable } from './featureTable.ts';
import type { Histogram } from './timeline.ts';
import { compileSearch, type SearchSynonyms } from './search.ts';

/**
 * Everything the dashboard shows for one filter state, from one pass over the table.
 *
 * The facets are counted "under every other filter": the actor counts ignore the actor filter,
 * the kind counts ignore the kind filter, the event-type counts ignore the event-type filter and
 * the histogram ignores the date range, so a count says what ticking that box (or brushing that
 * bar) would give.
 */
export interface TableView {
  /** Table indices of the features passing the whole filter, in table order. */
  indices: Uint32Array;
  /** The same set as a bitmap over table rows: 1 = passes. */
  mask: Uint8Array;
  /** Aligned with `table.actors`: features naming each actor in the filter's role. */
  actorCounts: Uint32Array;
  kindCounts: Record<EventKind, number>;
  /** Aligned with `table.eventTypes`: features of each type under every other filter. */
  eventTypeCounts: Uint32Array;
  /** Points of each location precision under every other filter (lines are not counted). */
  precisionCounts: Record<GeoPrecisionValue, number>;
  histogram: Histogram;
  /** Undated features among `indices`. */
  undated: number;
  /** Timeless facilities (bases, built pipelines) among the undated features of `indices`. */
  undatedFacilities: number;
  /**
   * Undated events and mentions that pass every other filter but are left out by the date
   * range, because the filter's `undated` toggle is off (0 without a date range).
   */
  undatedHidden: number;
}

/**
 * Applies `state` to the table. Same semantics as `compileFilter` (tested against it):
 * under a date range an undated feature passes only if it is a timeless facility or the
 * `undated` toggle is on, actors match if the feature names any selected one,
 * search is case-insensitive over title, quote, place and article title, with name keys and
 * the gazetteer's synonyms (`search.ts`).
 *
 * @example
 * const { indices, actorCounts } = queryTable(table, { ...DEFAULT_FILTER, actors: ['Iran'] });
 */
export function queryTable(table: FeatureTable, state: FilterState, synonyms: SearchSynonyms | null = null): TableView {
  const { size, kind, precision, line, timeless, eventType, dayRank, actorWords, actorSet, actorSetBits, actorSetCount } = table;
  const kindOk = new Uint8Array(EVENT_KINDS.length);
  for (const k of state.kinds) {
    const i = EVENT_KINDS.indexOf(k);
    if (i >= 0) kindOk[i] = 1;
  }
  // Event types: 1 = shown; a feature without a type passes unless it is a strike (see FilterState).
  const typeFilter = state.eventTypes !== null;
  const typeOk = new Uint8Array(table.eventTypes.length);
  if (state.eventTypes !== null) for (const t of state.eventTypes) {
    const k = table.eventTypes.indexOf(t);
    if (k >= 0) typeOk[k] = 1;
  }
  const precisionOk = new Uint8Array(GEO_PRECISIONS.length);
  for (const p of state.precisions) {
    const i = GEO_PRECISIONS.indexOf(p);
    if (i >= 0) precisionOk[i] = 1;
  }
  const precisionCounts = new Uint32Array(GEO_PRECISIONS.length);
  const strike = EVENT_KINDS.indexOf('strike');
  const eventTypeCounts = new Uint32Array(table.eventTypes.length);
  // Day ranks in [lo, hi) are inside the range.
  const lo = state.from === null ? 0 : lowerBound(table.days, state.from);
  const hi = state.to === null ? table.days.length : lowerBound(table.days, `${state.to}\uffff`);
  // Undated rows pass when there is no date range, when the analyst includes them, or when
  // they are timeless facilities.
  const undatedAll = (state.from === null && state.to === null) || state.undated === true;
  // "involving": the actor filter is decided once per distinct actor set, not once per row.
  // "by" / "against": one lookup of the row's initiator or target among the wanted actors.
  const role = state.actorRole ?? 'involving';
  const involving = role === 'involving';
  const roleColumn = role === 'by' ? table.initiator : table.target;
  const wantedActor = new Uint8Array(table.actors.length).fill(state.actors === null ? 1 : 0);
  if (state.actors !== null) for (const a of state.actors) {
    const k = table.actors.indexOf(a);
    if (k >= 0) wantedActor[k] = 1;
  }
  const setOk = new Uint8Array(actorSetCount).fill(1);
  // Rows per actor in the role, passing every filter but the actors' ("by" / "against").
  const roleHits = new Uint32Array(table.actors.length);
  if (involving && state.actors !== null) {
    const wanted = new Uint32Array(actorWords);
    for (const a of state.actors) {
      const k = table.actors.indexOf(a);
      if (k >= 0) wanted[k >>> 5]! |= 1 << (k & 31);
    }
    for (let s = 0; s < actorSetCount; s++) {
      let hit = 0;
      for (let w = 0; w < actorWords; w++) hit |= actorSetBits[s * actorWords + w]! & wanted[w]!;
      setOk[s] = hit !== 0 ? 1 : 0;
    }
  }
  const search = compileSearch(state.q, synonyms);
  let hay: string[] | null = null;
  if (search !== null) hay = table.haystack ??= table.features.map(searchText);

  const timeline = table.timeline;
  const binOfDay = timeline?.binOfDay ?? new Int32Array(0);
  const binCounts = new Uint32Array(timeline?.bins.length ?? 0);
  let histogramUndated = 0;
  // Rows per actor set passing every filter but the actors': expanded to actor counts below.
  const setHits = new Uint32Array(actorSetCount);
  const kindCounts = new Uint32Array(EVENT_KINDS.length);
  const out = new Uint32Array(size);
  const mask = new Uint8Array(size);
  let n = 0;
  let undated = 0;
  let undatedFacilities = 0;
  let undatedHidden = 0;

  for (let i = 0; i < size; i++) {
    if (hay !== null && !search!(hay[i]!)) continue;
    const r = dayRank[i]!;
    const dateOk = r < 0 ? undatedAll || timeless[i] === 1 : r >= lo && r < hi;
    const k = kind[i]!;
    const kOk = kindOk[k] === 1;
    const set = actorSet[i]!;
    const ty = eventType[i]!;
    const tOk = !typeFilter || (ty >= 0 ? typeOk[ty] === 1 : k !== strike);
    const isLine = line[i] === 1;
    const pr = precision[i]!;
    const pOk = isLine || precisionOk[pr] === 1;
    let actorOk: boolean;
    if (involving) {
      if (kOk && dateOk && tOk && pOk) setHits[set]!++;
      actorOk = setOk[set] === 1;
    } else {
      const who = roleColumn[i]!;
      if (who >= 0 && kOk && dateOk && tOk && pOk) roleHits[who]!++;
      actorOk = who >= 0 ? wantedActor[who] === 1 : state.actors === null;
    }
    if (!actorOk) continue;
    if (kOk && dateOk && ty >= 0 && pOk) eventTypeCounts[ty]!++;
    if (kOk && dateOk && tOk && !isLine) precisionCounts[pr]!++;
    if (!tOk || !pOk) continue;
    if (dateOk) kindCounts[k]!++;
    if (kOk) {
      if (r < 0) histogramUndated++;
      else binCounts[binOfDay[r]!]!++;
      if (dateOk) {
        out[n++] = i;
        mask[i] = 1;
        if (r < 0) {
          undated++;
          if (timeless[i] === 1) undatedFacilities++;
        }
      } else if (r < 0) undatedHidden++;
    }
  }

  const actorCounts = involving ? new Uint32Array(table.actors.length) : roleHits;
  if (involving) for (let s = 0; s < actorSetCount; s++) {
    const hits = setHits[s]!;
    if (hits === 0) continue;
    for (let w = 0; w < actorWords; w++) {
      let bits = actorSetBits[s * actorWords + w]!;
      while (bits !== 0) {
        const b = 31 - Math.clz32(bits);
        actorCounts[(w << 5) + b]! += hits;
        bits &= ~(1 << b);
      }
    }
  }

  const counts = {} as Record<EventKind, number>;
  EVENT_KINDS.forEach((k, i) => (counts[k] = kindCounts[i]!));
  const byPrecision = {} as Record<GeoPrecisionValue, number>;
  GEO_PRECISIONS.forEach((p, i) => (byPrecision[p] = precisionCounts[i]!));
  return {
    indices: out.slice(0, n),
    mask,
    actorCounts,
    kindCounts: counts,
    eventTypeCounts,
    precisionCounts: byPrecision,
    histogram: {
      unit: timeline?.unit ?? 'month',
      bins: timeline ? timeline.bins.map((b, i) => ({ start: b.start, end: b.end, count: binCounts[i]! })) : [],
      undated: histogramUndated,
    },
    undated,
    undatedFacilities,
    undatedHidden,
  };
}
