import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { applyFilter, DEFAULT_FILTER } from '../../../src/core/engine/filter/filterState.ts';
import { buildFeatureTable } from '../../../src/core/engine/filter/featureTable.ts';
import { queryTable } from '../../../src/core/engine/filter/queryTable.ts';
import { buildSearchSynonyms, compileSearch, searchFields } from '../../../src/core/engine/filter/search.ts';
import type { GazetteerFile } from '../../../src/core/geoparser/gazetteer/schema.ts';
import type { NewsmapFeature } from '../../../src/core/geoparser/geojson/schema.ts';
import { corpusArb, featureArb, filterArb } from './arbitraries.ts';

const curated = JSON.parse(readFileSync(new URL('../../../data/gazetteer.json', import.meta.url), 'utf8')) as GazetteerFile;
const synonyms = buildSearchSynonyms(curated.places);

const [base] = fc.sample(featureArb, { numRuns: 1, seed: 3 });
const feature = (id: string, title: string, quote: string, place: string): NewsmapFeature => ({
  ...base!,
  id,
  properties: { ...base!.properties, title, quote, place_name: place, article_title: 'An article', kind: 'strike', date: '2024-01-01', actors: [], geo_precision: 'site' },
});
const corpus = [
  feature('isfahan', 'Israeli strike near Isfahan', 'Israel struck a radar near Isfahan.', 'Isfahan'),
  feature('esfahan', 'Blast in Esfahan province', 'A blast shook Esfahan province.', 'Isfahan Province'),
  feature('asad', 'Strike on Ain al-Asad Air Base', 'Missiles hit Ain al-Asad.', 'Ain al-Asad Air Base'),
  feature('ayn', 'Rockets at Ayn al Asad', 'Rockets landed at Ayn al Asad.', 'Ayn al Asad'),
  feature('damascus', 'Israeli strike near Damascus', 'Jets struck near Damascus.', 'Damascus'),
];
const ids = (q: string) => applyFilter(corpus, { ...DEFAULT_FILTER, q }, synonyms).map((f) => f.id);

describe('search with the gazetteer\'s name normalisation (issue 10)', () => {
  it('finds with "Esfahan" what it finds with "Isfahan", and the other way round', () => {
    expect(ids('Isfahan')).toEqual(['isfahan', 'esfahan']);
    expect(ids('Esfahan')).toEqual(ids('Isfahan'));
    expect(ids('esfahan')).toEqual(ids('ISFAHAN'));
  });

  it('finds with "Ein Al-Assad" what it finds with "Ain al-Asad", with or without synonyms', () => {
    expect(ids('Ain al-Asad')).toEqual(['asad', 'ayn']);
    expect(ids('Ein Al-Assad')).toEqual(ids('Ain al-Asad'));
    expect(applyFilter(corpus, { ...DEFAULT_FILTER, q: 'Ein Al-Assad' }).map((f) => f.id)).toEqual(['asad', 'ayn']);
  });

  it('still finds plain substrings, punctuation included, and an empty query matches everything', () => {
    expect(ids('near Dam')).toEqual(['damascus']);
    // Punctuation alone has no name key: it matches as typed.
    expect(ids('.')).toHaveLength(corpus.length);
    expect(ids('?')).toEqual([]);
    expect(ids('al-Asad')).toEqual(['asad', 'ayn']);
    expect(compileSearch('   ')).toBeNull();
    // An article alone has an empty key: it matches as typed only.
    expect(compileSearch('al')!(searchFields(['Damascus']))).toBe(false);
  });

  it('gives every name of a place all the place\'s names', () => {
    const s = buildSearchSynonyms([{ name: 'Isfahan', aliases: ['Esfahan', 'Eşfahān'] }, { name: 'Esfahan', aliases: [] }]);
    expect([...(s.get('isfahan') ?? [])].sort()).toEqual(['esfahan', 'isfahan']);
    expect([...(s.get('esfahan') ?? [])].sort()).toEqual(['esfahan', 'isfahan']);
  });

  it('queryTable agrees with applyFilter when the query names gazetteer places', () => {
    const names = ['Isfahan', 'Esfahan', 'Ain al-Asad', 'Ein Al-Assad', 'Persia', 'Iran', 'Damascus'];
    const withNames = fc.uniqueArray(
      fc.tuple(featureArb, fc.constantFrom(...names), fc.constantFrom(...names)).map(([f, a, b]) => ({ ...f, properties: { ...f.properties, title: `${f.properties.title} ${a}`, quote: `near ${b}` } })),
      { selector: (f) => f.id, maxLength: 30 },
    );
    fc.assert(fc.property(withNames, filterArb, fc.constantFrom(...names), (c, filter, q) => {
      const table = buildFeatureTable(c);
      const state = { ...filter, q };
      const view = queryTable(table, state, synonyms);
      expect(Array.from(view.indices, (i) => table.features[i]!.id)).toEqual(applyFilter([...table.features], state, synonyms).map((f) => f.id));
    }));
    // And on any corpus, with no synonyms at all.
    fc.assert(fc.property(corpusArb, filterArb, (c, filter) => {
      const table = buildFeatureTable(c);
      expect(Array.from(queryTable(table, filter).indices, (i) => table.features[i]!.id)).toEqual(applyFilter([...table.features], filter).map((f) => f.id));
    }));
  });
});
