import { describe, expect, it } from 'vitest';
import { importMessage, sameFeature, summariseImport } from '../../../src/core/engine/import/importSummary.ts';
import { buildFixture } from '../../e2e/support/fixture.ts';
import type { NewsmapFeature } from '../../../src/core/geoparser/geojson/schema.ts';

const { features } = buildFixture().corpus;
const known = (list: readonly NewsmapFeature[]) => {
  const byId = new Map(list.map((f) => [f.id, f]));
  return (id: string) => byId.get(id) ?? null;
};

describe('summariseImport', () => {
  it('says a re-imported export is all there already, whatever its key order or omitted nulls', () => {
    const reexported = JSON.parse(JSON.stringify(features)) as NewsmapFeature[];
    // Key order reversed, a null left out: still the same feature.
    const reordered = reexported.map((f) => {
      const props = Object.fromEntries(Object.entries(f.properties).reverse().filter(([, v]) => v !== null)) as unknown as NewsmapFeature['properties'];
      return { ...f, properties: props };
    });
    const s = summariseImport(reordered, known(features));
    expect([s.fresh.length, s.updated.length, s.present.length]).toEqual([0, 0, features.length]);
    expect(importMessage(s, 'export.geojson', 'newsmap')).toBe(`export.geojson: ${features.length} features, all already in the workspace.`);
  });

  it('counts new and changed features, and never calls a changed one present', () => {
    const moved = { ...features[0]!, geometry: { type: 'Point' as const, coordinates: [1, 2] as [number, number] } };
    const retitled = { ...features[1]!, properties: { ...features[1]!.properties, title: 'Another title' } };
    const fresh = { ...features[2]!, id: 'brand-new' };
    expect(sameFeature(moved, features[0]!)).toBe(false);
    const s = summariseImport([moved, retitled, fresh, features[3]!], known(features));
    expect(s.updated.map((f) => f.id)).toEqual([moved.id, retitled.id]);
    expect(s.fresh.map((f) => f.id)).toEqual(['brand-new']);
    expect(s.present.map((f) => f.id)).toEqual([features[3]!.id]);
    expect(importMessage(s, 'x.geojson', 'newsmap')).toBe('Imported 4 features from x.geojson: 1 new, 2 updated, 1 already in the workspace.');
    expect(importMessage(summariseImport([fresh], known(features)), 'y.geojson', 'foreign')).toBe('Imported 1 feature from y.geojson (as generic events).');
    expect(importMessage(summariseImport([features[0]!], known(features)), 'z.geojson', 'newsmap')).toBe('z.geojson: 1 feature, already in the workspace.');
  });
});
