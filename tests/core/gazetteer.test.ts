import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGazetteerJson, validateGazetteer, GazetteerError } from '../../src/core/geoparser/gazetteer/validate.ts';
import { nameKey } from '../../src/core/geoparser/text/normalize.ts';
import { realIndex } from '../helpers/index.ts';

const file = join(import.meta.dirname, '../../data/gazetteer.json');
const raw = readFileSync(file, 'utf8');
const good = () => JSON.parse(raw) as { version: 1; places: Record<string, unknown>[]; routes: Record<string, unknown>[] };

describe('data/gazetteer.json', () => {
  it('validates and covers the seeds and the region', () => {
    const g = parseGazetteerJson(raw, 'data/gazetteer.json');
    expect(g.places.length).toBeGreaterThan(150);
    const ids = new Set(g.places.map((p) => p.id));
    for (const id of ['isfahan', 'isfahan-province', 'erbil', 'erbil-international-airport', 'erbil-air-base', 'ain-al-asad-air-base',
      'baghdad-international-airport', 'damascus', 'lahore', 'karachi', 'islamabad', 'nawabshah', 'south-pars-gas-field', 'asaluyeh',
      'sistan-balochistan', 'northern-israel', 'iranshahr', 'gwadar', 'natanz', 'fordow', 'al-udeid-air-base']) {
      expect(ids.has(id), id).toBe(true);
    }
    for (const p of g.places) expect(p.source.length, p.id).toBeGreaterThan(3);
  });

  it('resolves transliteration variants to one entry', () => {
    const index = realIndex();
    const first = (name: string) => index.names.get(nameKey(name))?.[0]?.id;
    for (const v of ['Ein al-Assad', 'Ain al-Asad', 'Ayn al-Asad', 'Al Asad Airbase', 'Ein Al-Assad']) expect(first(v), v).toBe('ain-al-asad-air-base');
    for (const v of ['Erbil', 'Arbil', 'Irbil', 'Hawler']) expect(first(v), v).toBe('erbil');
    for (const v of ['Isfahan', 'Esfahan']) expect(first(v), v).toBe('isfahan');
  });
});

describe('validateGazetteer errors name the entry and the field', () => {
  const mutate = (f: (g: ReturnType<typeof good>) => void) => {
    const g = good();
    f(g);
    return () => validateGazetteer(g, 'gaz.json');
  };
  it('invalid JSON', () => {
    expect(() => parseGazetteerJson('{"places": [', 'gaz.json')).toThrow(/^gaz\.json: invalid JSON/);
  });
  it('a missing field', () => {
    expect(mutate((g) => { delete g.places[3]!.lat; })).toThrow(new RegExp(`place "${good().places[3]!.id}" \\(places\\[3\\]\\): lat`));
  });
  it('lat 123', () => {
    expect(mutate((g) => { g.places[0]!.lat = 123; })).toThrow(/places\[0\]\): lat: .*123/);
  });
  it('lon "abc"', () => {
    expect(mutate((g) => { g.places[1]!.lon = 'abc'; })).toThrow(/places\[1\]\): lon: .*"abc"/);
  });
  it('a duplicate id', () => {
    expect(mutate((g) => { g.places[2]!.id = g.places[0]!.id; })).toThrow(/places\[2\]\): id: duplicate id/);
  });
  it('an unknown reference', () => {
    expect(mutate((g) => { g.places[0]!.parent = 'atlantis'; })).toThrow(/parent: unknown place id "atlantis"/);
  });
  it('errors are one line', () => {
    try {
      mutate((g) => { g.places[0]!.kind = 'castle'; })();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GazetteerError);
      expect((e as Error).message).not.toContain('\n');
    }
  });
});
