/**
 * The offline basemap's outlines: Natural Earth countries bundled with the app (world-atlas),
 * as separate chunks (1:110m first, it is small; 1:50m after). A module of its own so the
 * basemap tile worker can load them without the label data.
 */
import type { GeometryCollection, Topology } from 'topojson-specification';
import { ringsFromTopology, type RingSet } from './countryRings.ts';

export type OutlineDetail = 'coarse' | 'fine';

/** At and below this zoom 1:110m outlines are exact to a pixel; above it 1:50m is needed. */
export const COARSE_MAX_ZOOM = 3;

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** Country outlines at 1:110m ('coarse') or 1:50m ('fine'), projected for the tiles. */
export async function loadCountryRings(detail: OutlineDetail): Promise<RingSet> {
  const topology = (detail === 'coarse' ? await import('world-atlas/countries-110m.json') : await import('world-atlas/countries-50m.json'))
    .default as unknown as CountriesTopology;
  return ringsFromTopology(topology, 'countries');
}
