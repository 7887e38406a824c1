import type { PlaceIndex } from '../core/geoparser/gazetteer/placeIndex.ts';
import type { Place } from '../core/geoparser/gazetteer/place.ts';
import { nameKey } from '../core/geoparser/text/normalize.ts';
import type { PlaceCandidate } from './protocol.ts';

/** How many places "Change place" offers for one name. */
export const MAX_CANDIDATES = 12;

/** Places an analyst is likelier to mean first: their own, then countries and divisions, then by size. */
const KIND_ORDER: Readonly<Record<string, number>> = { country: 0, province: 1, region: 2, sea: 2, continent: 2, county: 3 };

/**
 * The places a typed name can mean, for "Change place": every place the index holds under the
 * name's key, by its name, an alias or a world-layer alternate name ("Kerak", "Al-Karak" →
 * Karak), once per place id, the analyst's own places first, then by kind and population.
 * Each carries what tells namesakes apart: region, population, coordinates, and the alternate
 * name that matched when it is not the place's own.
 */
export function placeCandidates(idx: PlaceIndex, query: string): PlaceCandidate[] {
  const key = nameKey(query);
  if (!key) return [];
  const seen = new Set<string>();
  const found: Place[] = [];
  for (const p of idx.names.get(key) ?? []) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    found.push(p);
  }
  found.sort((a, b) => rank(a) - rank(b) || b.population - a.population || a.name.localeCompare(b.name));
  return found.slice(0, MAX_CANDIDATES).map((p) => {
    const matched = nameKey(p.name) === key ? undefined : idx.altNamesOf(p)?.find((n) => nameKey(n) === key);
    return {
      id: p.id, name: p.name, country: p.country, kind: p.kind, lat: p.lat, lon: p.lon, precision: p.precision,
      ...(p.admin1 ? { admin1: p.admin1 } : {}),
      ...(p.population > 0 ? { population: p.population } : {}),
      ...(matched ? { matched } : {}),
    };
  });
}

function rank(p: Place): number {
  return (p.layer === 'user' ? 0 : 10) + (KIND_ORDER[p.kind] ?? 5);
}
