import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseArticle } from '../../../src/core/geoparser/parseArticle.ts';
import { splitSentences } from '../../../src/core/geoparser/text/sentences.ts';
import { tokenize } from '../../../src/core/geoparser/text/tokens.ts';
import { geoparse, resolveSpans } from '../../../src/core/geoparser/geoparse/geoparse.ts';
import type { NewsmapFeature } from '../../../src/core/geoparser/geojson/schema.ts';
import { realIndex } from '../../helpers/index.ts';

/**
 * The geoparser's stages on texts written for these tests: recognition (is this name a place
 * here?), ranking (which place?) and roles (a location, or something named after one?). Each
 * case also says what must not come out.
 */
function features(text: string, published = '2024-05-06'): NewsmapFeature[] {
  return parseArticle({ id: 't', title: 'test', published, text }, realIndex()).collection.features;
}
const plotted = (text: string) => features(text).map((f) => `${f.properties.mention}:${f.properties.country}`);
const mentions = (text: string) => features(text).map((f) => f.properties.mention);

function resolve(text: string, phrase: string) {
  const start = text.indexOf(phrase);
  return resolveSpans(text, [{ start, end: start + phrase.length }], realIndex())[0];
}

describe('recognition: a name is a place from what it is and its context', () => {
  it('reads people, common words and dates as what they are', () => {
    const text = 'Bob Davis said the Police Union would meet on Thursday in March. Davis added that Hope was not lost.';
    expect(mentions(text)).toEqual([]);
  });

  it('finds the same surnames as towns where the text places them', () => {
    expect(plotted('The storm flooded streets in Davis, California, on Monday.')).toEqual(['Davis:US', 'California:US']);
  });

  it('finds datelines, in capitals or not, and lists of places', () => {
    expect(mentions('BERLIN (AP) — Ministers met on Friday.')).toEqual(['BERLIN']);
    expect(mentions('NAIROBI, Kenya, May 4 (Reuters) - Rains eased.')).toContain('NAIROBI');
    expect(mentions('Shelling hit Kharkiv and Odesa overnight.')).toEqual(['Kharkiv', 'Odesa']);
  });

  it('finds a place named as a modifier, a base or a division', () => {
    expect(mentions('Toronto police closed the road.')).toEqual(['Toronto']);
    expect(mentions('A Texas judge ruled on the case.')).toEqual(['Texas']);
    expect(mentions('The Houston-based firm hired staff.')).toEqual(['Houston']);
    expect(plotted('Rain fell across Crawford County, Ohio.')).toEqual(['Crawford County:US', 'Ohio:US']);
  });

  it('reads a state abbreviation only after a place and a comma', () => {
    expect(plotted('Floods closed roads in Springfield, Ill., on Monday.')).toEqual(['Springfield:US', 'Ill:US']);
    expect(mentions('Miss Jones went to Mass.')).toEqual([]);
  });
});

describe('ranking: which place a name stands for', () => {
  it('takes the parent the text names', () => {
    expect(plotted('The fair opened in Paris, Texas, on Saturday.')).toEqual(['Paris:US', 'Texas:US']);
    expect(plotted('The fair opened in London, Ontario, on Saturday.')).toEqual(['London:CA', 'Ontario:CA']);
    expect(plotted('The fair opened in Paris on Saturday.')).toEqual(['Paris:FR']);
  });

  it('never resolves a country, continent or sea to a town', () => {
    for (const [text, phrase, kind] of [
      ['Exports to Canada rose.', 'Canada', 'country'],
      ['Growth slowed across Asia.', 'Asia', 'continent'],
      ['Ships were hit in the Red Sea.', 'Red Sea', 'sea'],
    ] as const) {
      const r = resolve(text, phrase);
      expect(r?.place.kind, phrase).toBe(kind);
    }
  });

  it('follows the country the article is about', () => {
    const text = 'Jordan reopened its border. Officials in Amman said trucks from Karak would pass first.';
    expect(features(text).filter((f) => f.properties.mention === 'Karak').map((f) => f.properties.country)).toEqual(['JO']);
    // Alone, the Pakistani town (the only exact "Karak") is the answer.
    expect(plotted('Trucks from Karak were stopped.')).toEqual(['Karak:PK']);
  });

  it('gives one sense to a name repeated in an article', () => {
    const text = 'Storms hit Paris, Texas, overnight. In Paris, crews cleared trees on Main Street.';
    expect(features(text).filter((f) => f.properties.mention === 'Paris').map((f) => f.properties.country)).toEqual(['US', 'US']);
  });
});

describe("the analyst's gazetteer takes part", () => {
  it('an alias added by correction wins over the curated entry of the same name, and only where it applies', async () => {
    const { readCurated, loadBroadPlaces } = await import('../../../src/cli/loadGazetteer.ts');
    const { PlaceIndex } = await import('../../../src/core/geoparser/gazetteer/placeIndex.ts');
    const user = { version: 1 as const, routes: [], places: [{ id: 'palmyra', name: 'Palmyra', aliases: ['T-4 air base'], kind: 'city' as const, country: 'SY', lat: 34.56, lon: 38.28, precision: 'city' as const, source: 'analyst correction' }] };
    const withUser = PlaceIndex.build(readCurated(), loadBroadPlaces(), user);
    const ids = (index: typeof withUser, text: string) => parseArticle({ id: 't', title: 't', published: '2024-03-29', text }, index).collection.features.map((f) => f.properties.place_id);
    expect(ids(realIndex(), 'Drones hit the T-4 air base again.')).toContain('t4-air-base');
    expect(ids(withUser, 'Drones hit the T-4 air base again.')).toEqual(['palmyra']);
    // Palmyra's own name and other places are untouched.
    expect(ids(withUser, 'Tourists returned to Palmyra and Homs.')).toEqual(ids(realIndex(), 'Tourists returned to Palmyra and Homs.'));
  });
});

describe('roles: a place name that is not a location is not plotted', () => {
  it('does not plot teams, newspapers, companies, treaties, people or governments', () => {
    for (const text of [
      'The Texas Rangers beat Houston 6-3.',
      'The Washington Post reported the figures.',
      'Shares of Texas Instruments fell.',
      'Delegates revisited the Paris agreement.',
      'Paris Hilton arrived late.',
      'Ottawa announced new tariffs.',
      'The plan drew a cool response from Beijing.',
      'Researchers at the University of Chicago published the data.',
    ]) expect(mentions(text), text).toEqual([]);
  });

  it('plots the same names where they are locations', () => {
    expect(mentions('Reporters gathered in Washington and Beijing.')).toEqual(['Washington', 'Beijing']);
    expect(mentions('The match was played in Houston.')).toEqual(['Houston']);
  });
});

describe('properties', () => {
  const index = realIndex();
  it('every recognised name is the text of its span, and spans do not overlap', () => {
    const words = ['in', 'Paris', 'Texas', 'London', ',', 'and', 'the', 'Davis', 'said', 'Police', 'Crawford', 'County', 'Red', 'Sea', 'BERLIN', '(AP)', '—', 'Asia', 'Bob'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...words), { maxLength: 30 }), (ws) => {
      const text = ws.join(' ') + '.';
      const sentences = splitSentences(text).map((sentence) => ({ sentence, tokens: tokenize(sentence.text, sentence.start) }));
      const names = geoparse(sentences, text, index).flat();
      let end = -1;
      for (const n of names) {
        expect(text.slice(n.start, n.end)).toBe(n.text);
        expect(n.start).toBeGreaterThanOrEqual(end);
        expect(n.resolution.place.lat).toBeGreaterThanOrEqual(-90);
        end = n.end;
      }
    }), { numRuns: 300 });
  });
});
