import type { NewsmapFeature } from '../../geoparser/geojson/schema.ts';
import { EVENT_KINDS } from '../../geoparser/geojson/vocabulary.ts';
import type { FeatureTable } from './featureTable.ts';

/**
 * The event list's rows for one filtered view: events first (strikes, bases, pipelines, in
 * the table's date order), then the places, one row per place however often the articles
 * mention it ("Iraq · 4 mentions"), which opens to one row per mention. A place mentioned once
 * is a plain row. Built in one pass over the view's indices (the grouping of place rows is
 * computed once per table), so a filter change stays cheap at 100k features.
 *
 * @example
 * const rows = listRows(table, view.indices, new Set(['iraq']));
 * rows.at(0)   // { type: 'event', feature }
 * rows.at(rows.events) // the first place row: a group or a single mention
 */
export type ListRow =
  | { type: 'event'; feature: NewsmapFeature }
  /** A place the filtered set mentions once. */
  | { type: 'place'; feature: NewsmapFeature }
  /** A place mentioned more than once; `expanded` rows of its mentions follow it. */
  | { type: 'group'; key: string; name: string; country: string; count: number; expanded: boolean; first: NewsmapFeature }
  | { type: 'mention'; key: string; feature: NewsmapFeature; position: number; count: number };

export interface ListRows {
  readonly length: number;
  /** Event rows (they come first), and distinct places after them. */
  readonly events: number;
  readonly places: number;
  /** Place mentions (features) among the rows, counted once each whether shown or folded. */
  readonly mentions: number;
  at(k: number): ListRow | undefined;
  /** The row showing a feature: its own row, or its place's folded group row; -1 if none. */
  indexOfId(id: string): number;
  /** The group key of a place feature mentioned more than once in the view, else null. */
  groupOfId(id: string): string | null;
}

interface PlaceGroups {
  /** Per table row: its place group, or -1 for an event. */
  groupOf: Int32Array;
  keys: string[];
  names: string[];
  countries: string[];
}

const PLACE = EVENT_KINDS.indexOf('place');
const groupsOfTable = new WeakMap<FeatureTable, PlaceGroups>();

/** The key two mentions of one place share: the gazetteer's place id, else name and country. */
export function placeKey(f: NewsmapFeature): string {
  const p = f.properties;
  return p.place_id ? `id:${p.place_id}` : `name:${p.place_name.toLowerCase()}|${p.country}`;
}

function placeGroups(table: FeatureTable): PlaceGroups {
  let groups = groupsOfTable.get(table);
  if (groups) return groups;
  const groupOf = new Int32Array(table.size).fill(-1);
  const byKey = new Map<string, number>();
  const keys: string[] = [];
  const names: string[] = [];
  const countries: string[] = [];
  for (let i = 0; i < table.size; i++) {
    if (table.kind[i] !== PLACE) continue;
    const f = table.features[i]!;
    const key = placeKey(f);
    let g = byKey.get(key);
    if (g === undefined) {
      g = keys.length;
      byKey.set(key, g);
      keys.push(key);
      names.push(f.properties.place_name);
      countries.push(f.properties.country);
    }
    groupOf[i] = g;
  }
  groups = { groupOf, keys, names, countries };
  groupsOfTable.set(table, groups);
  return groups;
}

/**
 * @param indices the filtered rows of `table`, in table order (`queryTable(...).indices`)
 * @param expanded keys of the groups whose mentions are listed
 */
export function listRows(table: FeatureTable, indices: Uint32Array, expanded: ReadonlySet<string>): ListRows {
  const { groupOf, keys, names, countries } = placeGroups(table);
  const features = table.features;
  // One pass sorts the view into events and place mentions (typed arrays, no growth); the
  // second pass, over the mentions only, files them under their places.
  const eventRows = new Uint32Array(indices.length);
  const placeRows = new Uint32Array(indices.length);
  let nEvents = 0;
  let nPlaces = 0;
  const count = new Uint32Array(keys.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    const g = groupOf[i]!;
    if (g < 0) eventRows[nEvents++] = i;
    else {
      placeRows[nPlaces++] = i;
      count[g]!++;
    }
  }
  const events = eventRows.subarray(0, nEvents);
  // The view's places, most mentioned first, then by name; their members in table order.
  const present: number[] = [];
  for (let g = 0; g < count.length; g++) if (count[g]! > 0) present.push(g);
  present.sort((a, b) => count[b]! - count[a]! || (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : a - b));
  const start = new Int32Array(keys.length);
  let offset = 0;
  for (const g of present) {
    start[g] = offset;
    offset += count[g]!;
  }
  const members = new Uint32Array(offset);
  const fill = start.slice();
  for (let k = 0; k < nPlaces; k++) {
    const i = placeRows[k]!;
    members[fill[groupOf[i]!]!++] = i;
  }
  // Where each place's rows begin among the list's rows (after the events).
  const rowStart = new Int32Array(present.length + 1);
  let row = events.length;
  present.forEach((g, n) => {
    rowStart[n] = row;
    row += 1 + (count[g]! > 1 && expanded.has(keys[g]!) ? count[g]! : 0);
  });
  rowStart[present.length] = row;
  const length = row;

  const at = (k: number): ListRow | undefined => {
    if (k < 0 || k >= length) return undefined;
    if (k < events.length) return { type: 'event', feature: features[events[k]!]! };
    // The place whose rows hold k: the last start ≤ k.
    let lo = 0;
    let hi = present.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (rowStart[mid]! <= k) lo = mid;
      else hi = mid - 1;
    }
    const g = present[lo]!;
    const n = count[g]!;
    const first = features[members[start[g]!]!]!;
    if (n === 1) return { type: 'place', feature: first };
    const within = k - rowStart[lo]!;
    const key = keys[g]!;
    if (within === 0) return { type: 'group', key, name: names[g]!, country: countries[g]!, count: n, expanded: expanded.has(key), first };
    return { type: 'mention', key, feature: features[members[start[g]! + within - 1]!]!, position: within, count: n };
  };

  const rowOfFeature = (id: string): { row: number; group: string | null } | null => {
    for (let k = 0; k < events.length; k++) if (features[events[k]!]!.id === id) return { row: k, group: null };
    for (let n = 0; n < present.length; n++) {
      const g = present[n]!;
      for (let m = 0; m < count[g]!; m++) {
        if (features[members[start[g]! + m]!]!.id !== id) continue;
        if (count[g]! === 1) return { row: rowStart[n]!, group: null };
        const key = keys[g]!;
        return { row: expanded.has(key) ? rowStart[n]! + 1 + m : rowStart[n]!, group: key };
      }
    }
    return null;
  };

  return {
    length,
    events: events.length,
    places: present.length,
    mentions: offset,
    at,
    indexOfId: (id) => rowOfFeature(id)?.row ?? -1,
    groupOfId: (id) => rowOfFeature(id)?.group ?? null,
  };
}
