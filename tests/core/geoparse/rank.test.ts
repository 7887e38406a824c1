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
function county(name: string, admin1: string, lat: number, lon: number, population: number): Place {
  return { id: `c${next++}`, name, kind: 'county', country: 'US', admin1, lat, lon, precision: 'region', population, layer: 'broad', source: 'test', fcode: 'ADM2' };
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

describe('what the other names could be', () => {
  // Every name of this Georgia article has a bigger namesake elsewhere, so each name's own best
  // reading points away from Georgia; only together do they say where the article is.
  const article = () => [
    mention('Jackson', [town('Jackson', 'US', 'Mississippi', 32.3, -90.18, 170_000, 'PPLA'), town('Jackson', 'US', 'Georgia', 33.29, -83.97, 5_000)]),
    mention('Clarke County', [county('Clarke County', 'Georgia', 33.95, -83.37, 120_000), county('Clarke County', 'Alabama', 31.68, -87.83, 24_000)]),
    mention('Oconee County', [county('Oconee County', 'South Carolina', 34.75, -83.07, 78_000), county('Oconee County', 'Georgia', 33.83, -83.44, 40_000)]),
    mention('Madison', [town('Madison', 'US', 'Wisconsin', 43.07, -89.4, 250_000, 'PPLA'), town('Madison', 'US', 'Georgia', 33.6, -83.47, 4_000)]),
    mention('Athens', [town('Athens', 'GR', 'Attica', 37.98, 23.73, 660_000, 'PPLC'), town('Athens', 'US', 'Georgia', 33.96, -83.38, 127_000)]),
  ];

  it('reads each name in the division most of the others could lie in', () => {
    const ranked = rankMentions(article(), getWeights().ranking, names);
    expect(ranked.map((r) => `${r.place.name}:${r.place.admin1}`)).toEqual([
      'Jackson:Georgia', 'Clarke County:Georgia', 'Oconee County:Georgia', 'Madison:Georgia', 'Athens:Georgia',
    ]);
  });
});

describe('the margin over a rival elsewhere', () => {
  // Two namesakes with nothing to tell them apart but a small difference in size.
  const a = town('Ashford Mills', 'US', 'Ohio', 40.0, -83.0, 20_000);
  const b = town('Ashford Mills', 'US', 'Oregon', 44.0, -123.0, 19_000);
  const nearby = town('Ashford Mills', 'US', 'Ohio', 40.05, -83.05, 100);
  const oregon = { id: 'p-texas', name: 'Oregon', kind: 'province', country: 'US', lat: 44, lon: -120.5, precision: 'region', population: 4_000_000, layer: 'broad', source: 'test', fcode: 'ADM1' } as Place;

  it('is near 0 between namesakes the article does not tell apart, and large when the text names the parent', () => {
    const [bare] = rankMentions([mention('Ashford Mills', [a, b])], getWeights().ranking, names);
    expect(bare!.margin).toBeGreaterThanOrEqual(0);
    expect(bare!.margin).toBeLessThan(0.2);
    const [withParent] = rankMentions([{ ...mention('Ashford Mills', [a, b]), parents: [oregon] }], getWeights().ranking, names);
    expect(withParent!.place).toBe(b);
    expect(withParent!.margin).toBeGreaterThan(1);
  });

  it('does not count a candidate near the chosen one as a rival', () => {
    const [r] = rankMentions([mention('Ashford Mills', [a, nearby])], getWeights().ranking, names);
    expect(r!.margin).toBe(Infinity);
  });
});
