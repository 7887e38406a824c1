import type { NewsmapFeature } from '../../geoparser/geojson/schema.ts';

/**
 * The filtered features without building a 100k-element array on every filter change: the
 * list reads the rows it shows, and only an export or the reader asks for the whole array.
 *
 * @example
 * const rows = featureRows(table.features, view.indices);
 * rows.length; rows.at(0); rows.toArray();
 */
export interface FeatureRows {
  readonly length: number;
  at(k: number): NewsmapFeature | undefined;
  /** Position of a feature id among the rows, or -1. */
  indexOfId(id: string): number;
  /** All rows as an array, built once per FeatureRows. */
  toArray(): NewsmapFeature[];
}

export function featureRows(features: readonly NewsmapFeature[], indices: Uint32Array): FeatureRows {
  let array: NewsmapFeature[] | null = null;
  return {
    length: indices.length,
    at: (k) => (k >= 0 && k < indices.length ? features[indices[k]!] : undefined),
    indexOfId(id) {
      for (let k = 0; k < indices.length; k++) if (features[indices[k]!]!.id === id) return k;
      return -1;
    },
    toArray: () => (array ??= Array.from(indices, (i) => features[i]!)),
  };
}

/** Rows over a plain array (all of it, in its order). */
export function arrayRows(features: readonly NewsmapFeature[]): FeatureRows {
  return featureRows(features, Uint32Array.from(features.keys()));
}
