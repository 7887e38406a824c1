import { EVENT_KINDS, type EventKind } from '../geojson/schema.ts';
import type { FilterState } from './filterState.ts';
import { lowerBound, searchText, type FeatureTable } from './featureTable.ts';
import type { Histogram } from './timeline.ts';

/**
 * Everything the dashboard shows for one filter state, from one pass over the table.
 *
 * The facets are counted "under every other filter": the actor counts ignore the actor filter,
 * the kind counts ignore the kind filter and the histogram ignores the date range, so a count
 * says what ticking that box (or brushing that bar) would give.
 */
export interface TableView {
  /** Table indices of the features passing the whole filter, in table order. */
  indices: Uint32Array;
  /** The same set as a bitmap over table rows: 1 = passes. */
  mask: Uint8Array;
  /** Aligned with `table.actors`. */
  actorCounts: Uint32Array;
  kindCounts: Record<EventKind, number>;
  histogram: Histogram;
  /** Undated features among `indices` (shown whatever the date range). */
  undated: number;
}

/**
 * Applies `state` to the table. Same semantics as `compileFilter` (tested against it):
 * undated features pass any date range, actors match if the feature names any selected one,
 * search is case-insensitive over title, quote, place and article title.
 *
 * @example
 * const { indices, actorCounts } = queryTable(table, { ...DEFAULT_FILTER, actors: ['Iran'] });
 */
export function queryTable(table: FeatureTable, state: FilterState): TableView {
  const { size, kind, dayRank, actorBits, actorWords } = table;
  const kindOk = new Uint8Array(EVENT_KINDS.length);
  for (const k of state.kinds) {
    const i = EVENT_KINDS.indexOf(k);
    if (i >= 0) kindOk[i] = 1;
  }
  // Day ranks in [lo, hi) are inside the range.
  const lo = state.from === null ? 0 : lowerBound(table.days, state.from);
  const hi = state.to === null ? table.days.length : lowerBound(table.days, `${state.to}\uffff`);
  let wanted: Uint32Array | null = null;
  if (state.actors !== null) {
    wanted = new Uint32Array(actorWords);
    for (const a of state.actors) {
      const k = table.actors.indexOf(a);
      if (k >= 0) wanted[k >>> 5]! |= 1 << (k & 31);
    }
  }
  const needle = state.q.trim().toLocaleLowerCase();
  let hay: string[] | null = null;
  if (needle !== '') hay = table.haystack ??= table.features.map(searchText);

  const timeline = table.timeline;
  const binCounts = new Uint32Array(timeline?.bins.length ?? 0);
  let histogramUndated = 0;
  const actorCounts = new Uint32Array(table.actors.length);
  const kindCounts = new Uint32Array(EVENT_KINDS.length);
  const out = new Uint32Array(size);
  const mask = new Uint8Array(size);
  let n = 0;
  let undated = 0;

  for (let i = 0; i < size; i++) {
    const r = dayRank[i]!;
    const dateOk = r < 0 || (r >= lo && r < hi);
    const kOk = kindOk[kind[i]!] === 1;
    let actorOk = true;
    const row = i * actorWords;
    if (wanted !== null) {
      actorOk = false;
      for (let w = 0; w < actorWords; w++) {
        if ((actorBits[row + w]! & wanted[w]!) !== 0) {
          actorOk = true;
          break;
        }
      }
    }
    const textOk = hay === null || hay[i]!.includes(needle);
    if (!textOk) continue;

    if (kOk && dateOk) {
      for (let w = 0; w < actorWords; w++) {
        let bits = actorBits[row + w]!;
        while (bits !== 0) {
          const b = 31 - Math.clz32(bits);
          actorCounts[(w << 5) + b]! += 1;
          bits &= ~(1 << b);
        }
      }
    }
    if (!actorOk) continue;
    if (dateOk) kindCounts[kind[i]!]! += 1;
    if (kOk) {
      if (r < 0) histogramUndated += 1;
      else if (timeline) binCounts[timeline.binOfDay[r]!]! += 1;
      if (dateOk) {
        out[n++] = i;
        mask[i] = 1;
        if (r < 0) undated += 1;
      }
    }
  }

  const counts = {} as Record<EventKind, number>;
  EVENT_KINDS.forEach((k, i) => (counts[k] = kindCounts[i]!));
  return {
    indices: out.slice(0, n),
    mask,
    actorCounts,
    kindCounts: counts,
    histogram: {
      unit: timeline?.unit ?? 'month',
      bins: timeline ? timeline.bins.map((b, i) => ({ start: b.start, end: b.end, count: binCounts[i]! })) : [],
      undated: histogramUndated,
    },
    undated,
  };
}
