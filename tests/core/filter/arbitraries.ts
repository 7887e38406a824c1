import fc from 'fast-check';
import { EVENT_KINDS, GEO_PRECISIONS, type NewsmapFeature } from '../../../src/core/geoparser/geojson/schema.ts';
import { ACTOR_ROLES, type FilterState } from '../../../src/core/engine/filter/filterState.ts';
import { EVENT_TYPES } from '../../../src/core/geoparser/events/eventVocabulary.ts';

export const ACTORS = ['Iran', 'Israel', 'United States', 'Pakistan', 'Hezbollah'];
/** Two of ACLED's types, one it does not have (an import may bring any string), and none. */
export const EVENT_TYPE_VALUES = ['Battles', 'Explosions/Remote violence', 'Riots', 'Custom type'];

const day = fc
  .date({ min: new Date('2013-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const coord = fc.tuple(fc.double({ min: 30, max: 70, noNaN: true }), fc.double({ min: 12, max: 40, noNaN: true }));

export const featureArb: fc.Arbitrary<NewsmapFeature> = fc
  .record({
    n: fc.nat(1_000_000),
    kind: fc.constantFrom(...EVENT_KINDS),
    date: fc.option(day, { nil: null }),
    actors: fc.uniqueArray(fc.constantFrom(...ACTORS), { maxLength: 3 }),
    // Who did it and to whom: often the first two actors named, sometimes unknown, and a target
    // may be a stranger no feature names (the "by"/"against" filter must not trip over either).
    initiatorKnown: fc.boolean(),
    target: fc.constantFrom('second', 'none', 'stranger'),
    title: fc.string({ maxLength: 20 }),
    quote: fc.string({ maxLength: 40 }),
    point: coord,
    precision: fc.constantFrom(...GEO_PRECISIONS),
    line: fc.array(coord, { minLength: 2, maxLength: 4 }),
    origin: fc.option(coord, { nil: null }),
    // undefined: a feature from before issue 11 carries no event_type at all.
    // A pipeline is built, planned or (an old export) says nothing; only a built one is timeless.
    status: fc.option(fc.constantFrom('built' as const, 'planned' as const), { nil: undefined }),
    eventType: fc.option(fc.option(fc.constantFrom(...EVENT_TYPE_VALUES), { nil: null }), { nil: undefined }),
  })
  .map((r): NewsmapFeature => ({
    type: 'Feature',
    id: `a:${r.n}`,
    geometry: r.kind === 'pipeline' ? { type: 'LineString', coordinates: r.line } : { type: 'Point', coordinates: r.point },
    properties: {
      kind: r.kind,
      title: r.title,
      date: r.date,
      date_precision: r.date === null ? null : 'day',
      actor: r.initiatorKnown ? (r.actors[0] ?? null) : null,
      actors: r.actors,
      target: r.target === 'second' ? (r.actors[1] ?? null) : r.target === 'stranger' ? 'Nobody named' : null,
      origin: r.kind === 'strike' ? r.origin : null,
      place_id: 'p',
      place_name: 'Somewhere',
      country: 'IR',
      geo_precision: r.precision,
      mention: 'x',
      span: [0, 1],
      quote: r.quote,
      article_id: 'a',
      article_title: 'An article',
      published: '2024-04-21',
      confidence: 0.5,
      ...(r.kind === 'pipeline' && r.status !== undefined ? { status: r.status } : {}),
      ...(r.eventType === undefined ? {} : { event_type: r.eventType, sub_event_type: r.eventType === null ? null : 'x', fatalities: null }),
    },
  }));

/** Unique ids, like a real corpus. */
export const corpusArb = fc.uniqueArray(featureArb, { selector: (f) => f.id, maxLength: 40 });

export const filterArb: fc.Arbitrary<FilterState> = fc.record({
  from: fc.option(day, { nil: null }),
  to: fc.option(day, { nil: null }),
  actors: fc.option(fc.uniqueArray(fc.constantFrom(...ACTORS), { minLength: 1 }), { nil: null }),
  actorRole: fc.constantFrom(...ACTOR_ROLES),
  kinds: fc.uniqueArray(fc.constantFrom(...EVENT_KINDS)).map((ks) => EVENT_KINDS.filter((k) => ks.includes(k))),
  // A filter asks for ACLED's types only (what the URL accepts), in the vocabulary's order.
  eventTypes: fc.option(fc.uniqueArray(fc.constantFrom(...EVENT_TYPES)).map((ts) => EVENT_TYPES.filter((t) => ts.includes(t))), { nil: null }),
  precisions: fc.uniqueArray(fc.constantFrom(...GEO_PRECISIONS)).map((ps) => GEO_PRECISIONS.filter((p) => ps.includes(p))),
  q: fc.oneof(fc.constant(''), fc.string({ maxLength: 3 })),
  undated: fc.boolean(),
});
