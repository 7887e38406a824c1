import type { NewsmapFeature } from '../../geoparser/geojson/schema.ts';
import { exportParts, type PartsLayout } from './exportParts.ts';
import { FeatureStringCache } from './featureStringCache.ts';
import { exportFeature } from './geojson.ts';
import type { RunCache } from './runCache.ts';

/**
 * The GeoJSON export as parts for `new Blob(parts)`, from one cached string per feature.
 * Same content as exportGeoJSON: JSON.parse of the joined parts deep-equals
 * JSON.parse(exportGeoJSON(features)). It is compact (no indentation), and it never builds
 * the whole ~50 MB text as one string. An empty cache is the cold path: it fills as it goes.
 *
 * @example
 *   const cache = geoJsonCache();                  // keep it: it is what makes the next export fast
 *   geoJsonParts(filtered, cache);                 // ['{"type":"FeatureCollection","features":[', '{…}', ',', '{…}', ']}']
 *   new Blob(geoJsonParts(filtered, cache, runs), { type: 'application/geo+json' });
 */

/** One feature's compact JSON, exactly as exportGeoJSON writes it (rounded to 6 decimals). */
export function serializeFeature(f: NewsmapFeature): string {
  return JSON.stringify(exportFeature(f));
}

export const GEOJSON_LAYOUT: PartsLayout = { head: '{"type":"FeatureCollection","features":[', separator: ',', tail: ']}' };

export function geoJsonCache(): FeatureStringCache {
  return new FeatureStringCache(serializeFeature);
}

export function geoJsonParts<T = never>(
  features: readonly NewsmapFeature[],
  cache: FeatureStringCache = geoJsonCache(),
  runs?: RunCache<T>,
): (string | T)[] {
  // A cache for another format would silently write CSV rows into a .geojson file.
  if (cache.serialize !== serializeFeature) throw new Error('geoJsonParts needs a cache made by geoJsonCache()');
  return exportParts(features, GEOJSON_LAYOUT, cache, runs);
}
