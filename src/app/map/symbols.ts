import type { EventKind, FeatureProperties, GeoPrecisionValue } from '../../core/geoparser/geojson/schema.ts';
import { actorColour } from '../../core/geoparser/events/lexicon.ts';

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

/** A strike whose initiator the article does not name: never the colour of a victim. */
export const NO_ACTOR_COLOUR = '#6b6b6b';
/** One honest, shared colour for actors the lexicon has no colour for (an analyst's or an import's). */
export const OTHER_ACTOR_COLOUR = '#b8b8b8';
export const PLACE_COLOUR = '#4a4a4a';

/** An actor's colour: the lexicon's fixed colour, or the shared "other" colour. */
export function colourOfActor(actor: string): string {
  return actorColour(actor) ?? OTHER_ACTOR_COLOUR;
}

/**
 * Each actor's fixed colour from the lexicon (src/core/geoparser/events/lexicon.json), so no
 * actor is re-coloured when the corpus grows or the filters change, and no two actors share one;
 * actors the lexicon does not know share OTHER_ACTOR_COLOUR.
 */
export function buildActorPalette(actors: readonly string[]): Map<string, string> {
  const palette = new Map<string, string>();
  for (const actor of actors) palette.set(actor, colourOfActor(actor));
  return palette;
}

/** Colour of a feature: its initiator's, or the unknown colour when `actor` is null. */
export function featureColour(p: FeatureProperties, palette: ReadonlyMap<string, string>): string {
  if (p.kind === 'place') return PLACE_COLOUR;
  return p.actor === null ? NO_ACTOR_COLOUR : (palette.get(p.actor) ?? colourOfActor(p.actor));
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
