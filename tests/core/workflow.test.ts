import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { check } from '@placemarkio/check-geojson';
import { importGeoJson } from '../../src/core/engine/import/importGeoJson.ts';
import { exportGeoJSON } from '../../src/core/engine/export/geojson.ts';
import { exportKML } from '../../src/core/engine/export/kml.ts';
import { applyCorrections, type Correction } from '../../src/core/engine/corrections/corrections.ts';
import { addAliasFromCorrection, emptyUserGazetteer } from '../../src/core/engine/corrections/userGazetteer.ts';
import { exportProject, importProject, ProjectFileError } from '../../src/core/engine/project/projectFile.ts';
import { parseArticle } from '../../src/core/geoparser/parseArticle.ts';
import { EVENT_KINDS, GEO_PRECISIONS, type NewsmapFeature } from '../../src/core/geoparser/geojson/schema.ts';
import { realIndex } from '../helpers/index.ts';

const text = 'Israeli jets struck the T-4 air base in Homs province late on Thursday. Arbil was quiet. Qusayr saw clashes.';
const parsed = () => parseArticle({ id: 'a1', title: 'T-4', published: '2024-03-29', text }, realIndex()).collection.features;

/** Random valid newsmap features, for the round-trip property. */
const coord = fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }))
  .map(([x, y]) => [Math.round(x * 1e6) / 1e6 + 0, Math.round(y * 1e6) / 1e6 + 0] as [number, number]);
const feature = fc.record({
  id: fc.string({ minLength: 1, maxLength: 12 }),
  coordinates: coord,
  kind: fc.constantFrom(...EVENT_KINDS),
  title: fc.string(),
  date: fc.option(fc.date({ min: new Date('1990-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: null }),
  actors: fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
  geo: fc.constantFrom(...GEO_PRECISIONS),
  quote: fc.string(),
}).map((r): NewsmapFeature => ({
  type: 'Feature', id: r.id, geometry: { type: 'Point', coordinates: r.coordinates },
  properties: {
    kind: r.kind, title: r.title, date: r.date, date_precision: r.date ? 'day' : null, actor: r.actors[0] ?? null, actors: r.actors,
    target: null, origin: null, place_id: 'p', place_name: 'P', country: 'IQ', geo_precision: r.geo, mention: 'P', span: [0, 1],
    quote: r.quote, article_id: 'a', article_title: 'A', published: '2024', confidence: 0.5,
  },
}));

describe('GeoJSON import', () => {
  it('re-imports a newsmap export exactly (ids and properties)', () => {
    const features = parsed();
    const back = importGeoJson(exportGeoJSON(features), 'export.geojson');
    expect(back.source).toBe('newsmap');
    expect(back.features).toEqual(JSON.parse(exportGeoJSON(features)).features);
  });

  it('export → import is the identity on random valid features (1,000 cases)', () => {
    fc.assert(fc.property(fc.uniqueArray(feature, { selector: (f) => f.id, minLength: 1, maxLength: 20 }), (features) => {
      const json = exportGeoJSON(features);
      expect(() => check(json)).not.toThrow();
      expect(importGeoJson(json, 'x.geojson').features).toEqual(features);
    }), { numRuns: 1000 });
  });

  it('imports a foreign FeatureCollection of points as generic events, keeping HTML as text', () => {
    const foreign = JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [44.36, 33.31] }, properties: { name: '<img src=x onerror=alert(1)>', date: '2024-01-05', actor1: 'Militia' } },
      { type: 'Feature', id: 7, geometry: { type: 'Point', coordinates: [36.3, 33.5] }, properties: null },
    ] });
    const { features, source } = importGeoJson(foreign, 'acled.geojson');
    expect(source).toBe('foreign');
    expect(features[0]!.properties).toMatchObject({ kind: 'place', title: '<img src=x onerror=alert(1)>', date: '2024-01-05', actor: 'Militia' });
    expect(features[1]!.id).toBe('import:acled.geojson:7');
  });

});

describe('corrections', () => {
  const correction = (change: Correction['change']): Correction => ({ id: 'c1', article_id: 'a1', by: 'analyst', at: '2024-04-01T10:00:00.000Z', change, original: {} });

  it('moves a feature to another place and flags it corrected', () => {
    const features = parsed();
    const homs = features.find((f) => f.properties.place_id === 'homs-governorate')!;
    const out = applyCorrections(features, [correction({ type: 'place', feature_id: homs.id, place: { id: 'homs', name: 'Homs', country: 'SY', lat: 34.73, lon: 36.72, precision: 'city' } })]);
    const moved = out.find((f) => f.id === homs.id)!;
    expect(moved.geometry.coordinates).toEqual([36.72, 34.73]);
    expect(moved.properties).toMatchObject({ place_id: 'homs', corrected: true });
    expect(features.find((f) => f.id === homs.id)!.properties.corrected).toBeUndefined();
  });

  it('removes a mention marked as not a place, and adds a missed place with its sentence', () => {
    const features = parsed();
    const arbil = features.find((f) => f.properties.mention === 'Arbil')!;
    const s = text.indexOf('Qusayr');
    const out = applyCorrections(features, [
      correction({ type: 'not-a-place', feature_id: arbil.id }),
      correction({ type: 'add-place', span: [s, s + 6], place: { id: 'qusayr', name: 'Al-Qusayr', country: 'SY', lat: 34.51, lon: 36.58, precision: 'city' } }),
    ], text);
    expect(out.find((f) => f.id === arbil.id)).toBeUndefined();
    const added = out.find((f) => f.properties.place_id === 'qusayr')!;
    expect(added.properties).toMatchObject({ mention: 'Qusayr', quote: 'Qusayr saw clashes.', corrected: true, span: [s, s + 6] });
  });

  it('edits kind, date and actors', () => {
    const features = parsed();
    const strike = features.find((f) => f.properties.kind === 'strike')!;
    const out = applyCorrections(features, [correction({ type: 'edit', feature_id: strike.id, fields: { date: '2024-03-27', date_precision: 'day', actor: 'Syria', target: 'Israel' } })]);
    expect(out.find((f) => f.id === strike.id)!.properties).toMatchObject({ date: '2024-03-27', actor: 'Syria', actors: expect.arrayContaining(['Syria']), target: 'Israel', corrected: true });
  });

  it('offers a corrected mention as an alias in the gazetteer format', () => {
    const c = correction({ type: 'place', feature_id: 'x', place: { id: 'erbil', name: 'Erbil', country: 'IQ', lat: 36.19, lon: 44.01, precision: 'city' } });
    const layer = addAliasFromCorrection(addAliasFromCorrection(emptyUserGazetteer(), c, 'Hewlêr'), c, 'Hewlêr');
    expect(layer.places).toHaveLength(1);
    expect(layer.places[0]!.aliases).toEqual(['Hewlêr']);
  });
});

describe('KML and project files', () => {
  it('writes KML with every feature and escaped text', () => {
    const features = parsed();
    features[0]!.properties.title = '<b>Homs</b> & "co"';
    const kml = exportKML(features);
    expect(kml.match(/<Placemark[ >]/g)).toHaveLength(features.length);
    expect(kml).not.toContain('<b>');
    expect(kml).toContain('&lt;b&gt;Homs&lt;/b&gt; &amp; &quot;co&quot;');
  });

  it('round-trips a workspace and refuses a damaged one whole', () => {
    const project = { articles: [{ id: 'a1', title: 'T-4', published: '2024-03-29', source: null, text, added: '2024-04-01T10:00:00.000Z', features: parsed() }], corrections: [], userGazetteer: emptyUserGazetteer() };
    const json = exportProject(project);
    expect(importProject(json, 'p.json').articles[0]!.features).toEqual(project.articles[0]!.features);
    const damaged = JSON.parse(json);
    damaged.articles[0].published = '2024-02-30x';
    expect(() => importProject(JSON.stringify(damaged), 'p.json')).toThrow(ProjectFileError);
    expect(() => importProject(JSON.stringify(damaged), 'p.json')).toThrow(/articles\.0\.published/);
  });
});
