import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyFilter, countActors, countEventTypes, countKinds, DEFAULT_FILTER, isTimeless } from '../../../src/core/engine/filter/filterState.ts';
import { buildFeatureTable, byDate, featureById, FeatureTableBuilder } from '../../../src/core/engine/filter/featureTable.ts';
import { queryTable } from '../../../src/core/engine/filter/queryTable.ts';
import { binByTime, dateExtent } from '../../../src/core/engine/filter/timeline.ts';
import { GEO_PRECISIONS, type NewsmapFeature } from '../../../src/core/geoparser/geojson/schema.ts';
import { corpusArb, featureArb, filterArb } from './arbitraries.ts';

/** The reference: the object-at-a-time functions the table replaces on the hot path. */
function reference(corpus: NewsmapFeature[], filter: typeof DEFAULT_FILTER) {
  const actorFacet = new Map(countActors(applyFilter(corpus, { ...filter, actors: null }), filter.actorRole).map((a) => [a.actor, a.count]));
  const shown = applyFilter(corpus, filter);
  return {
    ids: shown.map((f) => f.id),
    actorCounts: actorFacet,
    kindCounts: countKinds(applyFilter(corpus, { ...filter, kinds: ['strike', 'base', 'pipeline', 'place'] })),
    eventTypeCounts: countEventTypes(applyFilter(corpus, { ...filter, eventTypes: null })),
    precisionCounts: Object.fromEntries(
      GEO_PRECISIONS.map((p) => [p, applyFilter(corpus, { ...filter, precisions: [...GEO_PRECISIONS] }).filter((f) => f.geometry.type === 'Point' && f.properties.geo_precision === p).length]),
    ),
    histogram: binByTime(applyFilter(corpus, { ...filter, from: null, to: null }), dateExtent(corpus)),
    undated: shown.filter((f) => f.properties.date === null).length,
    undatedFacilities: shown.filter((f) => f.properties.date === null && isTimeless(f.properties)).length,
    // Undated features that only the date rule removes: shown once the toggle is on.
    undatedHidden: applyFilter(corpus, { ...filter, undated: true }).filter((f) => f.properties.date === null).length - shown.filter((f) => f.properties.date === null).length,
  };
}

function check(input: NewsmapFeature[], filter: typeof DEFAULT_FILTER) {
  const table = buildFeatureTable(input);
  const corpus = [...table.features];
  const view = queryTable(table, filter);
  const ref = reference(corpus, filter);
  expect(Array.from(view.indices, (i) => corpus[i]!.id)).toEqual(ref.ids);
  expect(Array.from(view.mask.keys()).filter((i) => view.mask[i] === 1)).toEqual(Array.from(view.indices));
  expect(view.kindCounts).toEqual(ref.kindCounts);
  expect(view.undated).toBe(ref.undated);
  expect(view.undatedFacilities).toBe(ref.undatedFacilities);
  expect(view.undatedHidden).toBe(ref.undatedHidden);
  expect(Array.from(table.timeless)).toEqual(corpus.map((f) => (isTimeless(f.properties) ? 1 : 0)));
  for (const [k, actor] of table.actors.entries()) expect(view.actorCounts[k]).toBe(ref.actorCounts.get(actor) ?? 0);
  expect(view.eventTypeCounts).toHaveLength(table.eventTypes.length);
  for (const [k, type] of table.eventTypes.entries()) expect(view.eventTypeCounts[k], type).toBe(ref.eventTypeCounts.get(type) ?? 0);
  expect(view.precisionCounts).toEqual(ref.precisionCounts);
  expect(view.histogram.undated).toBe(ref.histogram.undated);
  expect(view.histogram.bins).toEqual(ref.histogram.bins);
}

describe('buildFeatureTable', () => {
  it('puts rows in byDate order, exactly as a stable sort would, sorted input or not', () => {
    fc.assert(fc.property(corpusArb, fc.boolean(), (corpus, presort) => {
      const input = presort ? [...corpus].sort(byDate) : corpus;
      expect(buildFeatureTable(input).features.map((f) => f.id)).toEqual([...input].sort(byDate).map((f) => f.id));
    }));
  });

  it('keeps each row\'s anchor point: a point, or a line\'s first vertex', () => {
    fc.assert(fc.property(corpusArb, (corpus) => {
      const table = buildFeatureTable(corpus);
      table.features.forEach((f, i) => {
        const [lon, lat] = f.geometry.type === 'Point' ? f.geometry.coordinates : f.geometry.coordinates[0]!;
        expect([table.lon[i], table.lat[i]]).toEqual([lon, lat]);
      });
    }));
  });

  it('counts distinct articles and finds every feature by id', () => {
    fc.assert(fc.property(corpusArb, fc.string({ maxLength: 4 }), fc.integer({ min: 1, max: 5 }), (base, missing, spread) => {
      const corpus = base.map((f, i) => ({ ...f, properties: { ...f.properties, article_id: `a${i % spread}` } }));
      const table = buildFeatureTable(corpus);
      expect(table.articleCount).toBe(new Set(corpus.map((f) => f.properties.article_id)).size);
      for (const f of corpus) expect(featureById(table, f.id)).toBe(f);
      if (!corpus.some((f) => f.id === missing)) expect(featureById(table, missing)).toBeNull();
    }));
  });
});

describe('FeatureTableBuilder', () => {
  it('builds the same table from batches as from the whole corpus at once', () => {
    fc.assert(fc.property(corpusArb, fc.array(fc.nat(), { maxLength: 5 }), (corpus, cuts) => {
      const at = [0, ...cuts.map((c) => c % (corpus.length + 1)).sort((a, b) => a - b), corpus.length];
      const builder = new FeatureTableBuilder();
      for (let i = 1; i < at.length; i++) builder.add(corpus.slice(at[i - 1], at[i]));
      const { haystack, idIndex, ...batched } = builder.finish();
      const { haystack: h2, idIndex: i2, ...whole } = buildFeatureTable(corpus);
      expect(batched).toEqual(whole);
      expect([haystack, idIndex, h2, i2]).toEqual([null, null, null, null]);
    }));
  });

  it('gives rows naming the same actors the same actor set, and distinct sets distinct ids', () => {
    fc.assert(fc.property(corpusArb, (corpus) => {
      const table = buildFeatureTable(corpus);
      const setOf = new Map<string, number>();
      table.features.forEach((f, i) => {
        const key = [...new Set(f.properties.actors)].sort().join('|');
        const seen = setOf.get(key);
        if (seen === undefined) setOf.set(key, table.actorSet[i]!);
        else expect(table.actorSet[i]).toBe(seen);
      });
      expect(new Set(setOf.values()).size).toBe(setOf.size);
      expect(table.actorSetCount).toBe(setOf.size);
    }));
  });
});

describe('queryTable', () => {
  it('agrees with applyFilter and the facet counts for any corpus and filter', () => {
    fc.assert(fc.property(corpusArb, filterArb, check));
  });

  it('handles more actors than fit in one 32-bit word', () => {
    const many = Array.from({ length: 70 }, (_, i) => `Actor ${i}`);
    const corpus = fc.uniqueArray(
      fc.tuple(featureArb, fc.uniqueArray(fc.constantFrom(...many), { maxLength: 4 })).map(([f, actors]) => ({ ...f, properties: { ...f.properties, actors } })),
      { selector: (f) => f.id, maxLength: 60 },
    );
    fc.assert(fc.property(corpus, filterArb, fc.uniqueArray(fc.constantFrom(...many), { minLength: 1, maxLength: 5 }), (c, f, actors) => check(c, { ...f, actors })));
  });

  it('orders actors by frequency, then name, and counts a feature once per actor', () => {
    const base = fc.sample(featureArb, { numRuns: 3, seed: 1 });
    const corpus = base.map((f, i) => ({ ...f, id: `f${i}`, properties: { ...f.properties, actors: i === 0 ? ['B', 'B', 'A'] : ['B'] } }));
    const table = buildFeatureTable(corpus);
    expect(table.actors).toEqual(['B', 'A']);
    expect([...table.actorTotals]).toEqual([3, 1]);
  });

  it('an empty corpus gives an empty view and no timeline', () => {
    const view = queryTable(buildFeatureTable([]), DEFAULT_FILTER);
    expect(view.indices.length).toBe(0);
    expect(view.histogram.bins).toEqual([]);
  });
});
