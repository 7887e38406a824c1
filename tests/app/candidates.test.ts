import { describe, expect, it } from 'vitest';
import { PlaceIndex } from '../../src/core/geoparser/gazetteer/placeIndex.ts';
import { unpackBroadPlaces } from '../../src/core/geoparser/gazetteer/broad.ts';
import { placeCandidates } from '../../src/worker/candidates.ts';
import { candidateLabel } from '../../src/app/workflow/CandidatePicker.tsx';

/** A made-up world layer in the broad format: two namesakes in one country, one place known by alternate names. */
const WORLD = [
  ['901', 'Northbrook', '', 'ZZ', 'Upper Province', 'c', 'PPL', '10.1', '20.2', '1200'],
  ['902', 'Northbrook', '', 'ZZ', 'Lower Province', 'c', 'PPL', '11.5', '21.7', '800'],
  ['903', 'Castle Town', 'Al-Qalaa|Kalaa', 'ZY', 'Hill Province', 'c', 'PPLA', '12.25', '22.5', '50000'],
].map((r) => r.join('\t')).join('\n');

const index = () => PlaceIndex.build({ version: 1, places: [], routes: [] }, unpackBroadPlaces(WORLD));

describe('"Change place" candidates', () => {
  it('finds a place by its alternate names and says which one matched', () => {
    for (const q of ['Kalaa', 'Al-Qalaa', 'al qalaa']) {
      const [c] = placeCandidates(index(), q);
      expect(c).toMatchObject({ id: 'geonames:903', name: 'Castle Town', admin1: 'Hill Province', population: 50000 });
    }
    expect(placeCandidates(index(), 'Castle Town')[0]!.matched).toBeUndefined();
    expect(candidateLabel(placeCandidates(index(), 'Kalaa')[0]!)).toBe('Castle Town, ZY (city) · as “Kalaa” · Hill Province · pop. 50,000 · 12.250, 22.500');
  });

  it('lists each place once, namesakes apart by region, population and coordinates, biggest first', () => {
    const list = placeCandidates(index(), 'Northbrook');
    expect(list.map((c) => c.id)).toEqual(['geonames:901', 'geonames:902']);
    const labels = list.map(candidateLabel);
    expect(new Set(labels).size).toBe(2);
    expect(labels[1]).toBe('Northbrook, ZZ (city) · Lower Province · pop. 800 · 11.500, 21.700');
    expect(placeCandidates(index(), '')).toEqual([]);
    expect(placeCandidates(index(), 'Nowhere')).toEqual([]);
  });
});
