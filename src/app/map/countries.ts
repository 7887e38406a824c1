/**
 * The offline basemap's country labels (its outlines are in countryOutlines.ts): label points
 * and areas are precomputed by scripts/build-country-labels.ts, since computing them with turf
 * delayed the first render.
 */
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

/** Smallest country area labelled at a zoom level: big countries first, all of them from z6. */
export function minLabelAreaKm2(zoom: number): number {
  if (zoom < 3) return 3_000_000;
  if (zoom < 4) return 700_000;
  if (zoom < 5) return 150_000;
  if (zoom < 6) return 20_000;
  return 0;
}
