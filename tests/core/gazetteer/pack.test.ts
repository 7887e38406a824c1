/**
 * The world layer's packed format: what is packed unpacks to the same place, and a damaged line
 * costs that line only.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { KIND_LETTER, altNames, demonymLookup, packWorldRows, unpackBroadPlaces, type WorldKind, type WorldRow } from '../../../src/core/geoparser/gazetteer/broad.ts';
import { latinAltNames } from '../../../src/core/geoparser/gazetteer/worldBuild.ts';

const KINDS = Object.keys(KIND_LETTER) as WorldKind[];
/** A name as the builder writes it: no field or list separator, no line break, trimmed, not empty. */
const name = fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.replace(/[\t\n\r|]/g, ' ').trim()).filter((s) => s.length > 0);
const row: fc.Arbitrary<WorldRow> = fc.record({
  id: fc.oneof(fc.nat().map((n) => `geonames:${n}`), fc.stringMatching(/^(state|adm1|county|country|region):[A-Za-z0-9.-]{1,10}$/)),
  name,
  altNames: fc.array(name, { maxLength: 4 }),
  country: fc.oneof(fc.constant(''), fc.stringMatching(/^[A-Z]{2}$/)),
  admin1: fc.oneof(fc.constant(''), name),
  kind: fc.constantFrom(...KINDS),
  fcode: fc.stringMatching(/^[A-Z0-9]{0,5}$/),
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
  lon: fc.double({ min: -180, max: 180, noNaN: true }),
  population: fc.nat(),
  demonyms: fc.array(name, { maxLength: 2 }),
});

describe('packWorldRows / unpackBroadPlaces', () => {
  it('round-trips every field (coordinates to 3 decimals)', () => {
    fc.assert(fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
      const places = unpackBroadPlaces(packWorldRows(rows));
      expect(places).toHaveLength(rows.length);
      places.forEach((p, i) => {
        const r = rows[i]!;
        expect(p.id).toBe(r.id);
        expect(p.name).toBe(r.name);
        expect(p.kind).toBe(r.kind);
        expect(p.country).toBe(r.country);
        expect(p.admin1 ?? '').toBe(r.admin1);
        expect(p.fcode ?? '').toBe(r.fcode);
        expect(p.population).toBe(r.population);
        expect(Math.abs(p.lat - r.lat)).toBeLessThanOrEqual(0.0005 + 1e-9);
        expect(Math.abs(p.lon - r.lon)).toBeLessThanOrEqual(0.0005 + 1e-9);
        expect(altNames.get(p) ?? []).toEqual(r.altNames);
        expect(p.precision).toBe(r.kind === 'city' ? 'city' : r.kind === 'country' || r.kind === 'continent' ? 'country' : 'region');
      });
      const lookup = demonymLookup(places);
      for (const [i, p] of places.entries()) if (p.kind === 'country' && rows[i]!.demonyms!.length) expect(lookup.byCountry.get(p.country)).toBeDefined();
    }));
  });

  it('skips malformed lines and keeps the rest', () => {
    const good = packWorldRows([
      { id: 'geonames:1', name: 'Alpha', altNames: [], country: 'AA', admin1: '', kind: 'city', fcode: 'PPL', lat: 1, lon: 2, population: 3 },
      { id: 'country:BB', name: 'Beta', altNames: ['Betania'], country: 'BB', admin1: '', kind: 'country', fcode: 'PCLI', lat: 4, lon: 5, population: 6, demonyms: ['Betan'] },
    ]).split('\n');
    const text = [
      '', 'garbage', good[0], '2\tNo coordinates\t\tAA\t\tc\tPPL\t\t\t1', '3\tBad kind\t\tAA\t\tz\tPPL\t1\t1\t1',
      '4\tOff the globe\t\tAA\t\tc\tPPL\t91\t1\t1', '5\tNot a number\t\tAA\t\tc\tPPL\tabc\t1\t1', '\tNo id\t\tAA\t\tc\tPPL\t1\t1\t1',
      good[1], '6\tTruncated\t\tAA',
    ].join('\n');
    expect(unpackBroadPlaces(text).map((p) => p.name)).toEqual(['Alpha', 'Beta']);
    const beta = unpackBroadPlaces(text)[1]!;
    expect(altNames.get(beta)).toEqual(['Betania']);
    expect(demonymLookup([beta]).byKey.get('betan')).toBe('BB');
  });

  it('a demonym two countries share names neither', () => {
    const text = packWorldRows(['CG', 'CD'].map((cc) => (
      { id: `country:${cc}`, name: cc, altNames: [], country: cc, admin1: '', kind: 'country' as const, fcode: 'PCLI', lat: 0, lon: 0, population: 1, demonyms: ['Congolese'] })));
    const lookup = demonymLookup(unpackBroadPlaces(text));
    expect(lookup.byKey.has('congolese')).toBe(false);
    expect(lookup.byCountry.get('CD')).toEqual(['Congolese']);
  });
});

describe('latinAltNames', () => {
  it('keeps Latin-script names, drops codes, other scripts and folded repeats', () => {
    expect(latinAltNames('Kraków', ['Krakow', 'Cracow', 'KRK', 'Краков', 'Kr', 'Krakau', 'CRACOW', 'Cracovia1', 'ke la ke fu', 'al-Kraka'])).toEqual(['Cracow', 'Krakau', 'al-Kraka']);
    expect(latinAltNames('Sant Julià de Lòria', ['Sant Julia de Loria', "Sant-Julià-de-Lòria", 'San Julià'])).toEqual(['San Julià']);
  });
});
