import { describe, it, expect } from 'vitest';
import { importGeoJson, ImportError } from '../../src/core/engine/import/importGeoJson.ts';

/**
 * Hardening matrix, GeoJSON import rows: each bad file is refused as a whole (nothing partial
 * is kept) with one line naming the first problem. Properties with HTML stay text.
 */
describe('hardening: GeoJSON import', () => {
  const refusals: [string, string, RegExp][] = [
    ['not JSON', '{"type": "FeatureCollection",', /^f\.geojson: not JSON/],
    ['a Feature instead of a FeatureCollection', '{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{}}', /single Feature; expected a FeatureCollection/],
    ['a crs member', '{"type":"FeatureCollection","crs":{"type":"name"},"features":[]}', /"crs" member/],
    ['swapped lat/lon', '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[33.3,144.4]},"properties":{}}]}', /features\[0\]\.geometry\.coordinates: \[33\.3, 144\.4\] looks swapped/],
    ['non-finite coordinates', '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":["NaN",1]},"properties":{}}]}', /not a pair of finite numbers/],
    ['a polygon', '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[]},"properties":{}}]}', /"Polygon" is not supported/],
  ];
  for (const [what, input, message] of refusals) {
    it(`refuses ${what} as a whole, naming the first problem`, () => {
      expect(() => importGeoJson(input, 'f.geojson')).toThrow(ImportError);
      expect(() => importGeoJson(input, 'f.geojson')).toThrow(message);
    });
  }

  it('imports 200,000 points with progress reports', () => {
    const features = Array.from({ length: 200_000 }, (_, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [30 + (i % 40), 12 + (i % 28)] }, properties: { name: `p${i}` } }));
    const progress: number[] = [];
    const r = importGeoJson(JSON.stringify({ type: 'FeatureCollection', features }), 'big.geojson', (f) => progress.push(f));
    expect(r.features).toHaveLength(200_000);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress[progress.length - 1]).toBe(1);
  });

  it('keeps HTML in foreign properties as plain strings', () => {
    const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const json = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [35.5, 33.9] }, properties: { name: payload, description: payload } }] });
    const f = importGeoJson(json, 'x.geojson').features[0]!;
    expect(f.properties.title).toBe(payload);
    expect(f.properties.quote).toBe(payload);
  });
});
