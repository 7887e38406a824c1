import type { Place } from './place.ts';
import type { GeoPrecision } from './schema.ts';
import { nameKey } from '../text/normalize.ts';

/**
 * The world layer (historically "broad"): GeoNames populated places down to 500 people with
 * their Latin-script alternate names, first-level divisions, US counties and the second-level
 * divisions country-state-city lists, countries with aliases and demonyms, and continents, seas
 * and well-known regions. `worldBuild.ts` makes the rows from the packages at build time; this
 * module only packs and unpacks them, so the CLI and the browser worker read the same text and
 * nothing here needs `fs`.
 *
 * One place per line, tab-separated:
 *
 *   id \t name \t altNames \t country \t admin1 \t kind \t fcode \t lat \t lon \t population [\t demonyms]
 *
 * - id: a GeoNames id as bare digits ("geonames:" is implied), else a prefixed id
 *   ("state:US-TX", "adm1:NP.3", "county:48201", "country:CA", "region:red-sea");
 * - altNames and demonyms (countries only): names joined by '|';
 * - kind: one letter (see KIND_LETTER); fcode: a GeoNames feature code or one of ours;
 * - lat, lon: 3 decimals (about 100 m, finer than a city's extent); population: empty for 0.
 */
export type WorldKind = 'city' | 'county' | 'province' | 'country' | 'continent' | 'sea' | 'region';

export interface WorldRow {
  id: string;
  name: string;
  altNames: readonly string[];
  /** ISO 3166-1 alpha-2, or '' for a sea or region shared by several countries. */
  country: string;
  /** Name of the first-level division the place lies in, or ''. */
  admin1: string;
  kind: WorldKind;
  fcode: string;
  lat: number;
  lon: number;
  population: number;
  /** English demonyms of a country ("Canadian"). */
  demonyms?: readonly string[];
}

export const KIND_LETTER: Readonly<Record<WorldKind, string>> = {
  city: 'c', county: 'o', province: 'p', country: 'n', continent: 't', sea: 's', region: 'r',
};
const LETTER_KIND = new Map(Object.entries(KIND_LETTER).map(([kind, letter]) => [letter, kind as WorldKind]));

/** How exactly a point stands for the place: a sea's or a county's point is only a label point. */
const PRECISION: Readonly<Record<WorldKind, GeoPrecision>> = {
  city: 'city', county: 'region', province: 'region', sea: 'region', region: 'region', country: 'country', continent: 'country',
};

/** Where each kind of id comes from; a bare number is a GeoNames id. */
const SOURCE_BY_PREFIX: Readonly<Record<string, string>> = {
  state: 'country-state-city', adm1: 'geonames-admin1', county: 'us-atlas', country: 'world-countries', region: 'data/world/regions.json',
};

/** Characters that would break the format: field and list separators, line breaks. */
const CLEAN = /[\t\n\r|]+/g;

/** Packs rows into the tab-separated format. */
export function packWorldRows(rows: readonly WorldRow[]): string {
  return rows.map(packRow).join('\n');
}

function packRow(r: WorldRow): string {
  const fields = [
    r.id.startsWith('geonames:') ? r.id.slice(9) : r.id,
    clean(r.name), r.altNames.map(clean).filter(Boolean).join('|'), r.country, clean(r.admin1),
    KIND_LETTER[r.kind], r.fcode, trim(r.lat.toFixed(3)), trim(r.lon.toFixed(3)), r.population > 0 ? String(Math.round(r.population)) : '',
  ];
  if (r.demonyms?.length) fields.push(r.demonyms.map(clean).join('|'));
  return fields.join('\t');
}

/**
 * Unpacks the tab-separated format into places. A malformed line (too few fields, an unknown
 * kind, no name, coordinates that are not numbers or off the globe) is skipped, so a truncated
 * download loses its last line and nothing else.
 */
export function unpackBroadPlaces(text: string): Place[] {
  const places: Place[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const place = unpackLine(text.slice(start, end));
    if (place) places.push(place);
    start = end + 1;
  }
  return places;
}

function unpackLine(line: string): Place | null {
  const f = line.split('\t');
  if (f.length < 10) return null;
  const [id, name, alts, country, admin1, letter, fcode, latText, lonText, population, demonymText] = f as [
    string, string, string, string, string, string, string, string, string, string, string | undefined,
  ];
  const kind = LETTER_KIND.get(letter);
  const lat = Number(latText);
  const lon = Number(lonText);
  if (!kind || !id || !name || !latText || !lonText || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) return null;
  // One test and one string for a GeoNames id, shared by `id` and `source`.
  const geonames = /^\d+$/.test(id) ? `geonames:${id}` : null;
  const colon = id.indexOf(':');
  const place: Place = {
    id: geonames ?? id,
    name,
    kind,
    country,
    lat,
    lon,
    precision: PRECISION[kind],
    population: Number(population) || 0,
    layer: 'broad',
    source: geonames ?? `${SOURCE_BY_PREFIX[id.slice(0, colon)] ?? 'world'}:${id.slice(colon + 1)}`,
  };
  if (fcode) place.fcode = fcode;
  if (admin1) place.admin1 = admin1;
  if (alts) altNames.set(place, alts.split('|'));
  if (demonymText) demonymsOf.set(place, demonymText.split('|'));
  return place;
}

/** Alternate names of world-layer places, kept aside so Place stays a plain record. */
export const altNames = new WeakMap<Place, readonly string[]>();
/** Demonyms of world-layer countries ("Canadian"), kept aside like the alternate names. */
const demonymsOf = new WeakMap<Place, readonly string[]>();

/** Demonyms both ways: a country's demonyms, and the country a demonym's `nameKey` names. */
export interface DemonymLookup {
  /** ISO 3166-1 alpha-2 → demonyms ("CA" → ["Canadian"]). */
  readonly byCountry: ReadonlyMap<string, readonly string[]>;
  /** nameKey of a demonym → ISO 3166-1 alpha-2 ("canadian" → "CA"). */
  readonly byKey: ReadonlyMap<string, string>;
}

/**
 * The demonyms of the countries among `places` (unpacked world-layer places). A demonym two
 * countries share ("Congolese", "Dominican") names neither in `byKey`: it cannot tell them apart.
 *
 * @example
 * demonymLookup(unpackBroadPlaces(text)).byKey.get(nameKey('Canadian')) // "CA"
 */
export function demonymLookup(places: Iterable<Place>): DemonymLookup {
  const byCountry = new Map<string, readonly string[]>();
  const byKey = new Map<string, string>();
  const shared = new Set<string>();
  for (const place of places) {
    const list = demonymsOf.get(place);
    if (!list || place.kind !== 'country') continue;
    byCountry.set(place.country, list);
    for (const demonym of list) {
      const key = nameKey(demonym);
      const owner = byKey.get(key);
      if (owner !== undefined && owner !== place.country) shared.add(key);
      else byKey.set(key, place.country);
    }
  }
  for (const key of shared) byKey.delete(key);
  return { byCountry, byKey };
}

function clean(s: string): string {
  return s.replace(CLEAN, ' ').trim();
}

function trim(n: string): string {
  return n.includes('.') ? n.replace(/\.?0+$/, '') : n;
}
