/**
 * The ranker on made-up places, so each case shows one mechanism and nothing else decides it:
 * the article's context, leaving out the name being ranked.
 */
import { describe, it, expect } from 'vitest';
import type { Place } from '../../../src/core/geoparser/gazetteer/place.ts';
import { rankMentions, type MentionToRank, type PlaceNames } from '../../../src/core/geoparser/geoparse/rank.ts';
import { getWeights } from '../../../src/core/geoparser/geoparse/weights.ts';
import { nameKey } from '../../../src/core/geoparser/text/normalize.ts';

const names: PlaceNames = { altNamesOf: () => [], userNamed: () => false };
let next = 0;
function town(name: string, country: string, admin1: string, lat: number, lon: number, population: number, fcode = 'PPL'): Place {
  return { id: `t${next++}`, name, kind: 'city', country, admin1, lat, lon, precision: 'city', population, layer: 'broad', source: 'test', fcode };
}
const mention = (text: string, candidates: Place[]): MentionToRank => ({ text, key: nameKey(text), candidates, parents: [] });
const rank = (ms: MentionToRank[]) => rankMentions(ms, getWeights().ranking, names).map((r) => `${r.place.name}:${r.place.country}`);

describe('the article context', () => {
  // A big foreign city and a smaller namesake in the country the rest of the article is in.
  const alexandriaEG = town('Alexandria', 'EG', 'Alexandria', 31.2, 29.9, 5_000_000, 'PPLA');
  const alexandriaUS = town('Alexandria', 'US', 'Virginia', 38.8, -77.05, 150_000, 'PPLA2');
  const arlington = town('Arlington', 'US', 'Virginia', 38.88, -77.1, 230_000);
  const fairfax = town('Fairfax', 'US', 'Virginia', 38.85, -77.3, 24_000);

  it('moves a name to the country and division of the article\'s other places', () => {
    const ms = [mention('Alexandria', [alexandriaEG, alexandriaUS]), mention('Arlington', [arlington]), mention('Fairfax', [fairfax])];
    expect(rank(ms)[0]).toBe('Alexandria:US');
  });

  it('does not let a repeated name vote for its own reading', () => {
    // Each "Alexandria" alone reads as Egypt's; the others must not count as Egyptian context.
    const a = () => mention('Alexandria', [alexandriaEG, alexandriaUS]);
    const ms = [a(), a(), a(), a(), mention('Arlington', [arlington]), mention('Fairfax', [fairfax])];
    expect(new Set(rank(ms).slice(0, 4))).toEqual(new Set(['Alexandria:US']));
  });

  it('keeps the larger place without context', () => {
    expect(rank([mention('Alexandria', [alexandriaEG, alexandriaUS])])).toEqual(['Alexandria:EG']);
  });
});
