/**
 * Precomputes the basemap's country labels (name, label point, area) from world-atlas's
 * Natural Earth 1:50m countries into src/app/map/countryLabels.json, so the app does not run
 * turf over ~240 polygons before its first render. The JSON is committed: re-run this only
 * when world-atlas changes.
 *
 *   node --import tsx scripts/build-country-labels.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { area, booleanPointInPolygon, centroid, pointOnFeature, polygon as turfPolygon } from '@turf/turf';
import topologyJson from 'world-atlas/countries-50m.json' with { type: 'json' };
import type { CountryLabel } from '../src/app/map/countries.ts';

const OUT = resolve(import.meta.dirname, '../src/app/map/countryLabels.json');

/**
 * A label point inside the country's largest polygon: the centroid of a multipolygon (USA with
 * Alaska, Norway with Svalbard) can fall in the sea, and so can a concave country's centroid.
 */
function labelPoint(f: Feature<Polygon | MultiPolygon>): [number, number] {
  const rings = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let largest = rings[0]!;
  let largestArea = -1;
  for (const r of rings) {
    const a = area(turfPolygon(r));
    if (a > largestArea) {
      largestArea = a;
      largest = r;
    }
  }
  const poly = turfPolygon(largest);
  const c = centroid(poly);
  const point = booleanPointInPolygon(c, poly) ? c : pointOnFeature(poly);
  return point.geometry.coordinates as [number, number];
}

/** ~1 m of latitude is 1e-5°: four decimals (~11 m) is far finer than a label needs. */
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The labels, as the committed JSON holds them (a test checks the file is up to date). */
export function buildCountryLabels(): CountryLabel[] {
  const topology = topologyJson as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const shapes = feature(topology, topology.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  const labels: CountryLabel[] = [];
  for (const f of shapes.features) {
    if (!f.geometry || !f.properties?.name) continue;
    const [lon, lat] = labelPoint(f);
    labels.push({ name: f.properties.name, lat: round(lat, 4), lon: round(lon, 4), areaKm2: round(area(f) / 1e6, 1) });
  }
  return labels;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const labels = buildCountryLabels();
  // One country a line: diffs stay readable when world-atlas changes.
  writeFileSync(OUT, `[\n${labels.map((l) => JSON.stringify(l)).join(',\n')}\n]\n`);
  console.error(`${labels.length} country labels → ${OUT}`);
}
