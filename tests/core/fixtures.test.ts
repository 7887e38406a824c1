import { describe, it, expect, beforeAll } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from '../../src/core/parseArticle.ts';
import type { NewsmapFeature } from '../../src/core/geojson/schema.ts';
import type { PlaceIndex } from '../../src/core/gazetteer/placeIndex.ts';
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
  optional?: boolean;
}
interface Fixture {
  id: string;
  title: string;
  published: string;
  expect: Expectation[];
  /** Phrases of the text in which no feature may fall: metonyms ("Tehran denied") and demonyms. */
  not_plotted: string[];
}

const dir = join(import.meta.dirname, '../fixtures/articles');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.expected.json')).map((f) => {
  const fixture = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture;
  return { fixture, text: readFileSync(join(dir, f.replace('.expected.json', '.txt')), 'utf8') };
});

function matches(f: NewsmapFeature, e: Expectation): boolean {
  const p = f.properties;
  if (p.kind !== e.kind || p.place_id !== e.place_id) return false;
  if ('actor' in e && p.actor !== e.actor) return false;
  if ('date' in e && p.date !== e.date) return false;
  if ('date_precision' in e && p.date_precision !== e.date_precision) return false;
  return true;
}

function describeFeature(f: NewsmapFeature): string {
  const p = f.properties;
  return `${p.kind} ${p.place_id} actor=${p.actor} date=${p.date}/${p.date_precision} "${p.mention}"`;
}

describe('generalisation fixtures', () => {
  let index: PlaceIndex;
  beforeAll(() => { index = realIndex(); });

  it('has at least three articles of our own', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(3);
  });

  for (const { fixture, text } of fixtures) {
    describe(fixture.id, () => {
      const features = () => parseArticle({ id: fixture.id, title: fixture.title, published: fixture.published, text }, index).collection.features;

      for (const e of fixture.expect.filter((x) => !x.optional)) {
        it(`finds ${e.kind} at ${e.place_id}${'actor' in e ? ` by ${e.actor}` : ''}${'date' in e ? ` on ${e.date}` : ''}`, () => {
          const fs = features();
          expect(fs.some((f) => matches(f, e)), `got:\n${fs.map(describeFeature).join('\n')}`).toBe(true);
        });
      }

      it('plots no metonym or demonym', () => {
        const spans = features().map((f) => f.properties.span);
        for (const phrase of fixture.not_plotted) {
          const start = text.indexOf(phrase);
          expect(start, `phrase "${phrase}" is in the text`).toBeGreaterThanOrEqual(0);
          const inside = spans.filter(([s, e]) => s < start + phrase.length && e > start);
          expect(inside.map(([s, e]) => text.slice(s, e)), phrase).toEqual([]);
        }
      });
    });
  }
});
