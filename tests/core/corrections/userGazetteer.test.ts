import { describe, expect, it } from 'vitest';
import { addAliasFromCorrection, emptyUserGazetteer } from '../../../src/core/engine/corrections/userGazetteer.ts';
import type { Correction } from '../../../src/core/engine/corrections/corrections.ts';
import { PlaceIndex } from '../../../src/core/geoparser/gazetteer/placeIndex.ts';
import { nameKey } from '../../../src/core/geoparser/text/normalize.ts';

describe('an alias that is the chosen place\'s own name', () => {
  it('is kept, so the index knows the analyst chose this place for the name ("Tripoli" → Tripoli, Lebanon)', () => {
    const c: Correction = { id: 'c', article_id: 'a', by: 'analyst', at: '2026-01-01T00:00:00.000Z', change: { type: 'place', feature_id: 'a:1-8', place: { id: 'tripoli-lebanon', name: 'Tripoli', country: 'LB', lat: 34.44, lon: 35.83, precision: 'city' } }, original: {} };
    const layer = addAliasFromCorrection(emptyUserGazetteer(), c, 'Tripoli');
    expect(layer.places[0]!.aliases).toEqual(['Tripoli']);
    const curated = { version: 1 as const, routes: [], places: [
      { id: 'tripoli-libya', name: 'Tripoli', aliases: [], kind: 'city' as const, country: 'LY', lat: 32.9, lon: 13.18, precision: 'city' as const, source: 'test' },
      { id: 'tripoli-lebanon', name: 'Tripoli', aliases: [], kind: 'city' as const, country: 'LB', lat: 34.44, lon: 35.83, precision: 'city' as const, source: 'test' },
    ] };
    const idx = PlaceIndex.build(curated, [], layer);
    const lebanon = idx.byId.get('tripoli-lebanon')!;
    expect(idx.userNamed(lebanon, nameKey('Tripoli'))).toBe(true);
    expect(idx.userNamed(idx.byId.get('tripoli-libya')!, nameKey('Tripoli'))).toBe(false);
  });
});
