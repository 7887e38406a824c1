import { describe, it, expect, beforeAll } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from '../../src/core/geoparser/parseArticle.ts';
import type { NewsmapFeature } from '../../src/core/geoparser/geojson/schema.ts';
import type { PlaceIndex } from '../../src/core/geoparser/gazetteer/placeIndex.ts';
import { realIndex } from '../helpers/index.ts';

/**
 * Articles written for these tests (not the seeds): other events, places, spellings and
 * metonyms. Each has an .expected.json a human analyst wrote before running the engine.
 */
interface Expectation {
  kind: string;
  place_id: string;
  actor?: string | null;
  date?: string | null;
  date_precision?: string | null;
  /** ACLED's vocabulary (issue 11): checked when given. */
  event_type?: string | null;
  sub_event_type?: string | null;
  fatalities?: number | null;
  /** Either way: not tested. */
  optional?: boolean;
  /**
   * A known miss, with the reason. Run as an expected failure: when the engine starts to get
   * it right the test fails, and the flag must go.
   */
  pending?: string;
}
interface Fixture {
  id: string;
  title: string;
  published: string;
  expect: Expectation[];
  /** Phrases of the text in which no feature may fall: metonyms ("Tehran denied") and demonyms. */
  not_plotted: string[];
  /** Phrases of the text in which no strike may fall: background, diplomacy, aid (issue 11). */
  no_strike?: string[];
  /** Every strike lies in one of these countries (ISO codes); [] = the article reports no strike. */
  strike_countries?: string[];
  /** Actors that initiate no strike in this article: speakers, victims, the country attacked. */
  not_actors?: string[];
  /**
   * Checks known to fail, with the reason: "not_plotted:PHRASE", "no_strike:PHRASE",
   * "strike_countries" or "not_actors". They run as expected failures, like pending expectations.
   */
  pending_checks?: Record<string, string>;
}

const dir = join(import.meta.dirname, '../fixtures/articles');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.expected.json')).map((f) => {
  const fixture = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture;
  return { fixture, text: readFileSync(join(dir, f.replace('.expected.json', '.txt')), 'utf8') };
});

const CHECKED = ['actor', 'date', 'date_precision', 'event_type', 'sub_event_type', 'fatalities'] as const;

function matches(f: NewsmapFeature, e: Expectation): boolean {
  const p = f.properties as Record<string, unknown>;
  if (p.kind !== e.kind || p.place_id !== e.place_id) return false;
  // An absent ACLED property reads as null: bases and places carry none.
  return CHECKED.every((k) => !(k in e) || (p[k] ?? null) === e[k]);
}

function describeFeature(f: NewsmapFeature): string {
  const p = f.properties;
  return `${p.kind} ${p.place_id} actor=${p.actor} date=${p.date}/${p.date_precision} type=${p.event_type ?? '-'}/${p.sub_event_type ?? '-'} dead=${p.fatalities ?? '-'} "${p.mention}"`;
}

/** Spans of the features that fall inside a phrase of the text (every occurrence of it). */
function inside(text: string, phrase: string, features: NewsmapFeature[]): string[] {
  const hits: string[] = [];
  for (let start = text.indexOf(phrase); start >= 0; start = text.indexOf(phrase, start + 1)) {
    for (const f of features) {
      const [s, e] = f.properties.span;
      if (s < start + phrase.length && e > start) hits.push(text.slice(s, e));
    }
  }
  return hits;
}

describe('generalisation fixtures', () => {
  let index: PlaceIndex;
  beforeAll(() => { index = realIndex(); });

  it('has at least three articles of our own', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(3);
  });

  for (const { fixture, text } of fixtures) {
    describe(fixture.id, () => {
      let cached: NewsmapFeature[] | undefined;
      const features = () => (cached ??= parseArticle({ id: fixture.id, title: fixture.title, published: fixture.published, text }, index).collection.features);
      const strikes = () => features().filter((f) => f.properties.kind === 'strike');
      // A check known to fail runs as an expected failure, like a pending expectation.
      const check = (key: string, name: string, body: () => void) => (fixture.pending_checks?.[key] ? it.fails(`${name} (pending: ${fixture.pending_checks[key]})`, body) : it(name, body));

      for (const e of fixture.expect.filter((x) => !x.optional)) {
        const name = `finds ${e.kind} at ${e.place_id}${'actor' in e ? ` by ${e.actor}` : ''}${'date' in e ? ` on ${e.date}` : ''}${'sub_event_type' in e ? ` (${e.sub_event_type})` : ''}${'fatalities' in e ? `, ${e.fatalities} dead` : ''}`;
        const body = () => {
          const fs = features();
          expect(fs.some((f) => matches(f, e)), `got:\n${fs.map(describeFeature).join('\n')}`).toBe(true);
        };
        if (e.pending) it.fails(`${name} (pending: ${e.pending})`, body);
        else it(name, body);
      }

      for (const phrase of fixture.not_plotted) {
        check(`not_plotted:${phrase}`, `plots nothing in "${phrase}"`, () => {
          expect(text.includes(phrase), `phrase "${phrase}" is in the text`).toBe(true);
          expect(inside(text, phrase, features())).toEqual([]);
        });
      }

      for (const phrase of fixture.no_strike ?? []) {
        check(`no_strike:${phrase}`, `makes no strike in "${phrase}"`, () => {
          expect(text.includes(phrase), `phrase "${phrase}" is in the text`).toBe(true);
          expect(inside(text, phrase, strikes())).toEqual([]);
        });
      }

      if (fixture.strike_countries) {
        const allowed = fixture.strike_countries;
        check('strike_countries', allowed.length ? `plots strikes only in ${allowed.join(', ')}` : 'plots no strike: the article reports none', () => {
          const outside = strikes().filter((f) => !allowed.includes(f.properties.country));
          expect(outside.map(describeFeature)).toEqual([]);
        });
      }

      if (fixture.not_actors?.length) {
        check('not_actors', `takes none of ${fixture.not_actors.join(', ')} for an initiator`, () => {
          const wrong = strikes().filter((f) => fixture.not_actors!.includes(f.properties.actor ?? ''));
          expect(wrong.map(describeFeature)).toEqual([]);
        });
      }

      it('gives every strike an ACLED event type, and nothing else one', () => {
        for (const f of features()) {
          const p = f.properties;
          if (p.kind === 'strike') {
            expect(p.event_type, describeFeature(f)).toEqual(expect.any(String));
            expect(p.sub_event_type, describeFeature(f)).toEqual(expect.any(String));
          } else {
            expect(p.event_type ?? null, describeFeature(f)).toBeNull();
            expect(p.fatalities ?? null, describeFeature(f)).toBeNull();
          }
        }
      });
    });
  }
});
