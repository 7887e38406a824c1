import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '@placemarkio/check-geojson';
import { parseArticle } from '../../src/core/geoparser/parseArticle.ts';
import type { NewsmapFeature, FeatureProperties } from '../../src/core/geoparser/geojson/schema.ts';
import { realIndex } from '../helpers/index.ts';

/** The expectations of issue 2 on the two seed articles, against the real gazetteer. */
const seeds = JSON.parse(readFileSync(join(import.meta.dirname, '../../seeds/articles.json'), 'utf8')) as { id: string; title: string; published: string; file: string }[];

function parseSeed(id: string): NewsmapFeature[] {
  const meta = seeds.find((s) => s.id === id)!;
  const text = readFileSync(join(import.meta.dirname, '../../seeds', meta.file), 'utf8');
  return parseArticle({ id: meta.id, title: meta.title, published: meta.published, text }, realIndex()).collection.features;
}

const where = (fs: NewsmapFeature[], p: Partial<FeatureProperties>) =>
  fs.filter((f) => Object.entries(p).every(([k, v]) => (f.properties as Record<string, unknown>)[k] === v));

describe('article 000 (published 2024-04-21)', () => {
  let fs: NewsmapFeature[];
  beforeAll(() => { fs = parseSeed('000_90b7c182ef871e92'); });

  it("Iran's strike on Israel is dated 2024-04-13", () => {
    const hit = where(fs, { kind: 'strike', actor: 'Iran', place_id: 'israel', date: '2024-04-13', date_precision: 'day' });
    expect(hit).toHaveLength(1);
    expect(hit[0]!.properties.target).toBe('Israel');
  });

  it("Israel's strike at Isfahan is dated Friday 2024-04-19", () => {
    const hit = where(fs, { kind: 'strike', actor: 'Israel', date: '2024-04-19', date_precision: 'day' });
    expect(hit.map((f) => f.properties.place_id)).toEqual(['isfahan-province']);
    expect(hit[0]!.properties.geo_precision).toBe('region');
  });

  it("Israel's strike on the consulate in Damascus has month precision or no date, never a wrong day", () => {
    const hit = where(fs, { kind: 'strike', actor: 'Israel', place_id: 'damascus' });
    expect(hit).toHaveLength(1);
    const p = hit[0]!.properties;
    expect(p.date_precision === null || (p.date_precision === 'month' && p.date === '2024-04-01')).toBe(true);
    expect(p.target).toBe('Iran');
    expect(p.country).toBe('SY');
  });

  it("Iran's strike in Pakistan and Pakistan's strike in Sistan-Balochistan are January 2024, month precision", () => {
    expect(where(fs, { kind: 'strike', actor: 'Iran', place_id: 'pakistan', date: '2024-01-01', date_precision: 'month' })).toHaveLength(1);
    expect(where(fs, { kind: 'strike', actor: 'Pakistan', place_id: 'sistan-balochistan', date: '2024-01-01', date_precision: 'month' })).toHaveLength(1);
  });

  it('plots the pipeline from South Pars to Nawabshah, about 1,800 km, as built and planned sections', () => {
    const pipes = where(fs, { kind: 'pipeline' });
    expect(pipes.map((f) => f.properties.status).sort()).toEqual(['built', 'planned']);
    const total = pipes.reduce((sum, f) => sum + f.properties.length_km!, 0);
    expect(total).toBeGreaterThan(1600);
    expect(total).toBeLessThan(2000);
    const built = pipes.find((f) => f.properties.status === 'built')!;
    const planned = pipes.find((f) => f.properties.status === 'planned')!;
    expect(built.geometry.type).toBe('LineString');
    expect(built.properties.actor).toBe('Iran');
    expect(planned.properties.actor).toBe('Pakistan');
    // The sections meet at the border and run west to east.
    const b = built.geometry.coordinates as [number, number][];
    const p = planned.geometry.coordinates as [number, number][];
    expect(b[b.length - 1]).toEqual(p[0]);
    expect(p[p.length - 1]![0]).toBeGreaterThan(b[0]![0]);
  });

  it('has Lahore, Karachi and Islamabad as places', () => {
    for (const id of ['lahore', 'karachi', 'islamabad']) expect(where(fs, { kind: 'place', place_id: id }).length, id).toBeGreaterThan(0);
  });

  it('does not plot Tehran, Jerusalem or Washington (metonyms)', () => {
    const ids = fs.map((f) => f.properties.place_id);
    for (const id of ['tehran', 'jerusalem', 'washington']) expect(ids).not.toContain(id);
  });

  it('plots northern Israel as a region', () => {
    const hit = fs.filter((f) => f.properties.place_id === 'northern-israel');
    expect(hit.length).toBeGreaterThan(0);
    expect(hit[0]!.properties.geo_precision).toBe('region');
  });
});

describe('article 004 (published 2020, year only)', () => {
  let fs: NewsmapFeature[];
  beforeAll(() => { fs = parseSeed('004_476fcc1b3f01d20a'); });

  it('has the US drone strike at Baghdad International Airport on 2020-01-03', () => {
    const hit = where(fs, { kind: 'strike', actor: 'United States', place_id: 'baghdad-international-airport', date: '2020-01-03', date_precision: 'day' });
    expect(hit).toHaveLength(1);
    expect(hit[0]!.properties.geo_precision).toBe('site');
  });

  it('has the IRGC strikes on Ein al-Asad and the base near Erbil airport on 2020-01-08', () => {
    for (const id of ['ain-al-asad-air-base', 'erbil-air-base']) {
      const hit = where(fs, { kind: 'strike', actor: 'Iran', place_id: id, date: '2020-01-08', date_precision: 'day' });
      expect(hit, id).toHaveLength(1);
      expect(hit[0]!.properties.target).toBe('United States');
    }
  });

  it('has Ein al-Asad and the Erbil base as US bases, undated', () => {
    for (const id of ['ain-al-asad-air-base', 'erbil-air-base']) {
      const bases = where(fs, { kind: 'base', place_id: id });
      expect(bases, id).toHaveLength(1);
      expect(bases[0]!.properties.date).toBeNull();
      expect(bases[0]!.properties.actor).toBe('United States');
    }
  });

  it('never invents a day from a year-only publication date ("on Tuesday")', () => {
    for (const f of fs) {
      if (f.properties.date_precision === 'day') expect(['2020-01-03', '2020-01-08']).toContain(f.properties.date);
    }
  });
});

describe('both seeds', () => {
  const all = () => [...parseSeed('000_90b7c182ef871e92'), ...parseSeed('004_476fcc1b3f01d20a')];

  it('are valid RFC 7946 with the schema properties', () => {
    const collection = { type: 'FeatureCollection', features: all() };
    expect(() => check(JSON.stringify(collection))).not.toThrow();
    for (const f of collection.features) {
      const coords = f.geometry.type === 'Point' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const [lon, lat] of coords) {
        expect(Math.abs(lon!)).toBeLessThanOrEqual(180);
        expect(Math.abs(lat!)).toBeLessThanOrEqual(90);
        expect(String(lon).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(6);
      }
    }
  });

  it('cover every mention with a span that points at the mention text, and quote its sentence', () => {
    for (const id of ['000_90b7c182ef871e92', '004_476fcc1b3f01d20a']) {
      const meta = seeds.find((s) => s.id === id)!;
      const text = readFileSync(join(import.meta.dirname, '../../seeds', meta.file), 'utf8');
      for (const f of parseSeed(id)) {
        const [s, e] = f.properties.span;
        expect(text.slice(s, e)).toBe(f.properties.mention);
        expect(f.properties.quote).toContain(f.properties.mention);
        expect(text).toContain(f.properties.quote);
      }
    }
  });

  it('give every feature a unique id that is stable across runs', () => {
    const a = all().map((f) => f.id);
    const b = all().map((f) => f.id);
    expect(new Set(a).size).toBe(a.length);
    expect(b).toEqual(a);
  });
});
