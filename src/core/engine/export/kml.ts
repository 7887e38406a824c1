import { toKML } from '@placemarkio/tokml';
import type { NewsmapFeature } from '../../geoparser/geojson/schema.ts';

/**
 * KML for Google Earth users: one Placemark per feature, named by its title, with the
 * schema's properties as ExtendedData. tokml escapes every value, so article text stays text.
 */
export function exportKML(features: readonly NewsmapFeature[]): string {
  return toKML({
    type: 'FeatureCollection',
    features: features.map((f) => ({
      type: 'Feature',
      id: f.id,
      geometry: f.geometry,
      properties: {
        name: f.properties.title,
        ...Object.fromEntries(Object.entries(f.properties).map(([k, v]) => [k, v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : v])),
      },
    })),
  });
}
