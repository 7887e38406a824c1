import { describe, expect, it } from 'vitest';
import { renderEvents, scoreFixtureEvents, sumScores, type EmittedEvent, type ExpectedEvent, type PlaceLookup } from '../../src/eval/events.ts';

/** Three places: Kharkiv, a point 20 km east of it, Kyiv, and the country Ukraine. */
const PLACES: Record<string, { lat: number; lon: number; country: string; precision: string }> = {
  kharkiv: { lat: 49.99, lon: 36.23, country: 'UA', precision: 'city' },
  kyiv: { lat: 50.45, lon: 30.52, country: 'UA', precision: 'city' },
  ukraine: { lat: 49.0, lon: 32.0, country: 'UA', precision: 'country' },
};
const lookup: PlaceLookup = (id) => PLACES[id] ?? null;

function emitted(patch: Partial<EmittedEvent>): EmittedEvent {
  return { place_id: 'kharkiv', lat: 49.99, lon: 36.23, country: 'UA', geo_precision: 'city', actor: 'Russia', date: '2024-05-14', date_precision: 'day', mention: 'Kharkiv', ...patch };
}
const expected = (patch: Partial<ExpectedEvent> = {}): ExpectedEvent => ({ kind: 'strike', place_id: 'kharkiv', actor: 'Russia', date: '2024-05-14', date_precision: 'day', ...patch });

describe('event metrics (issue 11)', () => {
  it('matches the right place by id, within 25 km, or as the same country', () => {
    expect(scoreFixtureEvents('f', [expected()], [emitted({})], lookup).matched).toBe(1);
    // 20 km east of Kharkiv, under another id: the same place.
    expect(scoreFixtureEvents('f', [expected()], [emitted({ place_id: 'geonames:1', lon: 36.5 })], lookup).matched).toBe(1);
    // 40 km away: not the place.
    expect(scoreFixtureEvents('f', [expected()], [emitted({ place_id: 'geonames:1', lon: 36.8 })], lookup).matched).toBe(0);
    // Two layers' ids of one country, their centroids far apart.
    expect(scoreFixtureEvents('f', [expected({ place_id: 'ukraine' })], [emitted({ place_id: 'country:UA', lat: 48.4, lon: 31.2, geo_precision: 'country' })], lookup).matched).toBe(1);
  });

  it('needs the initiator and the day too, and files each error under its category', () => {
    const score = scoreFixtureEvents('f', [
      expected(),
      expected({ place_id: 'kyiv' }),
      expected({ place_id: 'kyiv', actor: 'Ukraine', date: '2024-05-12' }),
    ], [
      emitted({ actor: null }),
      emitted({ place_id: 'kyiv', lat: 50.45, lon: 30.52, date: '2024-05-01', date_precision: 'month' }),
      emitted({ place_id: 'odesa', lat: 46.48, lon: 30.72, actor: 'Ukraine', date: '2024-05-12' }),
    ], lookup);
    expect(score.matched).toBe(0);
    expect(score.errors.map((e) => e.category).sort()).toEqual(['date', 'initiator', 'place']);
    expect([score.precision, score.recall]).toEqual([0, 0]);
  });

  it('counts misses, spurious strikes and optional expectations apart', () => {
    const score = scoreFixtureEvents('f', [
      expected(),
      expected({ place_id: 'kyiv', actor: 'Russia', date: '2024-05-13' }),
      expected({ place_id: 'ukraine', optional: true }),
      { kind: 'base', place_id: 'kyiv' },
    ], [
      emitted({}),
      emitted({ place_id: 'ukraine', lat: 49, lon: 32, geo_precision: 'country', actor: null }),
      emitted({ place_id: 'gaza', lat: 31.5, lon: 34.45, country: 'PS', actor: 'Israel' }),
    ], lookup);
    expect([score.expected, score.emitted, score.ignored, score.matched]).toEqual([2, 3, 1, 1]);
    expect(score.precision).toBe(0.5);
    expect(score.recall).toBe(0.5);
    expect(score.errors.map((e) => e.category).sort()).toEqual(['missed', 'spurious']);
  });

  it('sums fixtures event by event, and renders every error under its category', () => {
    const a = scoreFixtureEvents('a', [expected()], [emitted({})], lookup);
    const b = scoreFixtureEvents('b', [expected(), expected({ place_id: 'kyiv' })], [], lookup);
    const all = sumScores([a, b]);
    expect([all.expected, all.matched, all.recall, all.precision]).toEqual([3, 1, 1 / 3, 1]);
    const text = renderEvents({ fixtures: [a, b], overall: all, unknownPlaces: ['nowhere'] }, 'tests/fixtures/articles');
    expect(text).toMatch(/precision 1\.000, recall 0\.333/);
    expect(text).toMatch(/- missed event .*: 2\n  - b: expected kharkiv/);
    expect(text).toMatch(/gazetteer does not hold .*: nowhere/);
    // No strike expected and none emitted: nothing to divide.
    expect(scoreFixtureEvents('c', [], [], lookup)).toMatchObject({ precision: null, recall: null });
  });
});
