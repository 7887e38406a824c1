/**
 * The offline basemap's data: Natural Earth countries bundled with the app (world-atlas), so
 * the map never needs a tile server. Outlines load as separate chunks (1:110m first, it is
 * small; 1:50m after); label points and areas are precomputed by
 * scripts/build-country-labels.ts, since computing them with turf delayed the first render.
 */
import type { GeometryCollection, Topology } from 'topojson-specification';
import { ringsFromTopology, type RingSet } from './countryRings.ts';
import labels from './countryLabels.json';

export interface CountryLabel {
  name: string;
  lat: number;
  lon: number;
  /** km², used to decide at which zoom a label is worth showing. */
  areaKm2: number;
}

/** One label per country, inside its largest polygon. */
export const COUNTRY_LABELS: readonly CountryLabel[] = labels;

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** Country outlines at 1:110m ('coarse') or 1:50m ('fine'), projected for the tile layer. */
export async function loadCountryRings(detail: 'coarse' | 'fine'): Promise<RingSet> {
  const topology = (detail === 'coarse' ? await import('world-atlas/countries-110m.json') : await import('world-atlas/countries-50m.json'))
    .default as unknown as CountriesTopology;
  return ringsFromTopology(topology, 'countries');
}

/** Smallest country area labelled at a zoom level: big countries first, all of them from z6. */
export function minLabelAreaKm2(zoom: number): number {
  if (zoom < 3) return 3_000_000;
  if (zoom < 4) return 700_000;
  if (zoom < 5) return 150_000;
  if (zoom < 6) return 20_000;
  return 0;
}
