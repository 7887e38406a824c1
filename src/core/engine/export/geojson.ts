import type { NewsmapCollection, NewsmapFeature } from '../../geoparser/geojson/schema.ts';
import { round6 } from '../../geoparser/geojson/round.ts';

/**
 * RFC 7946 export of exactly the features given (the caller passes the filtered set).
 * Coordinates are [lon, lat] with at most 6 decimals (≈ 0.1 m) and there is no `crs` member,
 * as §4 of the design requires. Properties are copied unchanged so a round trip through the
 * file is lossless for the schema.
 */

/** One feature as the export writes it: rounded coordinates (and origin), everything else as is. */
export function exportFeature(f: NewsmapFeature): NewsmapFeature {
  const geometry: NewsmapFeature['geometry'] =
    f.geometry.type === 'Point'
      ? { type: 'Point', coordinates: [round6(f.geometry.coordinates[0]), round6(f.geometry.coordinates[1])] }
      : { type: 'LineString', coordinates: f.geometry.coordinates.map(([x, y]) => [round6(x), round6(y)] as [number, number]) };
  const origin = f.properties.origin;
  return {
    type: 'Feature',
    id: f.id,
    geometry,
    properties: { ...f.properties, origin: origin === null ? null : [round6(origin[0]), round6(origin[1])] },
  };
}

export function toExportCollection(features: readonly NewsmapFeature[]): NewsmapCollection {
  return { type: 'FeatureCollection', features: features.map(exportFeature) };
}

export function exportGeoJSON(features: readonly NewsmapFeature[]): string {
  return JSON.stringify(toExportCollection(features), null, 1);
}
