import type { Place } from '../gazetteer/place.ts';
import type { PlaceMention } from './findPlaceMentions.ts';

/** A mention with the place chosen for it and how sure the choice is. */
export interface Resolution {
  place: Place;
  confidence: number;
  /** The other candidates, best first, for an analyst who wants to change the choice. */
  alternatives: Place[];
}

/** Countries an article talks about, with how often: the tie-breaker for ambiguous names. */
export type CountryContext = ReadonlyMap<string, number>;

/**
 * Builds the country context of an article from its unambiguous place mentions and the
 * countries of the actors it names.
 */
export function countryContext(mentions: readonly PlaceMention[], actorCountries: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const bump = (c: string, by: number) => counts.set(c, (counts.get(c) ?? 0) + by);
  for (const m of mentions) {
    const countries = new Set(m.candidates.filter((p) => p.layer === 'curated').map((p) => p.country));
    if (countries.size === 1) bump([...countries][0]!, 1);
  }
  for (const c of actorCountries) bump(c, 1);
  return counts;
}

/**
 * Chooses among a mention's candidates: a curated entry beats the broad layer; then an
 * apposition ("Tripoli, Lebanon"), the article's country context and population decide.
 * Ties fall back to id order, so the choice is deterministic.
 *
 * @example
 * resolveMention(tripoli, countryContext(...), 'LB').place.country // "LB"
 */
export function resolveMention(mention: PlaceMention, context: CountryContext, apposition?: string): Resolution {
  const scored = mention.candidates.map((place) => ({ place, score: score(place, context, apposition) }));
  scored.sort((a, b) => b.score - a.score || (a.place.id < b.place.id ? -1 : 1));
  const best = scored[0]!;
  const second = scored[1];
  let confidence = best.place.layer === 'curated' ? 0.95 : 0.7;
  if (second) {
    const margin = best.score - second.score;
    confidence -= margin >= 100 ? 0.05 : margin >= 20 ? 0.15 : 0.3;
  }
  return { place: best.place, confidence: Math.max(0.1, Number(confidence.toFixed(2))), alternatives: scored.slice(1, 6).map((s) => s.place) };
}

function score(place: Place, context: CountryContext, apposition?: string): number {
  let s = place.layer === 'curated' ? 1000 : 0;
  if (apposition && place.country === apposition) s += 500;
  s += 40 * Math.log2(1 + (context.get(place.country) ?? 0));
  s += 8 * Math.log10(10 + place.population);
  return s;
}
