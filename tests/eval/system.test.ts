import { describe, it, expect, beforeAll } from 'vitest';
import { newsmapGeoparser, type Geoparser } from '../../src/eval/system.ts';
import { haversineKm } from '../../src/eval/score.ts';
import { realIndex } from '../helpers/index.ts';

// A made-up article; the adaptor is checked on the real index, as the harness runs it.
const TEXT = 'Heavy rain flooded streets in Lyon on Monday. Crews from Marseille were sent north.';
const span = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });

describe('newsmapGeoparser (the adaptor)', () => {
  let system: Geoparser;
  beforeAll(() => { system = newsmapGeoparser(realIndex()); });

  it('returns points whose spans lie in the text, one per pipeline Point feature', () => {
    const features = system.parse(TEXT, '2024-05-06');
    expect(features.length).toBeGreaterThan(0);
    for (const f of features) {
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeLessThanOrEqual(TEXT.length);
      expect(Number.isFinite(f.lat) && Number.isFinite(f.lon)).toBe(true);
    }
    const lyon = features.find((f) => f.start === span('Lyon').start);
    expect(lyon && haversineKm(lyon.lat, lyon.lon, 45.76, 4.84)).toBeLessThan(30);
  });

  it('parses an article without a date', () => {
    expect(() => system.parse(TEXT, null)).not.toThrow();
  });

  it('resolves given spans, null where the index has no candidate', () => {
    const [lyon, marseille, rain] = system.resolveSpans(TEXT, [span('Lyon'), span('Marseille'), span('Heavy rain')]);
    expect(haversineKm(lyon!.lat, lyon!.lon, 45.76, 4.84)).toBeLessThan(30);
    expect(marseille!.country).toBe('FR');
    expect(rain).toBeNull();
  });
});
