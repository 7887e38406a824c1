import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildFeatureTable } from '../../../src/core/engine/filter/featureTable.ts';
import { listRows, placeKey, type ListRow } from '../../../src/core/engine/filter/listRows.ts';
import { queryTable } from '../../../src/core/engine/filter/queryTable.ts';
import type { NewsmapFeature } from '../../../src/core/geoparser/geojson/schema.ts';
import { corpusArb, filterArb } from './arbitraries.ts';

/** The arbitrary corpus with a handful of place names, so places repeat. */
const placesArb = fc.tuple(corpusArb, fc.array(fc.constantFrom('Iraq', 'Syria', 'Karachi', 'Erbil'), { minLength: 40, maxLength: 40 })).map(([corpus, names]) =>
  corpus.map((f, i): NewsmapFeature => ({ ...f, properties: { ...f.properties, place_name: names[i]!, place_id: names[i]!.toLowerCase() } })),
);

const all = (rows: { length: number; at(k: number): ListRow | undefined }) => Array.from({ length: rows.length }, (_, k) => rows.at(k)!);

describe('listRows', () => {
  it('lists every event first, in table order, then one row per place, most mentioned first', () => {
    fc.assert(fc.property(placesArb, filterArb, (corpus, filter) => {
      const table = buildFeatureTable(corpus);
      const view = queryTable(table, filter);
      const rows = listRows(table, view.indices, new Set());
      const shown = Array.from(view.indices, (i) => table.features[i]!);
      const events = shown.filter((f) => f.properties.kind !== 'place');
      const places = new Map<string, number>();
      for (const f of shown) if (f.properties.kind === 'place') places.set(placeKey(f), (places.get(placeKey(f)) ?? 0) + 1);
      const list = all(rows);
      expect(rows.length).toBe(events.length + places.size);
      expect(list.slice(0, events.length).map((r) => r.type === 'event' && r.feature.id)).toEqual(events.map((f) => f.id));
      const counts = list.slice(events.length).map((r) => (r.type === 'group' ? r.count : r.type === 'place' ? 1 : -1));
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect(rows.mentions).toBe(shown.length - events.length);
    }));
  });

  it('opens a group to each of its mentions, so every feature has exactly one row', () => {
    fc.assert(fc.property(placesArb, filterArb, (corpus, filter) => {
      const table = buildFeatureTable(corpus);
      const view = queryTable(table, filter);
      const keys = new Set(corpus.map(placeKey));
      const rows = listRows(table, view.indices, keys);
      const ids = all(rows).flatMap((r) => (r.type === 'group' ? [] : [r.feature.id]));
      expect([...ids].sort()).toEqual(Array.from(view.indices, (i) => table.features[i]!.id).sort());
      for (const id of ids) expect((all(rows)[rows.indexOfId(id)] as { feature: NewsmapFeature }).feature.id).toBe(id);
    }));
  });

  it('points a folded mention at its group row', () => {
    const base = fc.sample(corpusArb.filter((c) => c.length > 0), { seed: 3, numRuns: 1 })[0]![0]!;
    const place = (id: string, name: string, quote: string): NewsmapFeature => ({ ...base, id, properties: { ...base.properties, kind: 'place', date: null, place_name: name, place_id: name, quote } });
    const strike: NewsmapFeature = { ...base, id: 's', properties: { ...base.properties, kind: 'strike', place_name: 'Erbil', place_id: 'erbil' } };
    const corpus = [place('i1', 'Iraq', 'One.'), place('k1', 'Karachi', 'Two.'), strike, place('i2', 'Iraq', 'Three.')];
    const table = buildFeatureTable(corpus);
    const indices = Uint32Array.from(table.features.keys());
    const folded = listRows(table, indices, new Set());
    expect(all(folded).map((r) => r.type)).toEqual(['event', 'group', 'place']);
    expect(folded.indexOfId('i2')).toBe(1);
    expect(folded.groupOfId('i2')).toBe('id:Iraq');
    expect(folded.groupOfId('k1')).toBeNull();
    const open = listRows(table, indices, new Set(['id:Iraq']));
    expect(all(open).map((r) => (r.type === 'group' ? `${r.name} ×${r.count}` : r.type === 'mention' ? r.feature.properties.quote : r.feature.id))).toEqual(['s', 'Iraq ×2', 'One.', 'Three.', 'k1']);
  });
});
