import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyFilter, countActors, countEventTypes, DEFAULT_FILTER, describeUndated, type FilterState } from '../../../src/core/engine/filter/filterState.ts';
import { exportGeoJSON, toExportCollection } from '../../../src/core/engine/export/geojson.ts';
import type { NewsmapCollection, NewsmapFeature } from '../../../src/core/geoparser/geojson/schema.ts';
import { corpusArb, featureArb, filterArb } from './arbitraries.ts';

const ids = (fs: NewsmapFeature[]) => fs.map((f) => f.id);

describe('the actor role', () => {
  const strike = (id: string, actor: string | null, target: string | null, actors: string[]): NewsmapFeature => {
    const base = fc.sample(featureArb, { seed: 7, numRuns: 1 })[0]!;
    return { ...base, id, properties: { ...base.properties, kind: 'strike', actor, target, actors } };
  };
  const corpus = [
    strike('il-ir', 'Israel', 'Iran', ['Israel', 'Iran']),
    strike('ir-il', 'Iran', 'Israel', ['Iran', 'Israel']),
    strike('unknown-ir', null, 'Iran', ['Iran']),
    strike('us-none', 'United States', null, ['United States', 'Israel']),
  ];
  const shown = (actorRole: FilterState['actorRole'], actors: string[] | null) => ids(applyFilter(corpus, { ...DEFAULT_FILTER, actors, actorRole }));

  it('"involving" keeps any feature naming the actor; "by" only its initiator; "against" only its target', () => {
    expect(shown('involving', ['Iran'])).toEqual(['il-ir', 'ir-il', 'unknown-ir']);
    expect(shown('by', ['Iran'])).toEqual(['ir-il']);
    expect(shown('against', ['Iran'])).toEqual(['il-ir', 'unknown-ir']);
    // Named, but neither the initiator nor the target: only "involving" keeps it.
    expect(shown('by', ['Israel'])).toEqual(['il-ir']);
    expect(shown('against', ['Israel'])).toEqual(['ir-il']);
    expect(shown('involving', ['Israel'])).toEqual(['il-ir', 'ir-il', 'us-none']);
  });

  it('restricts nothing without ticked actors, whatever the role', () => {
    for (const role of ['involving', 'by', 'against'] as const) expect(shown(role, null)).toEqual(ids(corpus));
  });

  it('counts actors in the role', () => {
    expect(countActors(corpus, 'by')).toEqual([{ actor: 'Iran', count: 1 }, { actor: 'Israel', count: 1 }, { actor: 'United States', count: 1 }]);
    expect(countActors(corpus, 'against')).toEqual([{ actor: 'Iran', count: 2 }, { actor: 'Israel', count: 1 }]);
  });
});

describe('applyFilter', () => {
  it('is idempotent', () => {
    fc.assert(fc.property(corpusArb, filterArb, (corpus, filter) => {
      const once = applyFilter(corpus, filter);
      expect(ids(applyFilter(once, filter))).toEqual(ids(once));
    }));
  });

  it('commutes with export: filter-then-export equals export-then-filter', () => {
    fc.assert(fc.property(corpusArb, filterArb, (corpus, filter) => {
      const filterThenExport = exportGeoJSON(applyFilter(corpus, filter));
      const reimported = (JSON.parse(exportGeoJSON(corpus)) as NewsmapCollection).features;
      const exportThenFilter = JSON.stringify(toExportCollection(applyFilter(reimported, filter)), null, 1);
      expect(exportThenFilter).toBe(filterThenExport);
    }));
  });

  it('returns a subset, in the original order', () => {
    fc.assert(fc.property(corpusArb, filterArb, (corpus, filter) => {
      const out = ids(applyFilter(corpus, filter));
      const order = ids(corpus).filter((id) => out.includes(id));
      expect(out).toEqual(order);
    }));
  });

  it('the default filter keeps everything', () => {
    fc.assert(fc.property(corpusArb, (corpus) => {
      expect(applyFilter(corpus, DEFAULT_FILTER)).toHaveLength(corpus.length);
    }));
  });

  it('under a date range keeps only timeless facilities among undated features, unless undated is on (issue 10)', () => {
    fc.assert(fc.property(featureArb, filterArb, (f, filter) => {
      const undated: NewsmapFeature = { ...f, properties: { ...f.properties, date: null, date_precision: null } };
      const dateOnly: FilterState = { ...DEFAULT_FILTER, from: filter.from, to: filter.to, undated: filter.undated };
      const ranged = filter.from !== null || filter.to !== null;
      const timeless = f.properties.kind === 'base' || (f.properties.kind === 'pipeline' && f.properties.status === 'built');
      expect(applyFilter([undated], dateOnly)).toHaveLength(!ranged || filter.undated || timeless ? 1 : 0);
    }));
  });

  it('keeps a base and a built pipeline but not an undated strike, place or planned pipeline under a date range', () => {
    const [f] = fc.sample(featureArb, { numRuns: 1, seed: 7 });
    const make = (kind: NewsmapFeature['properties']['kind'], status?: 'built' | 'planned'): NewsmapFeature => ({
      ...f!,
      id: `${kind}-${status ?? ''}`,
      properties: { ...f!.properties, kind, date: null, date_precision: null, actors: [], event_type: null, geo_precision: 'site', ...(status ? { status } : {}) },
    });
    const corpus = [make('strike'), make('place'), make('base'), make('pipeline', 'built'), make('pipeline', 'planned'), make('pipeline')];
    const range: FilterState = { ...DEFAULT_FILTER, from: '2024-01-01', to: '2024-04-30' };
    expect(ids(applyFilter(corpus, range))).toEqual(['base-', 'pipeline-built']);
    expect(ids(applyFilter(corpus, { ...range, undated: true }))).toEqual(ids(corpus));
    expect(ids(applyFilter(corpus, { ...DEFAULT_FILTER, undated: false }))).toEqual(ids(corpus));
  });

  it('describes undated features in one sentence that matches the counts', () => {
    const range = { from: '2024-01-01', to: null, undated: false };
    expect(describeUndated({ undated: 3, undatedFacilities: 3, undatedHidden: 22 }, range)).toBe('3 undated facilities (bases, built pipelines) shown whatever the dates; 22 undated events and mentions hidden');
    expect(describeUndated({ undated: 25, undatedFacilities: 3, undatedHidden: 0 }, { ...range, undated: true })).toBe('3 undated facilities (bases, built pipelines) shown whatever the dates; 22 undated events and mentions shown');
    expect(describeUndated({ undated: 1, undatedFacilities: 0, undatedHidden: 1 }, range)).toBe('1 undated event or mention shown; 1 undated event or mention hidden');
    expect(describeUndated({ undated: 25, undatedFacilities: 3, undatedHidden: 0 }, { from: null, to: null, undated: false })).toBe('25 undated features shown, not in the histogram');
    expect(describeUndated({ undated: 0, undatedFacilities: 0, undatedHidden: 0 }, range)).toBeNull();
  });

  it('keeps dated features inside [from, to] only (inclusive)', () => {
    fc.assert(fc.property(corpusArb, filterArb, (corpus, filter) => {
      for (const f of applyFilter(corpus, { ...DEFAULT_FILTER, from: filter.from, to: filter.to })) {
        const d = f.properties.date;
        if (d === null) continue;
        if (filter.from) expect(d >= filter.from).toBe(true);
        if (filter.to) expect(d <= filter.to).toBe(true);
      }
    }));
  });

  it('lets every feature through when no event type is ticked off, typed or not (issue 11)', () => {
    fc.assert(fc.property(corpusArb, filterArb, (corpus, filter) => {
      const noTypes: FilterState = { ...filter, eventTypes: null };
      const untyped = corpus.map((f) => ({ ...f, properties: { ...f.properties, event_type: undefined, sub_event_type: undefined } }));
      expect(ids(applyFilter(untyped, noTypes))).toEqual(ids(applyFilter(corpus, noTypes)));
    }));
  });

  it('event-type filter keeps the ticked types, never an untyped strike, and leaves bases, pipelines and places to the Kinds group', () => {
    fc.assert(fc.property(corpusArb, filterArb, (corpus, filter) => {
      if (filter.eventTypes === null) return;
      const wanted = new Set(filter.eventTypes);
      const shown = applyFilter(corpus, { ...DEFAULT_FILTER, eventTypes: filter.eventTypes });
      for (const f of shown) {
        const t = f.properties.event_type ?? null;
        if (t === null) expect(f.properties.kind).not.toBe('strike');
        else expect(wanted.has(t)).toBe(true);
      }
      // Nothing else is dropped: every untyped non-strike and every feature of a ticked type is there.
      const kept = corpus.filter((f) => (f.properties.event_type ? wanted.has(f.properties.event_type) : f.properties.kind !== 'strike'));
      expect(ids(shown)).toEqual(ids(kept));
    }));
    const [f] = fc.sample(featureArb, { numRuns: 1, seed: 7 }) as [NewsmapFeature];
    const at = (kind: NewsmapFeature['properties']['kind'], event_type?: string | null): NewsmapFeature => ({ ...f, id: `${kind}:${event_type}`, properties: { ...f.properties, kind, event_type } });
    const corpus = [at('strike', 'Battles'), at('strike', 'Explosions/Remote violence'), at('strike', null), at('strike'), at('base'), at('place', null)];
    expect(ids(applyFilter(corpus, { ...DEFAULT_FILTER, eventTypes: ['Battles'] }))).toEqual(['strike:Battles', 'base:undefined', 'place:null']);
    expect(ids(applyFilter(corpus, { ...DEFAULT_FILTER, eventTypes: [] }))).toEqual(['base:undefined', 'place:null']);
    expect(countEventTypes(corpus)).toEqual(new Map([['Battles', 1], ['Explosions/Remote violence', 1]]));
  });

  it('actor filter reads properties.actors (any of the ticked actors)', () => {
    fc.assert(fc.property(corpusArb, filterArb, (corpus, filter) => {
      if (filter.actors === null) return;
      const wanted = new Set(filter.actors);
      for (const f of applyFilter(corpus, { ...DEFAULT_FILTER, actors: filter.actors })) {
        expect(f.properties.actors.some((a) => wanted.has(a))).toBe(true);
      }
    }));
  });

  it('searches titles and quotes case-insensitively', () => {
    const [f] = fc.sample(featureArb, 1) as [NewsmapFeature];
    const g: NewsmapFeature = { ...f, properties: { ...f.properties, title: 'Strike near ISFAHAN', quote: 'q' } };
    expect(applyFilter([g], { ...DEFAULT_FILTER, q: 'isfahan' })).toHaveLength(1);
    expect(applyFilter([g], { ...DEFAULT_FILTER, q: 'tabriz' })).toHaveLength(0);
  });
});

describe('countActors', () => {
  it('counts a feature once per actor, most frequent first', () => {
    const [a, b] = fc.sample(featureArb, 2) as [NewsmapFeature, NewsmapFeature];
    const fa: NewsmapFeature = { ...a, properties: { ...a.properties, actors: ['Israel', 'Iran'] } };
    const fb: NewsmapFeature = { ...b, properties: { ...b.properties, actors: ['Iran'] } };
    expect(countActors([fa, fb])).toEqual([
      { actor: 'Iran', count: 2 },
      { actor: 'Israel', count: 1 },
    ]);
  });
});
