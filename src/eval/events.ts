/**
 * Event-level metrics (issue 11): precision and recall of strikes against the analyst-coded
 * fixture articles (tests/fixtures/articles/NAME.txt + NAME.expected.json), per fixture and
 * overall, with every error listed by category.
 *
 * An emitted strike matches an expected one when all three are right:
 * - the place: the same gazetteer id, or a point within 25 km of the expected place, or both
 *   country-level points of the same country (ids of countries differ between the gazetteer's
 *   layers, their centroids by more than 25 km);
 * - the initiator: `actor` equal to the expectation's (null included), when it gives one;
 * - the day: `date` and `date_precision` equal to the expectation's, when it gives them.
 *
 * Expectations marked `optional` are "either way": a strike matching one counts neither for
 * nor against. Expectations marked `pending` (known misses, see tests/core/fixtures.test.ts)
 * count like any other: the metric must show what is still missed.
 *
 * @example
 * const report = evaluateEvents(readEventFixtures('tests/fixtures/articles'), loadIndex());
 * console.log(renderEvents(report));
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { distance, point } from '@turf/turf';
import { parseArticle } from '../core/geoparser/parseArticle.ts';
import type { PlaceIndex } from '../core/geoparser/gazetteer/placeIndex.ts';
import type { NewsmapFeature } from '../core/geoparser/geojson/schema.ts';

/** How far an emitted point may lie from the expected place and still be "the right place". */
export const PLACE_TOLERANCE_KM = 25;
/**
 * A strike with the right initiator and day but the wrong place counts as "wrong place" (the
 * same event, misplaced) when it lies in the same country or within this distance; further
 * away it is another event: a miss plus a spurious strike.
 */
export const NEAR_MISS_KM = 300;

/** One strike an analyst coded from the text. */
export interface ExpectedEvent {
  kind: string;
  place_id: string;
  actor?: string | null;
  date?: string | null;
  date_precision?: string | null;
  optional?: boolean;
  /** A known miss, with the reason: still expected here, run as an expected failure in the tests. */
  pending?: string;
}

export interface EventFixture {
  id: string;
  title: string;
  published: string;
  text: string;
  expect: ExpectedEvent[];
}

/** What scoring needs of an emitted strike. */
export interface EmittedEvent {
  place_id: string;
  lat: number;
  lon: number;
  country: string;
  geo_precision: string;
  actor: string | null;
  date: string | null;
  date_precision: string | null;
  mention: string;
}

/** Where an expected place lies, from the gazetteer; null when the gazetteer has no such id. */
export type PlaceLookup = (id: string) => { lat: number; lon: number; country: string; precision: string } | null;

export const EVENT_ERROR_CATEGORIES = ['missed', 'place', 'initiator', 'date', 'spurious'] as const;
export type EventErrorCategory = (typeof EVENT_ERROR_CATEGORIES)[number];

export const EVENT_ERROR_LABELS: Record<EventErrorCategory, string> = {
  missed: 'missed event (no strike at or near the place)',
  place: 'wrong place (same initiator and day, another place in the same country or within 300 km)',
  initiator: 'wrong or missing initiator (right place)',
  date: 'wrong or missing date (right place and initiator)',
  spurious: 'spurious event (a strike at no expected event)',
};

export interface EventError {
  fixture: string;
  category: EventErrorCategory;
  detail: string;
}

export interface EventScore {
  expected: number;
  emitted: number;
  /** Emitted strikes matching an optional expectation: not counted either way. */
  ignored: number;
  matched: number;
  precision: number | null;
  recall: number | null;
}

export interface FixtureEventScore extends EventScore {
  fixture: string;
  errors: EventError[];
}

export interface EventReport {
  fixtures: FixtureEventScore[];
  overall: EventScore;
  /** Expected place ids the gazetteer does not hold (matched by id only). */
  unknownPlaces: string[];
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  return distance(point([a.lon, a.lat]), point([b.lon, b.lat]), { units: 'kilometers' });
}

function placeRight(x: ExpectedEvent, e: EmittedEvent, lookup: PlaceLookup): boolean {
  if (x.place_id === e.place_id) return true;
  const where = lookup(x.place_id);
  if (!where) return false;
  if (where.precision === 'country' && e.geo_precision === 'country') return where.country === e.country;
  return km(where, e) <= PLACE_TOLERANCE_KM;
}

function placeNear(x: ExpectedEvent, e: EmittedEvent, lookup: PlaceLookup): boolean {
  const where = lookup(x.place_id);
  return where !== null && (where.country === e.country || km(where, e) <= NEAR_MISS_KM);
}

const actorRight = (x: ExpectedEvent, e: EmittedEvent) => !('actor' in x) || x.actor === e.actor;
const dateRight = (x: ExpectedEvent, e: EmittedEvent) =>
  (!('date' in x) || x.date === e.date) && (!('date_precision' in x) || x.date_precision === e.date_precision);

function show(e: EmittedEvent): string {
  return `${e.place_id} "${e.mention}" actor=${e.actor ?? 'null'} date=${e.date ?? 'null'}/${e.date_precision ?? '-'}`;
}

function showExpected(x: ExpectedEvent): string {
  const parts = [x.place_id];
  if ('actor' in x) parts.push(`actor=${x.actor ?? 'null'}`);
  if ('date' in x) parts.push(`date=${x.date ?? 'null'}/${x.date_precision ?? '-'}`);
  return parts.join(' ');
}

/**
 * Scores one article's emitted strikes against its expected ones. Pairs are made greedily in
 * the order of the categories: full matches first, then right place (initiator or date
 * wrong), then the same initiator and day nearby (place wrong); what is left is missed or
 * spurious. Each expectation and each emitted strike takes part in at most one pair.
 */
export function scoreFixtureEvents(fixture: string, expectedAll: readonly ExpectedEvent[], emitted: readonly EmittedEvent[], lookup: PlaceLookup): FixtureEventScore {
  const expected = expectedAll.filter((x) => x.kind === 'strike');
  const required = expected.filter((x) => !x.optional);
  const optional = expected.filter((x) => x.optional);
  const used = new Set<number>();
  const errors: EventError[] = [];
  const take = (test: (e: EmittedEvent) => boolean): EmittedEvent | undefined => {
    const k = emitted.findIndex((e, i) => !used.has(i) && test(e));
    if (k < 0) return undefined;
    used.add(k);
    return emitted[k];
  };

  let matched = 0;
  const open: ExpectedEvent[] = [];
  for (const x of required) {
    if (take((e) => placeRight(x, e, lookup) && actorRight(x, e) && dateRight(x, e))) matched++;
    else open.push(x);
  }
  // An optional expectation absorbs a strike at its place whatever its initiator or date.
  let ignored = 0;
  for (const x of optional) if (take((e) => placeRight(x, e, lookup))) ignored++;

  const stillOpen: ExpectedEvent[] = [];
  for (const x of open) {
    const e = take((c) => placeRight(x, c, lookup));
    if (!e) { stillOpen.push(x); continue; }
    const category = actorRight(x, e) ? 'date' : 'initiator';
    errors.push({ fixture, category, detail: `expected ${showExpected(x)}; got ${show(e)}` });
  }
  for (const x of stillOpen) {
    const e = 'actor' in x || 'date' in x ? take((c) => actorRight(x, c) && dateRight(x, c) && placeNear(x, c, lookup)) : undefined;
    if (e) errors.push({ fixture, category: 'place', detail: `expected ${showExpected(x)}; got ${show(e)}` });
    else errors.push({ fixture, category: 'missed', detail: `expected ${showExpected(x)}` });
  }
  emitted.forEach((e, i) => {
    if (!used.has(i)) errors.push({ fixture, category: 'spurious', detail: show(e) });
  });
  const counted = emitted.length - ignored;
  return { fixture, expected: required.length, emitted: emitted.length, ignored, matched, precision: ratio(matched, counted), recall: ratio(matched, required.length), errors };
}

/** The strikes of a parsed article, as scoring needs them. */
export function emittedStrikes(features: readonly NewsmapFeature[]): EmittedEvent[] {
  return features.filter((f) => f.properties.kind === 'strike' && f.geometry.type === 'Point').map((f) => {
    const p = f.properties;
    const [lon, lat] = f.geometry.coordinates as [number, number];
    return { place_id: p.place_id, lat, lon, country: p.country, geo_precision: p.geo_precision, actor: p.actor, date: p.date, date_precision: p.date_precision, mention: p.mention };
  });
}

/** Reads every NAME.expected.json with its NAME.txt from a directory, in name order. */
export function readEventFixtures(dir: string): EventFixture[] {
  return readdirSync(dir).filter((f) => f.endsWith('.expected.json')).sort().map((f) => {
    const data = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<EventFixture, 'text'>;
    const text = readFileSync(join(dir, f.replace(/\.expected\.json$/, '.txt')), 'utf8');
    return { id: data.id, title: data.title, published: data.published, expect: data.expect, text };
  });
}

/** Sums per-fixture scores into the overall figures (micro-averaged: every event weighs the same). */
export function sumScores(scores: readonly EventScore[]): EventScore {
  const t = scores.reduce((a, s) => ({ expected: a.expected + s.expected, emitted: a.emitted + s.emitted, ignored: a.ignored + s.ignored, matched: a.matched + s.matched }), { expected: 0, emitted: 0, ignored: 0, matched: 0 });
  return { ...t, precision: ratio(t.matched, t.emitted - t.ignored), recall: ratio(t.matched, t.expected) };
}

/** Parses every fixture with the real pipeline and scores its strikes. */
export function evaluateEvents(fixtures: readonly EventFixture[], index: PlaceIndex): EventReport {
  const lookup: PlaceLookup = (id) => {
    const p = index.byId.get(id);
    return p ? { lat: p.lat, lon: p.lon, country: p.country, precision: p.precision } : null;
  };
  const scores = fixtures.map((fx) => {
    const { collection } = parseArticle({ id: fx.id, title: fx.title, published: fx.published, text: fx.text }, index);
    return scoreFixtureEvents(fx.id, fx.expect, emittedStrikes(collection.features), lookup);
  });
  const unknownPlaces = [...new Set(fixtures.flatMap((fx) => fx.expect.filter((x) => x.kind === 'strike' && !index.byId.has(x.place_id)).map((x) => x.place_id)))];
  return { fixtures: scores, overall: sumScores(scores), unknownPlaces };
}

const p3 = (x: number | null) => (x === null ? '–' : x.toFixed(3));

/** The report's Markdown section: the overall line, a row per fixture, then the errors by category. */
export function renderEvents(report: EventReport, source: string): string {
  const o = report.overall;
  const row = (name: string, s: EventScore) => `| ${name} | ${s.expected} | ${s.emitted} | ${s.ignored} | ${s.matched} | ${p3(s.precision)} | ${p3(s.recall)} |`;
  const out = [
    `### Events: strikes with the right place (same id or ≤ ${PLACE_TOLERANCE_KM} km), initiator and day (${source}, ${report.fixtures.length} articles)`,
    '',
    `Overall: precision ${p3(o.precision)}, recall ${p3(o.recall)} (${o.matched} of ${o.expected} expected strikes; ${o.emitted} emitted, ${o.ignored} at optional expectations not counted).`,
    '',
    '| fixture | expected | emitted | optional | matched | precision | recall |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...report.fixtures.map((s) => row(s.fixture, s)),
    row('**all**', o),
    '',
    'Errors by category:',
  ];
  const all = report.fixtures.flatMap((s) => s.errors);
  for (const c of EVENT_ERROR_CATEGORIES) {
    const list = all.filter((e) => e.category === c);
    out.push(`- ${EVENT_ERROR_LABELS[c]}: ${list.length}`);
    for (const e of list) out.push(`  - ${e.fixture}: ${e.detail}`);
  }
  if (report.unknownPlaces.length) out.push('', `Expected place ids the gazetteer does not hold (matched by id only): ${report.unknownPlaces.join(', ')}`);
  return out.join('\n');
}
