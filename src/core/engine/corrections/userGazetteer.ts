import { gazetteerFileSchema, type GazetteerFile, type GazetteerPlace } from '../../geoparser/gazetteer/schema.ts';
import type { Correction } from './corrections.ts';

/**
 * The user gazetteer layer: aliases and places analysts added through corrections, in the
 * `data/gazetteer.json` format so it can be exported, reviewed and merged into the curated file.
 */
export function emptyUserGazetteer(): GazetteerFile {
  return { version: 1, places: [], routes: [] };
}

/**
 * Offers the mention of a place correction as an alias of the chosen place ("Arbil" → Erbil).
 * Returns the layer unchanged when the alias is already there.
 */
export function addAliasFromCorrection(layer: GazetteerFile, correction: Correction, mention: string): GazetteerFile {
  const ch = correction.change;
  if (ch.type !== 'place' && ch.type !== 'add-place') return layer;
  const alias = mention.trim();
  if (!alias) return layer;
  const id = ch.place.id.replace(/[^a-z0-9-]+/gi, '-').toLowerCase().replace(/^-+|-+$/g, '') || 'user-place';
  const existing = layer.places.find((p) => p.id === id);
  const places = layer.places.filter((p) => p.id !== id);
  const entry: GazetteerPlace = existing
    ? { ...existing, aliases: existing.aliases.includes(alias) ? existing.aliases : [...existing.aliases, alias] }
    : {
      // The alias is kept even when it is the place's own name ("Tripoli" → Tripoli, Lebanon):
      // it is what tells the ranker the analyst chose this place for the name.
      id, name: ch.place.name, aliases: [alias], kind: ch.place.precision === 'country' ? 'country' : ch.place.precision === 'region' ? 'region' : ch.place.precision === 'city' ? 'city' : 'site',
      country: /^[A-Z]{2}$/.test(ch.place.country) ? ch.place.country : 'XX', lat: ch.place.lat, lon: ch.place.lon, precision: ch.place.precision,
      source: `analyst correction ${correction.id} (${correction.at})`,
    };
  return gazetteerFileSchema.parse({ ...layer, places: [...places, entry] });
}
