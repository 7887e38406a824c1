import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { check } from '@placemarkio/check-geojson';
import { CSV_COLUMNS, exportCSV, neutraliseFormula, parseCSV } from '../../../src/core/export/csv.ts';
import { exportGeoJSON } from '../../../src/core/export/geojson.ts';
import { exportFileName } from '../../../src/core/export/filename.ts';
import { DEFAULT_FILTER } from '../../../src/core/filter/filterState.ts';
import { newsmapFeatureSchema, type NewsmapFeature } from '../../../src/core/geojson/schema.ts';
import { corpusArb, featureArb } from '../filter/arbitraries.ts';

function withProps(patch: Partial<NewsmapFeature['properties']>): NewsmapFeature {
  const [f] = fc.sample(featureArb, 1) as [NewsmapFeature];
  return { ...f, geometry: { type: 'Point', coordinates: [51.123456789, 32.5] }, properties: { ...f.properties, kind: 'strike', ...patch } };
}

describe('GeoJSON export', () => {
  it('is valid RFC 7946 and schema-valid for any corpus', () => {
    fc.assert(fc.property(corpusArb, (corpus) => {
      const text = exportGeoJSON(corpus);
      const parsed = check(text) as unknown as { type: string; features: unknown[] };
      expect(parsed.type).toBe('FeatureCollection');
      expect(parsed.features).toHaveLength(corpus.length);
      for (const f of parsed.features) expect(newsmapFeatureSchema.safeParse(f).success).toBe(true);
      expect(text).not.toMatch(/"crs"/);
    }), { numRuns: 1000 });
  });

  it('rounds coordinates to 6 decimals, [lon, lat]', () => {
    const out = JSON.parse(exportGeoJSON([withProps({})]));
    expect(out.features[0].geometry.coordinates).toEqual([51.123457, 32.5]);
  });

  it('exports an empty selection as an empty, valid collection', () => {
    expect(() => check(exportGeoJSON([]))).not.toThrow();
  });
});

describe('CSV export', () => {
  it('has the ACLED-like header and one row per feature', () => {
    fc.assert(fc.property(corpusArb, (corpus) => {
      const rows = parseCSV(exportCSV(corpus));
      expect(rows[0]).toEqual([...CSV_COLUMNS]);
      expect(rows).toHaveLength(corpus.length + 1);
      for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    }), { numRuns: 1000 });
  });

  it('round-trips quotes, commas and newlines', () => {
    const f = withProps({ quote: 'He said: "strike, then\nleave"', article_title: 'A, B' });
    const [, row] = parseCSV(exportCSV([f])) as [string[], string[]];
    expect(row[CSV_COLUMNS.indexOf('quote')]).toBe('He said: "strike, then\nleave"');
    expect(row[CSV_COLUMNS.indexOf('article')]).toBe('A, B');
  });

  it('neutralises formula injection in text cells', () => {
    const f = withProps({ quote: '=HYPERLINK("http://evil","x")', place_name: '+1', article_title: '@SUM(A1)', target: '-cmd' });
    const [, row] = parseCSV(exportCSV([f])) as [string[], string[]];
    expect(row[CSV_COLUMNS.indexOf('quote')]).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(row[CSV_COLUMNS.indexOf('place')]).toBe(`'+1`);
    expect(row[CSV_COLUMNS.indexOf('article')]).toBe(`'@SUM(A1)`);
    expect(row[CSV_COLUMNS.indexOf('target')]).toBe(`'-cmd`);
    fc.assert(fc.property(fc.string(), (s) => {
      expect(/^[=+\-@\t\r]/.test(neutraliseFormula(s))).toBe(false);
    }));
  });

  it('keeps negative coordinates numeric', () => {
    const f: NewsmapFeature = { ...withProps({}), geometry: { type: 'Point', coordinates: [-3.5, 40.25] } };
    const [, row] = parseCSV(exportCSV([f])) as [string[], string[]];
    expect(row[CSV_COLUMNS.indexOf('lon')]).toBe('-3.5');
    expect(row[CSV_COLUMNS.indexOf('lat')]).toBe('40.25');
  });

  it('joins actors and uses the line middle for pipelines', () => {
    const f: NewsmapFeature = {
      ...withProps({ kind: 'pipeline', actors: ['Iran', 'Pakistan'] }),
      geometry: { type: 'LineString', coordinates: [[52, 27], [60, 27], [61, 25]] },
    };
    const [, row] = parseCSV(exportCSV([f])) as [string[], string[]];
    expect(row[CSV_COLUMNS.indexOf('actors')]).toBe('Iran; Pakistan');
    expect(row[CSV_COLUMNS.indexOf('lon')]).toBe('60');
  });
});

describe('export file name', () => {
  it('names the filter', () => {
    expect(exportFileName({ ...DEFAULT_FILTER, from: '2024-01-01', to: '2024-04-30', actors: ['Israel'] }, 'geojson')).toBe(
      'newsmap_2024-01-01_2024-04-30_Israel.geojson',
    );
    expect(exportFileName(DEFAULT_FILTER, 'csv')).toBe('newsmap_all.csv');
    expect(exportFileName({ ...DEFAULT_FILTER, actors: ['United States'], kinds: ['strike'], q: '../etc/passwd' }, 'geojson')).toBe(
      'newsmap_United-States_strike_q-.._etc_passwd.geojson'.replace('.._etc_passwd', '..-etc-passwd'),
    );
  });
});
