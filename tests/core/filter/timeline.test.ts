import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { binByTime, binStart, chooseBinUnit, dateExtent, nextBinStart } from '../../../src/core/engine/filter/timeline.ts';
import type { NewsmapFeature } from '../../../src/core/geoparser/geojson/schema.ts';
import { corpusArb, featureArb } from './arbitraries.ts';

function dated(date: string | null): NewsmapFeature {
  const [f] = fc.sample(featureArb, 1) as [NewsmapFeature];
  return { ...f, properties: { ...f.properties, date } };
}

describe('timeline binning', () => {
  it('chooses the bin unit from the span', () => {
    expect(chooseBinUnit('2024-04-01', '2024-04-30')).toBe('day');
    expect(chooseBinUnit('2024-01-01', '2024-06-30')).toBe('week');
    expect(chooseBinUnit('2020-01-01', '2024-04-30')).toBe('month');
    expect(chooseBinUnit('2013-01-01', '2024-12-31')).toBe('quarter');
    expect(chooseBinUnit('1990-01-01', '2024-12-31')).toBe('year');
  });

  it('bins a 2013–2024 corpus into a readable number of contiguous bins', () => {
    const h = binByTime([dated('2013-03-05'), dated('2020-01-03'), dated('2024-04-19'), dated(null)]);
    expect(h.unit).toBe('quarter');
    expect(h.bins.length).toBe(46);
    expect(h.bins[0]!.start).toBe('2013-01-01');
    expect(h.bins.at(-1)!.end).toBe('2024-06-30');
    expect(h.undated).toBe(1);
    expect(h.bins.reduce((s, b) => s + b.count, 0)).toBe(3);
  });

  it('counts every dated feature exactly once, in the bin that contains it', () => {
    fc.assert(fc.property(corpusArb, (corpus) => {
      const h = binByTime(corpus);
      const datedCount = corpus.filter((f) => f.properties.date !== null).length;
      expect(h.bins.reduce((s, b) => s + b.count, 0)).toBe(datedCount);
      expect(h.undated).toBe(corpus.length - datedCount);
      for (let i = 1; i < h.bins.length; i++) expect(h.bins[i]!.start).toBe(nextBinStart(h.bins[i - 1]!.start, h.unit));
      for (const f of corpus) {
        const d = f.properties.date;
        if (d === null) continue;
        const bin = h.bins.find((b) => b.start <= d && d <= b.end);
        expect(bin?.start).toBe(binStart(d, h.unit));
      }
    }));
  });

  it('weeks start on Monday', () => {
    expect(binStart('2024-04-21', 'week')).toBe('2024-04-15'); // a Sunday
    expect(binStart('2024-04-15', 'week')).toBe('2024-04-15');
  });

  it('uses a fixed extent when given', () => {
    const h = binByTime([dated('2024-02-10')], { min: '2024-01-01', max: '2024-12-31' }, 'month');
    expect(h.bins).toHaveLength(12);
    expect(h.bins[1]!.count).toBe(1);
  });

  it('reports the dated extent', () => {
    expect(dateExtent([dated(null)])).toBeNull();
    expect(dateExtent([dated('2020-01-03'), dated('2013-01-01'), dated(null)])).toEqual({ min: '2013-01-01', max: '2020-01-03' });
  });
});
