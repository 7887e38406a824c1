import { loadIndex } from '../../src/cli/loadGazetteer.ts';
import type { PlaceIndex } from '../../src/core/geoparser/gazetteer/placeIndex.ts';

let full: PlaceIndex | undefined;

/** The real gazetteer, curated + broad, built once per test worker. */
export function realIndex(): PlaceIndex {
  return (full ??= loadIndex());
}
