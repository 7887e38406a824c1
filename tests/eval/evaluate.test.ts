import { describe, it, expect } from 'vitest';
import type { Place } from '../../src/core/geoparser/gazetteer/place.ts';
import { capitalisedRuns, populationBaseline, populationTable } from '../../src/eval/baseline.ts';
import { emptyAlignment, type Corpus, type GoldToponym } from '../../src/eval/corpora.ts';
import type { GoldClass } from '../../src/eval/countries.ts';
import { collectErrors } from '../../src/eval/errors.ts';
import { nonLocationalRate, runSystem, scoreRun, timingOf } from '../../src/eval/evaluate.ts';
import { nearestCountry } from '../../src/eval/reverse.ts';
import type { EvalFeature, Geoparser } from '../../src/eval/system.ts';

// Made-up places and texts.
function place(id: string, name: string, kind: Place['kind'], country: string, lat: number, lon: number, population = 0): Place {
  return { id, name, kind, country, lat, lon, precision: 'city', population, layer: 'broad', source: 'test' };
}

const PLACES = [
  place('1', 'Harwick', 'city', 'GB', 51.9, 1.28, 20000),
  place('2', 'Harwick', 'city', 'US', 41.6, -70.1, 3000),
  place('3', 'Velmora', 'country', 'VM', 10, 20),
  place('4', 'Velmora', 'city', 'US', 35, -90, 900000),
  place('5', 'Port Sable', 'city', 'VM', 10.5, 20.5, 5000),
];

describe('population baseline', () => {
  it('picks a country over any town of its name, else the most populous', () => {
    const t = populationTable(PLACES);
    expect(t.get('velmora')!.kind).toBe('country');
    expect(t.get('harwick')!.country).toBe('GB');
  });

  it('reads capitalised runs broken by punctuation and lower-case words', () => {
    const text = 'Storms hit Port Sable, Harwick and New Lake City.';
    expect(capitalisedRuns(text).map((r) => r.map((w) => text.slice(w.start, w.end)).join(' '))).toEqual(['Storms', 'Port Sable', 'Harwick', 'New Lake City']);
  });

  it('finds the longest name in each run and resolves gold spans', () => {
    const b = populationBaseline(PLACES);
    const text = 'Storms hit Port Sable, Harwick and Velmora.';
    expect(b.parse(text, null).map((f) => [text.slice(f.start, f.end), f.country])).toEqual([['Port Sable', 'VM'], ['Harwick', 'GB'], ['Velmora', 'VM']]);
    expect(b.resolveSpans(text, [{ start: 23, end: 30 }, { start: 0, end: 6 }])).toEqual([{ lat: 51.9, lon: 1.28, country: 'GB' }, null]);
  });
});

function gold(text: string, phrase: string, lat: number | null, lon: number | null, from = 0): GoldToponym {
  const start = text.indexOf(phrase, from);
  return { start, end: start + phrase.length, phrase, name: phrase, lat, lon, fcode: null, countryName: null, page: null, kind: null };
}

const TEXT = 'Rain fell on Harwick. Velmora said Port Sable flooded. The mayor of Dunmore spoke.';
const corpus: Corpus = {
  name: 'fixtures', source: 'test', alignment: emptyAlignment(),
  articles: [{
    id: 'a', text: TEXT, published: null,
    toponyms: [gold(TEXT, 'Harwick', 51.9, 1.28), gold(TEXT, 'Velmora', 10, 20), gold(TEXT, 'Port Sable', 10.5, 20.5), gold(TEXT, 'Dunmore', null, null)],
    nonlocational: [{ start: TEXT.indexOf('Velmora'), end: TEXT.indexOf('Velmora') + 7, type: 'metonym' }],
  }],
};
const classes: GoldClass[][] = [['scored', 'country', 'scored', 'unplaced']];

/** A fake geoparser: Harwick right, Port Sable 2,000 km off, the metonym Velmora plotted, "Rain" plotted. */
const fake: Geoparser = {
  name: 'fake',
  parse(text) {
    const at = (s: string, lat: number, lon: number, country: string): EvalFeature => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, lat, lon, country, kind: 'place' });
    return [at('Rain', 0, 0, 'XX'), at('Harwick', 51.95, 1.3, 'GB'), at('Velmora', 10, 20, 'VM'), at('Port Sable', 28, 20.5, 'VM'), at('Port Sable', 28, 20.5, 'VM')];
  },
  resolveSpans(_text, spans) {
    return spans.map((_, i) => (i === 0 ? { lat: 51.9, lon: 1.28 } : i === 2 ? { lat: 10.5, lon: 23 } : null));
  },
};

describe('scoreRun', () => {
  const run = runSystem(fake, corpus);
  const s = scoreRun(corpus, run, classes);

  it('deduplicates features on one span', () => {
    expect(run.articles[0]!.features).toHaveLength(4);
  });

  it('scores recognition over every gold span', () => {
    expect(s.recognition.counts).toEqual({ predicted: 4, gold: 4, strictPredicted: 3, strictGold: 3, overlapPredicted: 3, overlapGold: 3 });
    expect(s.recognition.strict.precision).toBe(0.75);
  });

  it('scores resolution by group; a span without candidate is a miss', () => {
    expect(s.resolution.scored.gold).toBe(2);
    expect(s.resolution.scored.noCandidate).toBe(0);
    // Harwick exact; Port Sable 2.5° of longitude east at 10.5°N, about 274 km.
    expect(s.resolution.scored.acc161).toBe(0.5);
    expect(s.resolution.scored.medianKm).toBeCloseTo(136.8, 0);
    expect(s.resolution.country).toMatchObject({ gold: 1, noCandidate: 1, noCandidateShare: 1, acc161: 0, acc161Resolved: null, auc: null });
  });

  it('scores end to end by group, as the corpora README defines it', () => {
    expect(s.endToEnd.scored).toMatchObject({ gold: 2, found161: 1, recall: 0.5, features: 2, correct161: 1, precision: 0.5 });
    expect(s.endToEnd.country).toMatchObject({ gold: 1, found161: 1, recall: 1, features: 1, correct161: 1, precision: 1 });
    expect(s.endToEnd.adjectival.recall).toBeNull();
  });

  it('counts non-locational uses plotted, by type', () => {
    expect(nonLocationalRate(corpus.articles, run)).toEqual({ total: 1, plotted: 1, rate: 1, byType: { metonym: { total: 1, plotted: 1, rate: 1 } } });
  });

  it('sorts errors into categories with names as examples', () => {
    const e = collectErrors(corpus, run, classes, () => 'VM');
    expect(e.counts).toEqual({ missed: 0, wrongPlace: 1, wrongCountry: 0, countryOff: 0, countryWrong: 0, unmarked: 1 });
    expect(e.examples.wrongPlace).toEqual([['Port Sable (VM)', 1]]);
    expect(e.examples.unmarked).toEqual([['Rain', 1]]);
  });

  it('times each article', () => {
    const t = timingOf(run);
    expect(t.articles).toBe(1);
    expect(t.meanMs).toBeGreaterThanOrEqual(0);
  });
});

describe('nearestCountry', () => {
  it('gives the country of the nearest city, across the antimeridian too', () => {
    const at = nearestCountry([place('a', 'A', 'city', 'FJ', -17.8, 179.9), place('b', 'B', 'city', 'GB', 51.9, 1.28), place('c', 'C', 'country', 'ZZ', 51.9, 1.3)]);
    expect(at(52, 1)).toBe('GB');
    expect(at(-17.5, -179.8)).toBe('FJ');
  });
});
