/**
 * A first-level division's point from its polygons (data/world/admin1-points.tsv): the centre of
 * area of its parts, found by GeoNames id, else by name, else by the coarser region the finer
 * polygons belong to.
 */
import { describe, it, expect } from 'vitest';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { admin1PointsFrom, areaCentre, type NaturalEarthAdmin1Properties } from '../../../src/core/geoparser/gazetteer/worldBuild.ts';

/** A square of `size` degrees with its south-west corner at (lat, lon). */
const square = (lat: number, lon: number, size: number): Polygon['coordinates'] =>
  [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]];
const polygon = (coordinates: Polygon['coordinates']): Polygon => ({ type: 'Polygon', coordinates });
const multi = (...parts: Polygon['coordinates'][]): MultiPolygon => ({ type: 'MultiPolygon', coordinates: parts });
const ne = (properties: Partial<NaturalEarthAdmin1Properties>, geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon, NaturalEarthAdmin1Properties> =>
  ({ type: 'Feature', properties: { iso_a2: 'XX', ...properties }, geometry });

describe('areaCentre', () => {
  it('weights each part by its area, so a large mainland outweighs a small island', () => {
    // A 4°×4° mainland centred on (2, 2) and a 1°×1° island centred on (10.5, 10.5).
    const c = areaCentre([multi(square(0, 0, 4), square(10, 10, 1))])!;
    expect(c.lat).toBeGreaterThan(2.2);
    expect(c.lat).toBeLessThan(3);
    // The plain mean of the two parts' centres would be at 6.25.
    expect(c.lon).toBeLessThan(3);
  });

  it('keeps a division that straddles the antimeridian on it, not in the opposite ocean', () => {
    const c = areaCentre([multi(square(-18, 178, 1), square(-18, -180, 1))])!;
    expect(Math.abs(c.lon)).toBeGreaterThan(178.9);
    expect(c.lat).toBeCloseTo(-17.5, 1);
  });

  it('has no centre without area', () => {
    expect(areaCentre([])).toBeNull();
  });
});

describe('admin1PointsFrom', () => {
  const table = [
    '# provenance',
    'XX\t01\tNorthland\t\tXX-N\t111',
    'XX\t02\tSouthland Province\tSouthland\tXX-S\t222',
    'XX\t03\tEastern Region\t\tXX-E\t333',
    'XX\t04\tNowhere\t\tXX-W\t444',
  ].join('\n');
  const features = [
    // Northland by its GeoNames id, although Natural Earth spells it otherwise.
    ne({ gn_id: 111, name: 'Nordland' }, polygon(square(10, 0, 2))),
    // Southland by name (its id is missing), under the short form GeoNames uses.
    ne({ gn_id: -1, name: 'Southland' }, polygon(square(-10, 0, 2))),
    // Eastern Region drawn as two finer districts that carry its name as their region.
    ne({ gn_id: 901, name: 'East One', region: 'Eastern' }, polygon(square(0, 20, 2))),
    ne({ gn_id: 902, name: 'East Two', region: 'Eastern' }, polygon(square(0, 22, 2))),
    // Another country's polygon of the same name is not Southland's.
    ne({ iso_a2: 'YY', name: 'Southland' }, polygon(square(40, 40, 2))),
  ];
  const lines = admin1PointsFrom({ features }, table, 'test provenance').trim().split('\n');
  const point = (code: string) => lines.find((l) => l.startsWith(`XX\t${code}\t`))?.split('\t');

  it('starts with its provenance', () => {
    expect(lines[0]).toBe('# test provenance');
  });

  it('joins by GeoNames id, else by name, else by region, and centres each on its polygons', () => {
    expect(point('01')).toEqual(['XX', '01', '11.000', '1.000', 'id']);
    expect(point('02')).toEqual(['XX', '02', '-9.000', '1.000', 'name']);
    const east = point('03')!;
    expect(east[4]).toBe('region');
    expect(Number(east[2])).toBeCloseTo(1, 1);
    expect(Number(east[3])).toBeCloseTo(22, 1);
  });

  it('writes no point for a division no polygon names', () => {
    expect(point('04')).toBeUndefined();
    expect(lines).toHaveLength(4);
  });
});
