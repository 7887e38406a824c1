import { describe, expect, it } from 'vitest';
import { buildActorPalette, featureColour, NO_ACTOR_COLOUR, OTHER_ACTOR_COLOUR, PLACE_COLOUR, UNCERTAINTY_RADIUS_M } from '../../src/app/map/symbols.ts';
import { legendActors } from '../../src/app/map/Legend.tsx';
import { actorColour, getLexicon } from '../../src/core/geoparser/events/lexicon.ts';
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
    expect(featureColour({ ...strike.properties, actor: 'Atlantis', actors: ['Atlantis'] }, palette)).toBe(OTHER_ACTOR_COLOUR);
  });

  it('never colours a strike by an actor who is not its initiator', () => {
    const palette = buildActorPalette(['Turkey', 'Russia']);
    const strike = corpus.features.find((f) => f.properties.kind === 'strike')!;
    expect(featureColour({ ...strike.properties, actor: null, actors: ['Turkey', 'Russia'], target: null }, palette)).toBe(NO_ACTOR_COLOUR);
    expect(featureColour({ ...strike.properties, actor: null, actors: ['Turkey', 'Russia'], target: 'Russia' }, palette)).toBe(NO_ACTOR_COLOUR);
  });

  it("gives every actor the lexicon's own colour, whatever the corpus's order or size, and unknown actors one shared colour", () => {
    const actors = getLexicon().actors.map((a) => a.name);
    const colours = actors.map((a) => actorColour(a));
    for (const c of colours) expect(c).toMatch(/^#[0-9a-f]{6}$/i);
    // No two actors share a colour, and none looks like "unknown" or "other".
    const set = new Set(colours.map((c) => c!.toLowerCase()));
    expect(set.size).toBe(actors.length);
    for (const reserved of [NO_ACTOR_COLOUR, OTHER_ACTOR_COLOUR, PLACE_COLOUR]) expect(set.has(reserved.toLowerCase())).toBe(false);
    const a = buildActorPalette(actors);
    const b = buildActorPalette([...actors].reverse().concat('Atlantis'));
    for (const actor of actors) expect(b.get(actor)).toBe(a.get(actor));
    expect(b.get('Israel')).toBe(actorColour('Israel'));
    expect(b.get('Atlantis')).toBe(OTHER_ACTOR_COLOUR);
    // The legend: one swatch per known actor, the others once, together.
    const legend = legendActors(['Israel', 'Atlantis', 'Iran', 'Lilliput'], b);
    expect(legend.own.map((o) => o.actor)).toEqual(['Israel', 'Iran']);
    expect(legend.others).toEqual(['Atlantis', 'Lilliput']);
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
    // An unknown initiator stays unknown: never the first actor named, often the victim.
    expect(formatActors({ actor: null, actors: ['Turkey', 'Russia'], target: null })).toBe('initiator unknown; involved: Turkey, Russia');
    expect(formatActors({ actor: null, actors: ['Turkey', 'Russia'], target: 'Russia' })).toBe('initiator unknown → Russia; involved: Turkey, Russia');
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
