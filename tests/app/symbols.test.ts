import { describe, expect, it } from 'vitest';
import { buildActorPalette, featureColour, NO_ACTOR_COLOUR, PLACE_COLOUR, UNCERTAINTY_RADIUS_M } from '../../src/app/map/symbols.ts';
import { formatActors, formatDate } from '../../src/app/map/format.ts';
import { resolveCorpusUrl } from '../../src/app/state/corpus.ts';
import { buildFixture } from '../e2e/support/fixture.ts';

const { corpus } = buildFixture();

describe('visual encoding', () => {
  it('colours by initiating actor, places neutral', () => {
    const palette = buildActorPalette(['Israel', 'Iran']);
    const strike = corpus.features.find((f) => f.properties.kind === 'strike')!;
    expect(featureColour(strike.properties, palette)).toBe(palette.get('Israel'));
    const place = corpus.features.find((f) => f.properties.kind === 'place')!;
    expect(featureColour(place.properties, palette)).toBe(PLACE_COLOUR);
    expect(featureColour({ ...strike.properties, actor: 'Atlantis', actors: ['Atlantis'] }, palette)).toBe(NO_ACTOR_COLOUR);
  });

  it('gives coarse locations an uncertainty radius', () => {
    expect(UNCERTAINTY_RADIUS_M.region).toBeGreaterThan(UNCERTAINTY_RADIUS_M.city);
    expect(UNCERTAINTY_RADIUS_M.country).toBeGreaterThan(UNCERTAINTY_RADIUS_M.region);
  });

  it('formats dates with their precision and actors as initiator → target', () => {
    expect(formatDate({ date: '2024-04-19', date_precision: 'day' })).toBe('19 Apr 2024');
    expect(formatDate({ date: '2024-04-01', date_precision: 'month' })).toBe('Apr 2024 (month)');
    expect(formatDate({ date: '2020-01-01', date_precision: 'year' })).toBe('2020 (year)');
    expect(formatDate({ date: null, date_precision: null })).toBe('undated');
    expect(formatActors({ actor: 'Israel', actors: ['Israel', 'Iran'], target: 'Iran' })).toBe('Israel → Iran');
    expect(formatActors({ actor: null, actors: [], target: null })).toBe('no actor named');
  });
});

describe('corpus URL override', () => {
  it('accepts relative same-site .geojson paths only', () => {
    expect(resolveCorpusUrl('?data=bench.geojson').url).toBe('bench.geojson');
    expect(resolveCorpusUrl('').url).toBe('data/corpus.geojson');
    for (const bad of ['https://evil.example/x.geojson', '//evil/x.geojson', '../x.geojson', '/etc/passwd', 'javascript:alert(1)']) {
      const r = resolveCorpusUrl(`?data=${encodeURIComponent(bad)}`);
      expect(r.url).toBe('data/corpus.geojson');
      expect(r.note).toMatch(/Ignored/);
    }
  });
});
