import { describe, it, expect } from 'vitest';
import { buildCountryNames, classifyGold, isAdjectival, loadCountryNames, pageTitle } from '../../src/eval/countries.ts';
import type { GoldToponym } from '../../src/eval/corpora.ts';

// Invented countries, names and demonyms, so the rules are tested apart from any real list.
const names = buildCountryNames([
  { code: 'VM', names: ['Velmora', 'Republic of Velmora'], demonyms: ['Velmish'] },
  { code: 'DS', names: ['Dastrel', 'Lowlands'], demonyms: ['Dastrine'] },
  { code: 'KV', names: ['Korvin', 'Korvin Republic'], demonyms: ['Korvish'] },
], 'test');

describe('isAdjectival', () => {
  it.each([
    ['Velmish', 'Kingdom of Velmora'], // a demonym of the list
    ['Dastrine', 'Dastrel'],
    ['Velmoran', 'Republic of Velmora'], // name word + "-an"
    ['Quornians', 'Quornia'], // plural, "-ian"
    ['Korvan', 'Korvas'],
    ['North Harwickan', 'North Harwick'], // the last word decides
    ['Tamberese', 'Republic of the Tamber'],
    ['Ostralean', 'Ostrale'],
    ['Far West Lunarian', 'Farwest Lunaria'],
    ['Brennish', 'Brenny'],
  ])('%s for %s is adjectival', (phrase, name) => {
    expect(isAdjectival(phrase, name, names)).toBe(true);
  });

  it.each([
    ['Velmora', 'Republic of Velmora'], // a word of the name
    ['Tamberan', 'Republic of the Tamberan'], // ends in "-an", but is the name
    ['Dastri', 'Kingdom of Dastri Mara'], // ends in "-i", but a word of the name
    ['U.V.', 'United Velmoras'], // an abbreviation, not an adjective
    ['Korvinia', 'Korvinian Federation'], // the name, the official one being longer
    ['Tarvan', 'Tarvano'], // a short form, not Tarv- + -an
    ['Korvin Republic', 'Korvinska republika'], // "-ic" is no adjective ending
    ['Brennan', 'Old Quay'], // "-an", but no word of the name begins with "Brenn"
    ['Ostrale', 'Ostralean Union'],
    ['Lyon', 'Lyon'],
  ])('%s for %s is not adjectival', (phrase, name) => {
    expect(isAdjectival(phrase, name, names)).toBe(false);
  });
});

function gold(over: Partial<GoldToponym>): GoldToponym {
  return { start: 0, end: 4, phrase: 'Xyzz', name: null, lat: 1, lon: 2, fcode: null, countryName: null, page: null, kind: null, ...over };
}

describe('classifyGold', () => {
  it('puts a toponym without coordinates apart', () => {
    expect(classifyGold(gold({ lat: null, lon: null }), names)).toBe('unplaced');
  });

  it('uses the feature code where there is one, adjectives first', () => {
    expect(classifyGold(gold({ phrase: 'Velmora', name: 'Republic of Velmora', fcode: 'PCLI' }), names)).toBe('country');
    expect(classifyGold(gold({ phrase: 'Velmoran', name: 'Republic of Velmora', fcode: 'PCLI' }), names)).toBe('adjectival');
    expect(classifyGold(gold({ phrase: 'Port Sable', name: 'Port Sable', fcode: 'PPLA' }), names)).toBe('scored');
  });

  it('without a feature code, the Wikipedia page decides (a state named like a country is no country)', () => {
    expect(classifyGold(gold({ phrase: 'Korvin', name: 'Korvin', page: 'https://en.wikipedia.org/wiki/Korvin_(country)' }), names)).toBe('country');
    expect(classifyGold(gold({ phrase: 'Korvin', name: 'Korvin', page: 'https://en.wikipedia.org/wiki/Korvin_(U.S._state)' }), names)).toBe('scored');
    expect(classifyGold(gold({ phrase: 'Lowlands', name: 'Lowlands', page: 'https://en.wikipedia.org/wiki/Dastrel' }), names)).toBe('country');
    expect(classifyGold(gold({ phrase: 'Velmora', name: 'Velmora' }), names)).toBe('country');
  });

  it('takes the fixtures at their word', () => {
    expect(classifyGold(gold({ kind: 'country' }), names)).toBe('country');
    expect(classifyGold(gold({ kind: 'adjectival' }), names)).toBe('adjectival');
    expect(classifyGold(gold({ phrase: 'Velmish', name: 'Velmora', kind: 'city' }), names)).toBe('scored');
  });
});

describe('pageTitle and loadCountryNames', () => {
  it('decodes a page address', () => {
    expect(pageTitle('https://en.wikipedia.org/wiki/C%C3%B4te_d%27Ivoire')).toBe("Côte d'Ivoire");
    expect(pageTitle(null)).toBeNull();
  });

  it('falls back to the given places when no package is there, and reads world-countries when it is', () => {
    const loaded = loadCountryNames([{ name: 'France', country: 'FR' }]);
    expect(loaded.codeOf('France')).toBe('FR');
    expect(['world-countries', 'gazetteer']).toContain(loaded.source);
  });
});
