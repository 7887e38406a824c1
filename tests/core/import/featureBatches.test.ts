import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FeatureBatchParser } from '../../../src/core/engine/import/featureBatches.ts';
import { featureArb } from '../filter/arbitraries.ts';
import { chunks } from './textChunks.ts';

function parseAll(parts: string[]): unknown[] {
  const parser = new FeatureBatchParser();
  const features = parts.flatMap((p) => parser.push(p));
  return [...features, ...parser.end()];
}

// Titles and quotes full of JSON's own syntax, including the very separator the fast path cuts at.
const nasty = fc.stringMatching(/^([{}[\]"\\:,a-z ]|\},\{"type":"Feature")*$/).filter((s) => s.length <= 40);
/** A feature-looking object nested in properties: a cut there must not split the feature. */
const nested = fc.option(fc.constant([{ type: 'Feature', id: 'inner' }, { type: 'Feature', id: 'inner2' }]), { nil: undefined });
const collection = fc.record({
  features: fc.array(
    fc.tuple(featureArb, nasty, nested).map(([f, s, n]) => ({ ...f, properties: { ...f.properties, title: s, quote: `${s}"]}`, ...(n ? { related: n } : {}) } })),
    { maxLength: 12 },
  ),
  before: fc.option(fc.record({ name: nasty, bbox: fc.array(fc.integer(), { maxLength: 4 }) }), { nil: undefined }),
  after: fc.option(fc.record({ note: nasty }), { nil: undefined }),
  indent: fc.constantFrom(undefined, undefined, 1, 2),
  newlines: fc.boolean(),
});

type Collection = typeof collection extends fc.Arbitrary<infer T> ? T : never;

function render(c: Collection): string {
  if (c.newlines && c.indent === undefined && !c.before && !c.after) {
    // newsmap's own layout: one feature per line.
    return `{"type":"FeatureCollection","features":[\n${c.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
  }
  return JSON.stringify({ type: 'FeatureCollection', ...(c.before ?? {}), features: c.features, ...(c.after ?? {}) }, null, c.indent);
}

describe('FeatureBatchParser', () => {
  it('yields exactly the features of a FeatureCollection, whatever its layout and however it is chunked', () => {
    fc.assert(
      fc.property(collection, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }), (c, cuts) => {
        const text = render(c);
        expect(parseAll(chunks(text, cuts))).toEqual(JSON.parse(text).features);
      }),
    );
  });

  it('parses a large collection in batches while it arrives, not all at the end', () => {
    const features = Array.from({ length: 3000 }, (_, i) => ({ type: 'Feature', id: `f${i}`, geometry: null, properties: { title: `t${i}` } }));
    const text = JSON.stringify({ type: 'FeatureCollection', features });
    const parser = new FeatureBatchParser();
    const perChunk = chunks(text, Array.from({ length: 9 }, (_, i) => (i + 1) / 10)).map((p) => parser.push(p).length);
    const rest = parser.end().length;
    expect(perChunk.reduce((a, b) => a + b, 0) + rest).toBe(3000);
    // Every chunk after the first yields features: parsing keeps pace with the download.
    expect(perChunk.slice(1).every((n) => n > 0)).toBe(true);
  });

  it('says so when the text stops inside the collection', () => {
    fc.assert(
      fc.property(collection, fc.double({ min: 0, max: 0.999, noNaN: true }), (c, cut) => {
        const text = render(c);
        const truncated = text.slice(0, Math.floor(cut * text.trimEnd().length));
        expect(() => parseAll([truncated])).toThrow();
      }),
    );
  });

  it('rejects text that is not a FeatureCollection, saying which way', () => {
    expect(() => parseAll(['[1,2,3]'])).toThrow(/not a GeoJSON FeatureCollection/);
    expect(() => parseAll(['{"type":"Feature","geometry":null,"properties":{}}'])).toThrow(/not a GeoJSON FeatureCollection/);
    expect(() => parseAll(['{"type":"FeatureCollection","features":[{"type":"Feature"'])).toThrow(/ended early/);
    expect(() => parseAll([''])).toThrow(/ended early/);
  });
});
