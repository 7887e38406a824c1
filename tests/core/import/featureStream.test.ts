import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FeatureStreamScanner } from '../../../src/core/engine/import/featureStream.ts';
import { featureArb } from '../filter/arbitraries.ts';
import { chunks } from './textChunks.ts';

function scanAll(parts: string[]): unknown[] {
  const scanner = new FeatureStreamScanner();
  const features = parts.flatMap((p) => scanner.push(p));
  scanner.end();
  return features;
}

// Titles and quotes full of JSON's own syntax: brackets, quotes, backslashes.
const nasty = fc.stringMatching(/^[{}[\]"\\:,a-z ]{0,12}$/);
const collection = fc.record({
  features: fc.array(fc.tuple(featureArb, nasty).map(([f, s]) => ({ ...f, properties: { ...f.properties, title: s, quote: `${s}"]}` } })), { maxLength: 12 }),
  before: fc.option(fc.record({ name: nasty, bbox: fc.array(fc.integer(), { maxLength: 4 }) }), { nil: undefined }),
  after: fc.option(fc.record({ note: nasty }), { nil: undefined }),
  indent: fc.constantFrom(undefined, 1, 2),
});

describe('FeatureStreamScanner', () => {
  it('yields exactly the features of a FeatureCollection however the text is chunked', () => {
    fc.assert(
      fc.property(collection, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }), (c, cuts) => {
        const text = JSON.stringify({ type: 'FeatureCollection', ...(c.before ?? {}), features: c.features, ...(c.after ?? {}) }, null, c.indent);
        expect(scanAll(chunks(text, cuts))).toEqual(JSON.parse(text).features);
      }),
    );
  });

  it('splits correctly at every single position of a text full of escapes', () => {
    const features = [{ type: 'Feature', id: 'a\\"]}', properties: { quote: '\\\\"{[' } }, { type: 'Feature', id: 'b' }];
    const text = JSON.stringify({ type: 'FeatureCollection', features });
    for (let cut = 0; cut <= text.length; cut++) expect(scanAll([text.slice(0, cut), text.slice(cut)])).toEqual(features);
  });

  it('says so when the text stops inside the collection', () => {
    fc.assert(
      fc.property(collection, fc.double({ min: 0, max: 0.999, noNaN: true }), (c, cut) => {
        const text = JSON.stringify({ type: 'FeatureCollection', features: c.features });
        const truncated = text.slice(0, Math.floor(cut * text.length));
        expect(() => scanAll([truncated])).toThrow(/ended early/);
      }),
    );
  });

  it('ignores a "features" key nested inside another member', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', meta: { features: [{ id: 'not me' }] }, features: [{ type: 'Feature', id: 'me' }] });
    expect(scanAll([text])).toEqual([{ type: 'Feature', id: 'me' }]);
  });
});
