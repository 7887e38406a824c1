import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { check } from '@placemarkio/check-geojson';
import { ACLED_COLUMNS, CSV_COLUMNS, exportCSV, neutraliseFormula, parseCSV, type CsvColumn } from '../../../src/core/engine/export/csv.ts';
import { exportGeoJSON } from '../../../src/core/engine/export/geojson.ts';
import { exportFileName } from '../../../src/core/engine/export/filename.ts';
import { DEFAULT_FILTER } from '../../../src/core/engine/filter/filterState.ts';
import { newsmapFeatureSchema, type NewsmapFeature } from '../../../src/core/geoparser/geojson/schema.ts';
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
  it("has ACLED's header first, then newsmap's own columns, and one row per feature", () => {
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
    expect(row[CSV_COLUMNS.indexOf('notes')]).toBe('He said: "strike, then\nleave"');
    expect(row[CSV_COLUMNS.indexOf('source')]).toBe('A, B');
  });

  it('neutralises formula injection in text cells', () => {
    const f = withProps({
      quote: '=HYPERLINK("http://evil","x")', place_name: '+1', article_title: '@SUM(A1)', target: '-cmd',
      actor: '=1+1', mention: '+mention', event_type: '@type', sub_event_type: '-sub',
    });
    const [, row] = parseCSV(exportCSV([f])) as [string[], string[]];
    const cell = (c: CsvColumn) => row[CSV_COLUMNS.indexOf(c)];
    expect(cell('notes')).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(cell('location')).toBe(`'+1`);
    expect(cell('source')).toBe(`'@SUM(A1)`);
    expect(cell('actor2')).toBe(`'-cmd`);
    expect(cell('actor1')).toBe(`'=1+1`);
    expect(cell('mention')).toBe(`'+mention`);
    expect(cell('event_type')).toBe(`'@type`);
    expect(cell('sub_event_type')).toBe(`'-sub`);
    fc.assert(fc.property(fc.string(), (s) => {
      expect(/^[=+\-@\t\r]/.test(neutraliseFormula(s))).toBe(false);
    }));
  });

  it('keeps negative coordinates numeric', () => {
    const f: NewsmapFeature = { ...withProps({}), geometry: { type: 'Point', coordinates: [-3.5, 40.25] } };
    const [, row] = parseCSV(exportCSV([f])) as [string[], string[]];
    expect(row[CSV_COLUMNS.indexOf('longitude')]).toBe('-3.5');
    expect(row[CSV_COLUMNS.indexOf('latitude')]).toBe('40.25');
  });

  it('joins actors and uses the line middle for pipelines', () => {
    const f: NewsmapFeature = {
      ...withProps({ kind: 'pipeline', actors: ['Iran', 'Pakistan'] }),
      geometry: { type: 'LineString', coordinates: [[52, 27], [60, 27], [61, 25]] },
    };
    const [, row] = parseCSV(exportCSV([f])) as [string[], string[]];
    expect(row[CSV_COLUMNS.indexOf('actors')]).toBe('Iran; Pakistan');
    expect(row[CSV_COLUMNS.indexOf('longitude')]).toBe('60');
  });

  it("maps an event onto ACLED's columns", () => {
    const f: NewsmapFeature = {
      type: 'Feature', id: 'somalia:120-129', geometry: { type: 'Point', coordinates: [45.34375, 2.03711] },
      properties: {
        kind: 'strike', title: 'al-Shabaab strike in Mogadishu', date: '2024-08-02', date_precision: 'day',
        actor: 'al-Shabaab', actors: ['al-Shabaab', 'Somalia'], target: 'Somalia', origin: null,
        place_id: 'geonames:53654', place_name: 'Mogadishu', country: 'SO', geo_precision: 'city',
        mention: 'Mogadishu', span: [120, 129], quote: 'A suicide bomber blew himself up in Mogadishu.',
        article_id: 'somalia', article_title: 'Bomber kills 32', published: '2024-08-03', confidence: 0.9,
        event_type: 'Explosions/Remote violence', sub_event_type: 'Suicide bomb', fatalities: 32,
      },
    };
    const [head, row] = parseCSV(exportCSV([f])) as [string[], string[]];
    const acled = Object.fromEntries(ACLED_COLUMNS.map((c) => [c, row[head.indexOf(c)]]));
    expect(acled).toEqual({
      event_id_cnty: 'somalia:120-129', event_date: '2024-08-02', year: '2024', time_precision: '1',
      event_type: 'Explosions/Remote violence', sub_event_type: 'Suicide bomb', actor1: 'al-Shabaab', actor2: 'Somalia',
      country: 'Somalia', location: 'Mogadishu', latitude: '2.03711', longitude: '45.34375', geo_precision: '1',
      source: 'Bomber kills 32', notes: 'A suicide bomber blew himself up in Mogadishu.', fatalities: '32',
    });
    for (const [c, v] of [['id', 'somalia:120-129'], ['mention', 'Mogadishu'], ['confidence', '0.9'], ['country_code', 'SO'], ['date_precision', 'day'], ['place_precision', 'city']] as const) {
      expect(row[head.indexOf(c)], c).toBe(v);
    }
  });

  it('leaves the event columns empty for a base, and codes coarse dates and places as ACLED does', () => {
    const base = withProps({ kind: 'base', date: null, date_precision: null, fatalities: undefined, event_type: undefined, sub_event_type: undefined, geo_precision: 'site' });
    const month = withProps({ date: '2024-04-01', date_precision: 'month', geo_precision: 'region', event_type: 'Battles', sub_event_type: 'Armed clash', fatalities: null });
    const rows = parseCSV(exportCSV([base, month]));
    const at = (r: number, c: CsvColumn) => rows[r]![CSV_COLUMNS.indexOf(c)];
    expect([at(1, 'event_type'), at(1, 'sub_event_type'), at(1, 'fatalities'), at(1, 'event_date'), at(1, 'year'), at(1, 'time_precision'), at(1, 'geo_precision')]).toEqual(['', '', '', '', '', '', '1']);
    expect([at(2, 'year'), at(2, 'time_precision'), at(2, 'geo_precision'), at(2, 'fatalities'), at(2, 'event_type')]).toEqual(['2024', '3', '3', '', 'Battles']);
  });
});

describe('feature schema: ACLED properties (issue 11)', () => {
  it('accepts event_type, sub_event_type and fatalities as optional, nullable properties, and exports them unchanged', () => {
    const typed = withProps({ event_type: 'Battles', sub_event_type: 'Armed clash', fatalities: 2 });
    const untyped = withProps({ kind: 'base', event_type: undefined, sub_event_type: undefined, fatalities: undefined });
    const nulls = withProps({ kind: 'place', event_type: null, sub_event_type: null, fatalities: null });
    for (const f of [typed, untyped, nulls]) expect(newsmapFeatureSchema.safeParse(f).success).toBe(true);
    const text = exportGeoJSON([typed, untyped]);
    expect(() => check(text)).not.toThrow();
    const out = JSON.parse(text).features;
    expect(out[0].properties).toMatchObject({ event_type: 'Battles', sub_event_type: 'Armed clash', fatalities: 2 });
    expect('event_type' in out[1].properties).toBe(false);
  });

  it('refuses a death count that is not a whole number of people, and an empty type', () => {
    for (const fatalities of [-1, 2.5, '3', Number.NaN]) {
      expect(newsmapFeatureSchema.safeParse(withProps({ fatalities: fatalities as number })).success, String(fatalities)).toBe(false);
    }
    expect(newsmapFeatureSchema.safeParse(withProps({ event_type: '' })).success).toBe(false);
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
    expect(exportFileName({ ...DEFAULT_FILTER, eventTypes: ['Battles', 'Explosions/Remote violence'] }, 'csv')).toBe('newsmap_Battles+Explosions-Remote-violence.csv');
  });
});
