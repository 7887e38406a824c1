import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateGazetteer } from '../../src/core/geoparser/gazetteer/validate.ts';
import { PlaceIndex } from '../../src/core/geoparser/gazetteer/placeIndex.ts';
import { parseArticle } from '../../src/core/geoparser/parseArticle.ts';

/** Hardening matrix: an alias shared by two entries is allowed and resolved deterministically. */
const base = JSON.parse(readFileSync(join(import.meta.dirname, '../../data/gazetteer.json'), 'utf8'));

function withSharedAlias(order: 'as-is' | 'reversed') {
  const g = structuredClone(base);
  const add = (id: string, country: string, lat: number, lon: number, population: number) => g.places.push({
    id, name: id, aliases: ['Kafr Zeta'], kind: 'city', country, lat, lon, precision: 'city', source: 'test', population,
  });
  add('kafr-zeta-sy', 'SY', 35.37, 36.6, 20_000);
  add('kafr-zeta-lb', 'LB', 33.9, 35.8, 5_000);
  if (order === 'reversed') g.places.reverse();
  return PlaceIndex.build(validateGazetteer(g, 'test.json'));
}

const article = (text: string) => ({ id: 'a', title: 't', published: '2024-04-21', text });

describe('an alias shared by two entries', () => {
  it('validates', () => {
    expect(() => withSharedAlias('as-is')).not.toThrow();
  });

  it('resolves the same way whatever the order of the entries', () => {
    for (const text of ['Shelling hit Kafr Zeta on Friday.', 'Shelling hit Kafr Zeta in Lebanon on Friday.', 'Shelling hit Kafr Zeta, Lebanon on Friday.']) {
      const a = parseArticle(article(text), withSharedAlias('as-is')).collection.features.map((f) => f.properties.place_id);
      const b = parseArticle(article(text), withSharedAlias('reversed')).collection.features.map((f) => f.properties.place_id);
      expect(a, text).toEqual(b);
    }
  });

  it('takes the larger place without context, and the context when there is one', () => {
    const idx = withSharedAlias('as-is');
    const first = (text: string) => parseArticle(article(text), idx).collection.features[0]!.properties;
    expect(first('Shelling hit Kafr Zeta on Friday.').place_id).toBe('kafr-zeta-sy');
    expect(first('Shelling hit Kafr Zeta, Lebanon on Friday.').place_id).toBe('kafr-zeta-lb');
    expect(first('Shelling hit Kafr Zeta, Lebanon on Friday.').confidence).toBeLessThan(0.95);
  });
});
