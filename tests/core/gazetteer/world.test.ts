/**
 * The world layer as built from the real packages (through the same cache the CLI uses): the
 * places news names that the old layer lacked or lost, the admin1 names, and the hand-placed
 * points of data/world/regions.json checked against Natural Earth.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { loadBroadPlaces, readCurated } from '../../../src/cli/loadGazetteer.ts';
import { PlaceIndex } from '../../../src/core/geoparser/gazetteer/placeIndex.ts';
import { altNames, demonymLookup } from '../../../src/core/geoparser/gazetteer/broad.ts';
import type { RegionsFile } from '../../../src/core/geoparser/gazetteer/worldBuild.ts';
import type { Place } from '../../../src/core/geoparser/gazetteer/place.ts';
import { nameKey } from '../../../src/core/geoparser/text/normalize.ts';

const ROOT = join(import.meta.dirname, '../../..');
const json = <T>(path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;

let places: Place[];
let index: PlaceIndex;
/** World-layer candidates of a name, most populous first. */
// Both layers: a world place the curated layer also has is folded into the curated entry.
const candidates = (name: string) => [...(index.names.get(nameKey(name)) ?? [])].sort((a, b) => b.population - a.population);

beforeAll(() => {
  places = loadBroadPlaces();
  index = PlaceIndex.build(readCurated(), places);
}, 120_000);

describe('the world layer', () => {
  it('has every kind, unique ids and coordinates on the globe', () => {
    const kinds = new Map<string, number>();
    for (const p of places) kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
    expect(kinds.get('city')).toBeGreaterThan(190_000);
    expect(kinds.get('province')).toBeGreaterThan(3_000);
    expect(kinds.get('county')).toBeGreaterThan(3_000);
    expect(kinds.get('country')).toBeGreaterThan(240);
    expect(kinds.get('continent')).toBe(7);
    expect(kinds.get('sea')).toBeGreaterThan(100);
    expect(kinds.get('region')).toBeGreaterThan(80);
    expect(new Set(places.map((p) => p.id)).size).toBe(places.length);
    for (const p of places) expect(Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180, p.id).toBe(true);
  });

  it('drops places that are gone, keeps city sections with their feature code, and no airport codes', () => {
    const codes = new Map<string, number>();
    for (const p of places) if (p.kind === 'city') codes.set(p.fcode ?? '', (codes.get(p.fcode ?? '') ?? 0) + 1);
    for (const gone of ['PPLH', 'PPLQ', 'PPLW']) expect(codes.has(gone), gone).toBe(false);
    expect(codes.get('PPLX')).toBeGreaterThan(5_000);
    const london = places.find((p) => p.id === 'geonames:2643743')!;
    expect(london.fcode).toBe('PPLC');
    expect(altNames.get(london)).toContain('Londres');
    for (const alt of altNames.get(london) ?? []) expect(alt, alt).toMatch(/\p{Ll}/u);
  });

  it('names the first-level division of a city (admin1)', () => {
    const admin1 = (name: string, country: string) =>
      places.filter((p) => p.kind === 'city' && p.name === name && p.country === country).sort((a, b) => b.population - a.population)[0]?.admin1;
    const checks: [string, string, string][] = [
      ['Edmonton', 'CA', 'Alberta'], ['Calgary', 'CA', 'Alberta'], ['London', 'CA', 'Ontario'], ['Vancouver', 'CA', 'British Columbia'], ['Halifax', 'CA', 'Nova Scotia'],
      ['Perth', 'AU', 'Western Australia'], ['Sydney', 'AU', 'New South Wales'], ['Melbourne', 'AU', 'Victoria'], ['Brisbane', 'AU', 'Queensland'],
      ['Manchester', 'GB', 'England'], ['Glasgow', 'GB', 'Scotland'], ['Cardiff', 'GB', 'Wales'], ['Belfast', 'GB', 'Northern Ireland'],
      ['Mumbai', 'IN', 'Maharashtra'], ['Bengaluru', 'IN', 'Karnataka'], ['Chennai', 'IN', 'Tamil Nadu'], ['Kolkata', 'IN', 'West Bengal'],
      ['Lahore', 'PK', 'Punjab'], ['Karachi', 'PK', 'Sindh'], ['Quetta', 'PK', 'Balochistan'], ['Peshawar', 'PK', 'Khyber Pakhtunkhwa'],
      ['Houston', 'US', 'Texas'], ['Crawfordsville', 'US', 'Indiana'], ['Casablanca', 'MA', 'Casablanca-Settat'], ['Yakutsk', 'RU', 'Sakha Republic'],
    ];
    const wrong = checks.filter(([n, cc, want]) => admin1(n, cc) !== want).map(([n, cc, want]) => `${n} (${cc}): ${admin1(n, cc)} ≠ ${want}`);
    expect(wrong).toEqual([]);
    const paris = places.filter((p) => p.name === 'Paris' && p.country === 'US').map((p) => p.admin1);
    expect(paris).toContain('Texas');
    expect(paris).toContain('Tennessee');
  });

  it('agrees with the US state polygons for at least 99.5% of US places', () => {
    const topo = json<Topology>('node_modules/us-atlas/states-10m.json');
    const states = (feature(topo, topo.objects.states!) as unknown as { features: Feature<Polygon | MultiPolygon, { name: string }>[] }).features;
    let agree = 0;
    let placed = 0;
    for (const p of places) {
      if (p.kind !== 'city' || p.country !== 'US') continue;
      const state = states.find((s) => contains(s, p.lon, p.lat));
      if (!state) continue;
      placed++;
      if (state.properties.name === p.admin1) agree++;
    }
    expect(placed).toBeGreaterThan(20_000);
    expect(agree / placed).toBeGreaterThan(0.995);
  }, 60_000);

  it('puts a first-level division at the middle of its area, not among its towns', () => {
    const division = (name: string, country: string) => places.find((p) => p.kind === 'province' && p.name === name && p.country === country)!;
    // Toronto is at 43.7°N, Montreal at 45.5°N, Brisbane at 27.5°S 153°E, Perth at 115.9°E.
    expect(division('Ontario', 'CA').lat).toBeGreaterThan(48);
    expect(division('Quebec', 'CA').lat).toBeGreaterThan(50);
    expect(division('Queensland', 'AU').lon).toBeLessThan(148);
    expect(division('Western Australia', 'AU').lon).toBeGreaterThan(119);
    expect(division('Texas', 'US').lon).toBeLessThan(-97.5);
    // Where Natural Earth draws finer units (England's counties), the division is their union.
    expect(division('Scotland', 'GB').lat).toBeGreaterThan(56);
  });

  it('gives a seat of unknown population the median of its country\'s seats of its rank, not zero', () => {
    // Ariha, seat of a district of Idlib, has no population in GeoNames.
    const ariha = places.find((p) => p.id === 'geonames:172994')!;
    expect(ariha).toMatchObject({ fcode: 'PPLA2', country: 'SY' });
    expect(ariha.population).toBeGreaterThan(5_000);
  });

  it('gives a country a population no same-named town reaches', () => {
    for (const name of ['Canada', 'America', 'Britain', 'Jordan', 'Lebanon', 'Chad', 'Niger', 'Panama', 'Mexico', 'Brazil']) {
      const top = candidates(name)[0];
      expect(top?.kind, name).toBe('country');
    }
    // Against a division the population decides: the US state of Georgia has more people.
    expect(candidates('Georgia').filter((p) => p.kind !== 'city').map((p) => p.kind).sort()).toEqual(['country', 'province']);
    const canada = candidates('Canada')[0]!;
    expect(canada.country).toBe('CA');
    expect(canada.population).toBeGreaterThan(20_000_000);
    expect(candidates('United States')[0]?.country).toBe('US');
    expect(candidates('USA')[0]?.country).toBe('US');
    expect(candidates('Burma')[0]?.country).toBe('MM');
  });

  it('has continents, seas and regions as their own kinds, above same-named towns and divisions', () => {
    expect(candidates('Asia')[0]).toMatchObject({ kind: 'continent', fcode: 'CONT', precision: 'country' });
    expect(candidates('Europe')[0]?.kind).toBe('continent');
    expect(candidates('Red Sea')[0]).toMatchObject({ kind: 'sea', precision: 'region' });
    // Sudan's Red Sea state is a candidate too, below the sea.
    expect(candidates('Red Sea').some((p) => p.kind === 'province' && p.country === 'SD')).toBe(true);
    for (const [name, kind] of [['Gulf of Aden', 'sea'], ['Strait of Hormuz', 'sea'], ['Persian Gulf', 'sea'], ['Arabian Gulf', 'sea'], ['Mediterranean', 'sea'],
      ['South China Sea', 'sea'], ['Middle East', 'region'], ['Horn of Africa', 'region'], ['Balkans', 'region'], ['Caucasus', 'region'], ['Sahel', 'region'],
      ['Gaza Strip', 'region'], ['West Bank', 'region'], ['Kashmir', 'region'], ['Scandinavia', 'region'], ['Latin America', 'region'], ['Siberia', 'region'],
      ['the Caribbean', 'region']] as const) {
      expect(candidates(name)[0]?.kind, name).toBe(kind);
    }
  });

  it('has US counties under their full names, and not under the bare surname or word', () => {
    const crawford = candidates('Crawford County').filter((p) => p.kind === 'county');
    expect(new Set(crawford.map((p) => p.admin1)).size).toBeGreaterThanOrEqual(8);
    for (const p of crawford) expect(p).toMatchObject({ country: 'US', fcode: 'ADM2', precision: 'region' });
    expect(crawford.find((p) => p.admin1 === 'Pennsylvania')?.population).toBeGreaterThan(10_000);
    // "Crawford", "Jones", "Texas" alone are surnames, words or other places far more often.
    expect(candidates('Crawford').some((p) => p.kind === 'county')).toBe(false);
    expect(candidates('Texas').some((p) => p.kind === 'county')).toBe(false);
    expect(candidates("Queen Anne's County")[0]?.admin1).toBe('Maryland');
    expect(candidates('Orleans Parish')[0]?.admin1).toBe('Louisiana');
  });

  it('finds a place by its alternate names', () => {
    const karak = candidates('Karak').filter((p) => p.country === 'JO');
    expect(karak.map((p) => p.name)).toContain('Karak City');
    expect(candidates('Kerak').some((p) => p.country === 'JO')).toBe(true);
    // "München" is an alternate name of Munich; it folds to the plain spelling.
    expect(candidates('Munchen')[0]?.id).toBe('geonames:2867714');
    expect(candidates('MÜNCHEN')[0]?.id).toBe('geonames:2867714');
  });

  it('exports demonyms both ways', () => {
    const lookup = demonymLookup(places);
    expect(lookup.byKey.get(nameKey('Canadian'))).toBe('CA');
    expect(lookup.byKey.get(nameKey('Iranian'))).toBe('IR');
    expect(lookup.byCountry.get('US')).toContain('American');
  });
});

describe('data/world/regions.json', () => {
  const file = json<RegionsFile>('data/world/regions.json');
  const land = json<Topology>('node_modules/world-atlas/land-50m.json');
  const landFeatures = (feature(land, land.objects.land!) as unknown as { features: Feature<Polygon | MultiPolygon>[] }).features;
  const countries = json<Topology>('node_modules/world-atlas/countries-50m.json');
  const countryFeatures = (feature(countries, countries.objects.countries!) as unknown as { features: Feature<Polygon | MultiPolygon>[] }).features;
  const numeric = new Map(json<{ cca2: string; ccn3: string }[]>('node_modules/world-countries/countries.json').map((c) => [c.cca2, c.ccn3]));

  it('is well-formed, with provenance first and an honest precision', () => {
    expect(readFileSync(join(ROOT, 'data/world/regions.json'), 'utf8').split('\n')[0]).toMatch(/^\{ "provenance": ".*coordinates/);
    expect(file.places.length).toBeGreaterThanOrEqual(250);
    expect(new Set(file.places.map((p) => p.id)).size).toBe(file.places.length);
    for (const p of file.places) {
      expect(['continent', 'sea', 'region'], p.id).toContain(p.kind);
      expect(p.precision, p.id).toBe(p.kind === 'continent' ? 'country' : 'region');
      expect(p.fcode, p.id).toMatch(/^[A-Z]{2,5}$/);
    }
  });

  it('puts each sea off land (Natural Earth 1:50m), except lakes, canals and narrow straits', () => {
    const onLand = file.places.filter((p) => p.kind === 'sea' && !p.narrow && landFeatures.some((f) => contains(f, p.lon, p.lat)));
    expect(onLand.map((p) => p.id)).toEqual([]);
  });

  it('puts each single-country region inside that country', () => {
    const outside = file.places.filter((p) => {
      if (p.kind !== 'region' || !p.country) return false;
      const inside = countryFeatures.filter((f) => contains(f, p.lon, p.lat));
      // De facto states Natural Earth draws apart (Somaliland, Northern Cyprus) have no ISO code.
      return !inside.some((f) => f.id === numeric.get(p.country!) || f.id === undefined);
    });
    expect(outside.map((p) => p.id)).toEqual([]);
  });
});

/**
 * Point in a (multi)polygon on a longitude/latitude grid, by a ray cast north along the point's
 * meridian. Edges are measured by their longitude difference wrapped to ±180°, so a polygon that
 * crosses the antimeridian (Russia, the Aleutians) is handled, which planar tests get wrong.
 */
function contains(f: Feature<Polygon | MultiPolygon>, lon: number, lat: number): boolean {
  const wrap = (d: number) => ((((d + 180) % 360) + 360) % 360) - 180;
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  return polygons.some((rings) => {
    let inside = false;
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i++) {
        const [a, b] = [ring[i - 1]!, ring[i]!];
        const [da, db] = [wrap(a[0]! - lon), wrap(b[0]! - lon)];
        if (da > 0 === db > 0 || Math.abs(da - db) >= 180) continue;
        if (a[1]! + (da / (da - db)) * (b[1]! - a[1]!) > lat) inside = !inside;
      }
    }
    return inside;
  });
}
