import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import { parseArticle } from '../../src/core/geoparser/parseArticle.ts';
import { newsmapFeatureSchema } from '../../src/core/geoparser/geojson/schema.ts';
import type { PlaceIndex } from '../../src/core/geoparser/gazetteer/placeIndex.ts';
import { realIndex } from '../helpers/index.ts';

/**
 * Random articles: words that matter to the geoparser (places in several spellings, actors,
 * attack words, dates, punctuation) mixed with arbitrary Unicode. Whatever the input, parsing
 * never throws, every span points at its mention, and every feature fits the schema.
 */
const words = fc.constantFrom(
  'Isfahan', 'Esfahan', 'Ein al-Assad', 'Ayn al-Asad', 'Arbil', 'Erbil airport', 'Tehran', 'Washington', 'Damascus, Syria', 'Tripoli',
  'northern Israel', 'South Pars', 'Nawabshah', 'pipeline', 'Israel', 'Iran’s', 'IRGC', 'US', 'Israeli', 'struck', 'fired missiles at',
  'attack on', 'air base in', 'said', 'warned', 'on Friday', 'on January 8', 'three months after', 'the same week', 'two days later',
  'will travel to', 'in', 'near', 'and', ',', '.', '\n', '\n\n', ';', '“', '”', '—', 'al-', 'that', 'which', 'between',
);
const noise = fc.string({ unit: 'grapheme', maxLength: 12 });
const articleText = fc.array(fc.oneof({ weight: 4, arbitrary: words }, { weight: 1, arbitrary: noise }), { minLength: 1, maxLength: 80 })
  .map((parts) => parts.join(' '));
const published = fc.constantFrom('2024-04-21', '2020', '2024-02', '2013-03-15');

describe('geoparser fuzzing', () => {
  let index: PlaceIndex;
  beforeAll(() => { index = realIndex(); });

  it('never throws; spans point at the mention; features fit the schema (1,000 random articles)', () => {
    fc.assert(fc.property(articleText, published, (text, pub) => {
      const { collection } = parseArticle({ id: 'fuzz', title: 'fuzz', published: pub, text }, index);
      const ids = new Set<string>();
      for (const f of collection.features) {
        const [s, e] = f.properties.span;
        expect(text.slice(s, e)).toBe(f.properties.mention);
        expect(f.properties.quote).toContain(f.properties.mention);
        expect(() => newsmapFeatureSchema.parse(f)).not.toThrow();
        expect(ids.has(f.id)).toBe(false);
        ids.add(f.id);
        if (f.properties.date && pub.length === 4) expect(f.properties.date_precision).not.toBe('week');
      }
    }), { numRuns: 1000 });
  });

  it('dates no event after the publication date unless it is announced', () => {
    fc.assert(fc.property(articleText, (text) => {
      const { collection } = parseArticle({ id: 'fuzz', title: 'fuzz', published: '2024-04-21', text }, index);
      for (const f of collection.features) {
        if (f.properties.kind === 'strike' && f.properties.date && !/\bwill\b/.test(f.properties.quote)) {
          expect(f.properties.date <= '2024-04-21', f.properties.quote).toBe(true);
        }
      }
    }), { numRuns: 1000 });
  });
});
