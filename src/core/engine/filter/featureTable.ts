import type { NewsmapFeature } from '../../geoparser/geojson/schema.ts';
import { EVENT_KINDS, GEO_PRECISIONS } from '../../geoparser/geojson/vocabulary.ts';
import { EVENT_TYPES } from '../../geoparser/events/eventVocabulary.ts';
import { isTimeless } from './timeless.ts';
import { searchFields } from './search.ts';
import { binStart, chooseBinUnit, dayBefore, nextBinStart, type BinUnit } from './timeline.ts';

/**
 * The corpus as columns, built once per corpus so that every filter change is one pass over
 * small typed arrays instead of four passes over 100k feature objects (the layout kepler.gl
 * and deck.gl use for the same reason).
 *
 * - Dates become ranks among the corpus' distinct days: comparing ranks gives exactly the
 *   answer comparing ISO strings gives, without a string compare per feature.
 * - Actors become bits (one row of `actorWords` 32-bit words per feature), indexed by the
 *   actor's position in `actors` (most frequent first).
 * - Each distinct day also knows its timeline bin, so the histogram needs no date parsing.
 *
 * @example
 * const table = buildFeatureTable(sortedFeatures);
 * const view = queryTable(table, filter); // view.indices → the filtered features
 */
export interface FeatureTable {
  /** The features in `byDate` order: the row order of every column. */
  readonly features: readonly NewsmapFeature[];
  readonly size: number;
  /** Index into EVENT_KINDS. */
  readonly kind: Uint8Array;
  /** Index into GEO_PRECISIONS of the feature's `geo_precision`. */
  readonly precision: Uint8Array;
  /** 1 for a LineString row (the pipeline), 0 for a Point. */
  readonly line: Uint8Array;
  /** 1 for a timeless facility (a base, a built pipeline: `isTimeless`), which a date range keeps when undated. */
  readonly timeless: Uint8Array;
  /** Anchor point of each row (a LineString's first vertex). */
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  /** Index of the feature's ACLED event type in `eventTypes`, or -1 when it has none. */
  readonly eventType: Int16Array;
  /** The corpus' event types: ACLED's vocabulary order first, any other type after, by name. */
  readonly eventTypes: readonly string[];
  /** Rank of the feature's day among `days`, or -1 when undated. */
  readonly dayRank: Int32Array;
  /** The corpus' distinct days, ascending. */
  readonly days: readonly string[];
  /** Actors, most frequent first (ties by name); bit k of a row is `actors[k]`. */
  readonly actors: readonly string[];
  /**
   * Each row's initiator (`actor`) and target (`target`) as an index into `actors`, or -1 when
   * unknown (or not among the corpus' named actors): the actor filter's "by" and "against".
   */
  readonly initiator: Int32Array;
  readonly target: Int32Array;
  /** How many features name each actor, aligned with `actors`. */
  readonly actorTotals: Uint32Array;
  readonly actorWords: number;
  /** size × actorWords words. */
  readonly actorBits: Uint32Array;
  /**
   * Each row's set of actors as an id among the corpus' distinct sets (a few hundred at most,
   * however many rows): a filter tests and counts a set once, not once per row.
   */
  readonly actorSet: Uint32Array;
  /** actorSetCount × actorWords words: the bits of each distinct set. */
  readonly actorSetBits: Uint32Array;
  readonly actorSetCount: number;
  /** The timeline: unit, bins and, per day rank, the bin it falls in. */
  readonly timeline: { unit: BinUnit; bins: readonly { start: string; end: string }[]; binOfDay: Int32Array } | null;
  /** How many distinct articles the features come from. */
  readonly articleCount: number;
  /** Search text per feature (`searchText`), built in idle time or on the first search. */
  haystack: string[] | null;
  /** Feature id → row, built on the first lookup only (see `featureById`). */
  idIndex: Map<string, number> | null;
}

/** The feature with this id, or null. The first call indexes the ids (not needed to draw). */
export function featureById(table: FeatureTable, id: string): NewsmapFeature | null {
  if (table.idIndex === null) {
    const index = new Map<string, number>();
    table.features.forEach((f, i) => index.set(f.id, i));
    table.idIndex = index;
  }
  const row = table.idIndex.get(id);
  return row === undefined ? null : table.features[row]!;
}

const KIND_INDEX = new Map<string, number>(EVENT_KINDS.map((k, i) => [k, i]));
const PRECISION_INDEX = new Map<string, number>(GEO_PRECISIONS.map((k, i) => [k, i]));

/** ACLED's order for its own types (Battles, Explosions/Remote violence, …); other types after them, by name. */
function byVocabulary(a: string, b: string): number {
  const ia = EVENT_TYPES.indexOf(a);
  const ib = EVENT_TYPES.indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The list order: dated features first, by day then id; undated ones (bases, the built
 * pipeline) after them by title. The reference comparator; `buildFeatureTable` sorts faster.
 */
export function byDate(a: NewsmapFeature, b: NewsmapFeature): number {
  const da = a.properties.date;
  const db = b.properties.date;
  if (da === null && db === null) return a.properties.title < b.properties.title ? -1 : a.properties.title > b.properties.title ? 1 : 0;
  if (da === null) return 1;
  if (db === null) return -1;
  return da < db ? -1 : da > db ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Builds the columns and puts the rows in `byDate` order.
 *
 * @example
 * const table = buildFeatureTable(features);
 */
export function buildFeatureTable(input: readonly NewsmapFeature[]): FeatureTable {
  const builder = new FeatureTableBuilder();
  builder.add(input);
  return builder.finish();
}

/**
 * Builds a table batch by batch, so the string lookups (days, actors, articles) happen while
 * the rest of the corpus is still downloading; `finish` is then a few passes over numbers.
 * Rows are sorted by a bucket sort on day rank: a corpus has a few thousand distinct days,
 * so only the small same-day buckets need a comparison sort (100k features: one pass plus
 * tiny sorts, instead of 1.7M comparator calls).
 *
 * @example
 * const builder = new FeatureTableBuilder();
 * for (const batch of batches) builder.add(batch);
 * const table = builder.finish(); // equal to buildFeatureTable(batches.flat())
 */
export class FeatureTableBuilder {
  private readonly features: NewsmapFeature[] = [];
  /** Per feature: its day's id in order of first appearance, or -1 when undated. */
  private readonly dayIds: number[] = [];
  private readonly dayIdOf = new Map<string, number>();
  private readonly dayNames: string[] = [];
  /** Per feature, its distinct actors' ids: `actorIds[actorStart[i] .. actorStart[i + 1])`. */
  private readonly actorStart: number[] = [0];
  private readonly actorIds: number[] = [];
  private readonly actorIdOf = new Map<string, number>();
  private readonly actorNames: string[] = [];
  private readonly actorCounts: number[] = [];
  private readonly articles = new Set<string>();
  /** Per feature: its event type's id in order of first appearance, or -1. */
  private readonly typeIds: number[] = [];
  private readonly typeIdOf = new Map<string, number>();
  /** Per feature: its initiator's and target's names (resolved to actor indices in `finish`). */
  private readonly initiators: (string | null)[] = [];
  private readonly targets: (string | null)[] = [];

  add(batch: readonly NewsmapFeature[]): void {
    for (let b = 0; b < batch.length; b++) {
      const f = batch[b]!;
      const p = f.properties;
      this.features.push(f);
      this.articles.add(p.article_id);
      this.initiators.push(p.actor ?? null);
      this.targets.push(p.target ?? null);
      const type = p.event_type ?? null;
      if (type === null) this.typeIds.push(-1);
      else {
        let id = this.typeIdOf.get(type);
        if (id === undefined) this.typeIdOf.set(type, (id = this.typeIdOf.size));
        this.typeIds.push(id);
      }
      if (p.date === null) this.dayIds.push(-1);
      else {
        let day = this.dayIdOf.get(p.date);
        if (day === undefined) {
          day = this.dayNames.length;
          this.dayIdOf.set(p.date, day);
          this.dayNames.push(p.date);
        }
        this.dayIds.push(day);
      }
      const named = p.actors;
      const first = this.actorIds.length;
      for (let k = 0; k < named.length; k++) {
        const name = named[k]!;
        let id = this.actorIdOf.get(name);
        if (id === undefined) {
          id = this.actorNames.length;
          this.actorIdOf.set(name, id);
          this.actorNames.push(name);
          this.actorCounts.push(0);
        }
        // A feature naming an actor twice counts once.
        if (this.actorIds.indexOf(id, first) >= 0) continue;
        this.actorIds.push(id);
        this.actorCounts[id]!++;
      }
      this.actorStart.push(this.actorIds.length);
    }
  }

  finish(): FeatureTable {
    const input = this.features;
    const size = input.length;
    const days = [...this.dayNames].sort();
    const rankOfDay = new Int32Array(this.dayNames.length);
    days.forEach((d, rank) => (rankOfDay[this.dayIdOf.get(d)!] = rank));
    const rankOfRow = Int32Array.from(this.dayIds, (id) => (id < 0 ? -1 : rankOfDay[id]!));
    const order = sortRowsByDay(input, rankOfRow, days.length);

    const counts = this.actorCounts;
    const names = this.actorNames;
    const byFrequency = names.map((_, id) => id).sort((a, b) => counts[b]! - counts[a]! || (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
    const actors = byFrequency.map((id) => names[id]!);
    const actorTotals = Uint32Array.from(byFrequency, (id) => counts[id]!);
    const bitOfActor = new Int32Array(names.length);
    byFrequency.forEach((id, k) => (bitOfActor[id] = k));
    const actorWords = Math.max(1, Math.ceil(actors.length / 32));
    const actorBits = new Uint32Array(size * actorWords);
    const eventTypes = [...this.typeIdOf.keys()].sort(byVocabulary);
    const typeRank = new Int16Array(this.typeIdOf.size);
    for (const [name, id] of this.typeIdOf) typeRank[id] = eventTypes.indexOf(name);
    const eventType = new Int16Array(size);
    const kind = new Uint8Array(size);
    const precision = new Uint8Array(size);
    const dayRank = new Int32Array(size);
    const line = new Uint8Array(size);
    const timeless = new Uint8Array(size);
    const lon = new Float64Array(size);
    const lat = new Float64Array(size);
    const features: NewsmapFeature[] = new Array(size);
    const actorSet = new Uint32Array(size);
    const indexOfName = (name: string | null): number => {
      if (name === null) return -1;
      const id = this.actorIdOf.get(name);
      return id === undefined ? -1 : bitOfActor[id]!;
    };
    const initiator = new Int32Array(size);
    const target = new Int32Array(size);
    const setOf = new Map<number | string, number>();
    const setBits: number[] = [];

    for (let i = 0; i < size; i++) {
      const r = order[i]!;
      const f = input[r]!;
      features[i] = f;
      kind[i] = KIND_INDEX.get(f.properties.kind) ?? 0;
      timeless[i] = isTimeless(f.properties) ? 1 : 0;
      precision[i] = PRECISION_INDEX.get(f.properties.geo_precision) ?? 0;
      const typeId = this.typeIds[r]!;
      eventType[i] = typeId < 0 ? -1 : typeRank[typeId]!;
      dayRank[i] = rankOfRow[r]!;
      initiator[i] = indexOfName(this.initiators[r] ?? null);
      target[i] = indexOfName(this.targets[r] ?? null);
      const g = f.geometry;
      const anchor = g.type === 'Point' ? g.coordinates : g.coordinates[0]!;
      line[i] = g.type === 'LineString' ? 1 : 0;
      lon[i] = anchor[0];
      lat[i] = anchor[1];
      const row = i * actorWords;
      for (let a = this.actorStart[r]!; a < this.actorStart[r + 1]!; a++) {
        const k = bitOfActor[this.actorIds[a]!]!;
        actorBits[row + (k >>> 5)]! |= 1 << (k & 31);
      }
      const key = actorWords === 1 ? actorBits[row]! : actorBits.subarray(row, row + actorWords).join(',');
      let set = setOf.get(key);
      if (set === undefined) {
        set = setOf.size;
        setOf.set(key, set);
        for (let w = 0; w < actorWords; w++) setBits.push(actorBits[row + w]!);
      }
      actorSet[i] = set;
    }

    return { features, size, kind, precision, eventType, eventTypes, line, timeless, lon, lat, dayRank, days, actors, initiator, target, actorTotals, actorWords, actorBits, actorSet, actorSetBits: Uint32Array.from(setBits), actorSetCount: setOf.size, timeline: buildTimeline(days), articleCount: this.articles.size, haystack: null, idIndex: null };
  }
}

/**
 * Row order: a stable counting sort by day rank (−1 = undated, last), then `byDate` within
 * each bucket of one day.
 */
function sortRowsByDay(input: readonly NewsmapFeature[], rankOfRow: Int32Array, dayCount: number): Int32Array {
  const bucketOf = (r: number) => (rankOfRow[r]! < 0 ? dayCount : rankOfRow[r]!);
  const start = new Int32Array(dayCount + 2);
  for (let r = 0; r < input.length; r++) start[bucketOf(r) + 1]!++;
  for (let b = 0; b <= dayCount; b++) start[b + 1]! += start[b]!;
  const next = start.slice(0, dayCount + 1);
  const order = new Int32Array(input.length);
  for (let r = 0; r < input.length; r++) order[next[bucketOf(r)]!++] = r;
  // Within one day `byDate` compares ids only: compare them directly.
  const byId = (a: number, b: number) => {
    const x = input[a]!.id;
    const y = input[b]!.id;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  for (let b = 0; b <= dayCount; b++) {
    if (start[b + 1]! - start[b]! > 1) order.subarray(start[b]!, start[b + 1]!).sort(b < dayCount ? byId : (x, y) => byDate(input[x]!, input[y]!));
  }
  return order;
}

/** Bins spanning the corpus' first to last day (empty ones included: the axis is linear). */
function buildTimeline(days: readonly string[]): FeatureTable['timeline'] {
  const min = days[0];
  const max = days[days.length - 1];
  if (min === undefined || max === undefined) return null;
  const unit = chooseBinUnit(min, max);
  const bins: { start: string; end: string }[] = [];
  const binOfDay = new Int32Array(days.length);
  let d = 0;
  for (let s = binStart(min, unit); s <= max; s = nextBinStart(s, unit)) {
    const next = nextBinStart(s, unit);
    while (d < days.length && days[d]! < next) binOfDay[d++] = bins.length;
    bins.push({ start: s, end: dayBefore(next) });
  }
  return { unit, bins, binOfDay };
}

/**
 * The text a search looks in; the same fields for the table and the reference predicate:
 * lower-cased as written, and as name keys (see `search.ts`).
 */
export function searchText(f: NewsmapFeature): string {
  const p = f.properties;
  return searchFields([p.title, p.quote, p.place_name, p.article_title]);
}

/** Index of the first day ≥ `day` (binary search over the sorted distinct days). */
export function lowerBound(days: readonly string[], day: string): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
