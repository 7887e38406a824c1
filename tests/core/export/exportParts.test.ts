import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { check } from '@placemarkio/check-geojson';
import { exportCSV } from '../../../src/core/engine/export/csv.ts';
import { csvCache, csvParts, CSV_LAYOUT } from '../../../src/core/engine/export/csvParts.ts';
import { exportGeoJSON } from '../../../src/core/engine/export/geojson.ts';
import { geoJsonCache, geoJsonParts, GEOJSON_LAYOUT, serializeFeature } from '../../../src/core/engine/export/geojsonParts.ts';
import { isRunBoundary, RUN_MAX, RunCache } from '../../../src/core/engine/export/runCache.ts';
import { WarmQueue } from '../../../src/core/engine/export/warmQueue.ts';
import { newsmapFeatureSchema, type NewsmapFeature } from '../../../src/core/geoparser/geojson/schema.ts';
import { corpusArb, featureArb } from '../filter/arbitraries.ts';

/** Runs as plain strings: the app uses Blobs, but the text they hold is the same. */
const joinRun = (parts: string[]) => parts.join('');
const text = (parts: readonly string[]) => parts.join('');

/** A warm-up done to the end, as idle time would eventually do it. */
function warm(lists: readonly (readonly NewsmapFeature[])[]) {
  const geo = { strings: geoJsonCache(), layout: GEOJSON_LAYOUT, runs: new RunCache<string>() };
  const csv = { strings: csvCache(), layout: CSV_LAYOUT, runs: new RunCache<string>() };
  const queue = new WarmQueue<string>([geo, csv], joinRun);
  for (const l of lists) queue.enqueue(l);
  // Stop after every step: the most fragmented schedule idle time could give.
  while (!queue.run(() => true));
  return { geo, csv };
}

/** A corrected copy: a new object with moved coordinates, as the correction workflow makes. */
function corrected(f: NewsmapFeature): NewsmapFeature {
  return {
    ...f,
    geometry: { type: 'Point', coordinates: [12.3456789, 45.6789012] },
    properties: { ...f.properties, corrected: true, place_name: 'Corrected' },
  };
}

/** A corpus with a sub-list of it (the filtered view) and some features replaced by corrected copies. */
const scenarioArb = corpusArb.chain((corpus) =>
  fc.record({
    corpus: fc.constant(corpus),
    keep: fc.array(fc.boolean(), { minLength: corpus.length, maxLength: corpus.length }),
    fix: fc.array(fc.boolean(), { minLength: corpus.length, maxLength: corpus.length }),
  }),
);

describe('GeoJSON export from cached parts', () => {
  it('parses to exactly the reference export, cold and warm, for any corpus and filtered view', () => {
    fc.assert(fc.property(scenarioArb, ({ corpus, keep, fix }) => {
      const shown = corpus.filter((_, i) => keep[i]);
      const reference = JSON.parse(exportGeoJSON(shown));
      expect(JSON.parse(text(geoJsonParts(shown)))).toEqual(reference);

      const { geo } = warm([corpus, shown]);
      expect(JSON.parse(text(geoJsonParts(shown, geo.strings, geo.runs)))).toEqual(reference);
      expect(JSON.parse(text(geoJsonParts(corpus, geo.strings, geo.runs)))).toEqual(JSON.parse(exportGeoJSON(corpus)));

      // Corrections after the warm-up: new objects, so nothing stale may be reused.
      const after = corpus.map((f, i) => (fix[i] ? corrected(f) : f));
      expect(JSON.parse(text(geoJsonParts(after, geo.strings, geo.runs)))).toEqual(JSON.parse(exportGeoJSON(after)));
    }));
  });

  it('re-serialises a feature replaced by a corrected copy (no stale cache, whole runs included)', () => {
    const corpus = fc.sample(featureArb, 3000).map((f, i) => ({ ...f, id: `f:${i}` }));
    const { geo } = warm([corpus]);
    const before = geoJsonParts(corpus, geo.strings, geo.runs);
    // The warm path really uses runs: far fewer parts than features.
    expect(before.length).toBeLessThan(corpus.length / 10);

    const k = 1234;
    const after = corpus.slice();
    after[k] = corrected(corpus[k]!);
    const parsed = JSON.parse(text(geoJsonParts(after, geo.strings, geo.runs))) as { features: NewsmapFeature[] };
    expect(parsed.features[k]!.geometry.coordinates).toEqual([12.345679, 45.678901]);
    expect(parsed.features[k]!.properties.place_name).toBe('Corrected');
    expect(parsed).toEqual(JSON.parse(exportGeoJSON(after)));
    // The old object still gets its old text: the cache is per object, not per id.
    expect(geo.strings.get(corpus[k]!)).toBe(serializeFeature(corpus[k]!));
  });

  it('is valid RFC 7946 and schema-valid, and compact', () => {
    fc.assert(fc.property(corpusArb, (corpus) => {
      const out = text(geoJsonParts(corpus));
      const parsed = check(out) as unknown as { type: string; features: unknown[] };
      expect(parsed.features).toHaveLength(corpus.length);
      for (const f of parsed.features) expect(newsmapFeatureSchema.safeParse(f).success).toBe(true);
      expect(out).not.toMatch(/"crs"/);
      expect(out).not.toMatch(/\n/);
    }));
    expect(() => check(text(geoJsonParts([])))).not.toThrow();
  });

  it('refuses a cache of another format', () => {
    expect(() => geoJsonParts([], csvCache())).toThrow(/geoJsonCache/);
    expect(() => csvParts([], geoJsonCache())).toThrow(/csvCache/);
  });
});

describe('CSV export from cached parts', () => {
  it('is byte for byte the reference export, cold and warm', () => {
    fc.assert(fc.property(scenarioArb, ({ corpus, keep, fix }) => {
      const shown = corpus.filter((_, i) => keep[i]);
      expect(text(csvParts(shown))).toBe(exportCSV(shown));
      const { csv } = warm([corpus, shown]);
      expect(text(csvParts(shown, csv.strings, csv.runs))).toBe(exportCSV(shown));
      const after = corpus.map((f, i) => (fix[i] ? corrected(f) : f));
      expect(text(csvParts(after, csv.strings, csv.runs))).toBe(exportCSV(after));
    }));
  });

  it('keeps the formula guard', () => {
    const [f] = fc.sample(featureArb, 1) as [NewsmapFeature];
    const evil = { ...f, properties: { ...f.properties, quote: '=HYPERLINK("http://evil","x")', place_name: '+1' } };
    const out = text(csvParts([evil], csvCache()));
    expect(out).toBe(exportCSV([evil]));
    expect(out).toContain(`'+1`);
    expect(out).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
  });
});

describe('run cache', () => {
  it('cuts runs at id-hash boundaries, at most RUN_MAX long, and matches only the same objects in order', () => {
    const corpus = fc.sample(featureArb, 5000).map((f, i) => ({ ...f, id: `r:${i}` }));
    const runs = new RunCache<number>();
    const starts: number[] = [];
    for (let i = 0; i < corpus.length; ) {
      starts.push(i);
      i = runs.build(corpus, i, (run) => run.length);
    }
    for (const [n, s] of starts.entries()) {
      const run = runs.match(corpus, s)!;
      expect(run.value).toBe(run.features.length);
      expect(run.features.length).toBeLessThanOrEqual(RUN_MAX);
      // Only a run's first feature may be a boundary, and every run but the first starts at one
      // (or right after a run cut at RUN_MAX).
      expect(run.features.slice(1).some(isRunBoundary)).toBe(false);
      if (n > 0) expect(isRunBoundary(corpus[s]!) || s - starts[n - 1]! === RUN_MAX).toBe(true);
    }
    expect(starts.length).toBeGreaterThan(1);
    // Drop one member: the run containing it no longer matches.
    const s = starts[1]!;
    const without = [...corpus.slice(0, s + 1), ...corpus.slice(s + 2)];
    expect(runs.match(without, s)).toBeUndefined();
    expect(runs.match(corpus, s)).toBeDefined();
  });
});

describe('warm queue', () => {
  it('serialises every feature of every queued list, whatever the slice size', () => {
    const corpus = fc.sample(featureArb, 500).map((f, i) => ({ ...f, id: `w:${i}` }));
    const { geo, csv } = warm([corpus, corpus.slice(0, 100), corpus.slice(300)]);
    for (const f of corpus) {
      expect(geo.strings.has(f)).toBe(true);
      expect(csv.strings.has(f)).toBe(true);
    }
    // The newest list has its runs.
    expect(geo.runs.match(corpus.slice(300), 0)).toBeDefined();
  });
});
