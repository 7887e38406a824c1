import type { NewsmapFeature } from '../../geoparser/geojson/schema.ts';

/**
 * Remembers one serialised string per feature object, so an export of 100k features only
 * concatenates strings it already has instead of serialising the corpus again.
 *
 * Keyed by object identity in a WeakMap: features are immutable (a correction makes a new
 * object), so a hit can never be stale, and features dropped from the corpus are collected
 * with their strings. Each cache is bound to one serialiser, so GeoJSON and CSV strings can
 * never be mixed up.
 *
 * @example
 *   const rows = new FeatureStringCache(csvRow);
 *   rows.get(feature); // serialises and remembers
 *   rows.get(feature); // same string, no work
 *   rows.get({ ...feature, properties: { ...feature.properties, corrected: true } }); // new object: serialised afresh
 */
export class FeatureStringCache {
  private readonly strings = new WeakMap<NewsmapFeature, string>();

  constructor(readonly serialize: (f: NewsmapFeature) => string) {}

  /** The feature's string, serialised now on a miss (the cold path) and kept for next time. */
  get(f: NewsmapFeature): string {
    let s = this.strings.get(f);
    if (s === undefined) {
      s = this.serialize(f);
      this.strings.set(f, s);
    }
    return s;
  }

  has(f: NewsmapFeature): boolean {
    return this.strings.has(f);
  }
}
