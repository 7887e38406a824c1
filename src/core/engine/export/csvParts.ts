import type { NewsmapFeature } from '../../geoparser/geojson/schema.ts';
import { CSV_COLUMNS, csvRow } from './csv.ts';
import { exportParts, type PartsLayout } from './exportParts.ts';
import { FeatureStringCache } from './featureStringCache.ts';
import type { RunCache } from './runCache.ts';

/**
 * The CSV export as parts for `new Blob(parts)`, from one cached line per feature. Joined,
 * the parts are exactly exportCSV(features), byte for byte: the same rows (the formula guard
 * lives in csvRow) with CRLF line ends.
 *
 * @example
 *   const cache = csvCache();
 *   csvParts(filtered, cache).join('') === exportCSV(filtered); // true
 */

/** A row with its line end, so lines need no separator and the last one ends like the rest. */
export function csvLine(f: NewsmapFeature): string {
  return `${csvRow(f)}\r\n`;
}

export const CSV_LAYOUT: PartsLayout = { head: `${CSV_COLUMNS.join(',')}\r\n`, separator: '', tail: '' };

export function csvCache(): FeatureStringCache {
  return new FeatureStringCache(csvLine);
}

export function csvParts<T = never>(features: readonly NewsmapFeature[], cache: FeatureStringCache = csvCache(), runs?: RunCache<T>): (string | T)[] {
  if (cache.serialize !== csvLine) throw new Error('csvParts needs a cache made by csvCache()');
  return exportParts(features, CSV_LAYOUT, cache, runs);
}
