import type { EventKind, FeatureProperties, GeoPrecisionValue } from '../../core/geoparser/geojson/schema.ts';

/**
 * Visual encoding, in one place so the map and the legend cannot disagree:
 * shape = kind, colour = initiating actor, hollow + ring = coarse location.
 */
export type Shape = 'star' | 'square' | 'circle';

export const KIND_SHAPE: Record<Exclude<EventKind, 'pipeline'>, Shape> = {
  strike: 'star',
  base: 'square',
  place: 'circle',
};

export const KIND_RADIUS: Record<Exclude<EventKind, 'pipeline'>, number> = {
  strike: 9,
  base: 7,
  place: 3.5,
};

/** Okabe–Ito palette: distinguishable with the common colour-vision deficiencies. */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8c564b', '#332288', '#117733', '#AA4499'];
export const NO_ACTOR_COLOUR = '#6b6b6b';
export const PLACE_COLOUR = '#4a4a4a';

/**
 * Colours are assigned by the actor's rank in the whole corpus (not the filtered set), so an
 * actor keeps its colour while the filters change.
 */
export function buildActorPalette(actorsByFrequency: readonly string[]): Map<string, string> {
  const palette = new Map<string, string>();
  actorsByFrequency.forEach((actor, i) => palette.set(actor, PALETTE[i % PALETTE.length]!));
  return palette;
}

export function featureColour(p: FeatureProperties, palette: ReadonlyMap<string, string>): string {
  if (p.kind === 'place') return PLACE_COLOUR;
  const actor = p.actor ?? p.actors[0] ?? null;
  return actor === null ? NO_ACTOR_COLOUR : (palette.get(actor) ?? NO_ACTOR_COLOUR);
}

/**
 * How far the true location may be from the plotted point. A "region" (northern Israel,
 * Isfahan province) or a whole country is drawn as a ring of this radius, not a pin.
 */
export const UNCERTAINTY_RADIUS_M: Record<GeoPrecisionValue, number> = {
  site: 0,
  city: 0,
  region: 50_000,
  country: 250_000,
};

export function isCoarse(precision: GeoPrecisionValue): boolean {
  return precision === 'region' || precision === 'country';
}

/** Zoom to fly to when focusing a feature: a country is not looked at from street level. */
export const FOCUS_ZOOM: Record<GeoPrecisionValue, number> = {
  // The offline basemap has no detail beyond country outlines: past ~z8 the analyst would lose
  // all context, so even a site is shown at regional scale.
  site: 8,
  city: 7,
  region: 6,
  country: 5,
};
