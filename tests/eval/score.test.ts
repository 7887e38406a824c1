import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  ACC_KM, MAX_ERROR_KM, accuracyAt, auc, haversineKm, matchSpans, mean, median, overlaps, prf, quantile, sameSpan, uniqueSpans,
  type Span,
} from '../../src/eval/score.ts';

describe('haversineKm', () => {
  it.each([
    // [lat1, lon1, lat2, lon2, km, tolerance]
    [51.5074, -0.1278, 48.8566, 2.3522, 343.6, 1], // London–Paris
    [40.7128, -74.006, 34.0522, -118.2437, 3936, 5], // New York–Los Angeles
    [0, 0, 0, 180, 20015, 1], // antipodes on the equator: half the circumference
    [10, 20, 10, 20, 0, 1e-9],
  ])('(%f, %f) → (%f, %f) is %f km', (a, b, c, d, km, tol) => {
    expect(Math.abs(haversineKm(a, b, c, d) - km)).toBeLessThanOrEqual(tol);
  });

  const lat = fc.double({ min: -90, max: 90, noNaN: true });
  const lon = fc.double({ min: -180, max: 180, noNaN: true });
  it('is symmetric, non-negative and at most half the circumference', () => {
    fc.assert(fc.property(lat, lon, lat, lon, (a, b, c, d) => {
      const x = haversineKm(a, b, c, d);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(20016);
      expect(Math.abs(x - haversineKm(c, d, a, b))).toBeLessThan(1e-6);
    }));
  });
});

describe('spans', () => {
  it('overlap shares a character; touching spans do not overlap', () => {
    expect(overlaps({ start: 0, end: 5 }, { start: 4, end: 9 })).toBe(true);
    expect(overlaps({ start: 0, end: 5 }, { start: 5, end: 9 })).toBe(false);
    expect(overlaps({ start: 2, end: 3 }, { start: 0, end: 9 })).toBe(true);
    expect(sameSpan({ start: 2, end: 3 }, { start: 2, end: 3 })).toBe(true);
  });

  it('matchSpans counts strict and overlapping matches on both sides', () => {
    const gold = [{ start: 0, end: 6 }, { start: 10, end: 20 }, { start: 30, end: 35 }];
    // exact, inside the second gold, and one over no gold; a repeated span counts once
    const predicted = [{ start: 0, end: 6 }, { start: 0, end: 6 }, { start: 12, end: 16 }, { start: 40, end: 44 }];
    expect(matchSpans(predicted, gold)).toEqual({ predicted: 3, gold: 3, strictPredicted: 1, strictGold: 1, overlapPredicted: 2, overlapGold: 2 });
  });

  const span = fc.tuple(fc.nat(200), fc.integer({ min: 1, max: 30 })).map(([s, len]): Span => ({ start: s, end: s + len }));
  it('strict matches are a subset of overlapping ones, and counts stay within their totals', () => {
    fc.assert(fc.property(fc.array(span, { maxLength: 12 }), fc.array(span, { maxLength: 12 }), (pred, gold) => {
      const c = matchSpans(pred, gold);
      expect(c.strictPredicted).toBeLessThanOrEqual(c.overlapPredicted);
      expect(c.strictGold).toBeLessThanOrEqual(c.overlapGold);
      expect(c.overlapPredicted).toBeLessThanOrEqual(c.predicted);
      expect(c.overlapGold).toBeLessThanOrEqual(c.gold);
      expect(c.predicted).toBe(uniqueSpans(pred).length);
    }));
  });

  it('overlap is symmetric', () => {
    fc.assert(fc.property(span, span, (a, b) => overlaps(a, b) === overlaps(b, a)));
  });
});

describe('prf', () => {
  it('computes precision, recall and F1 from separate numerators', () => {
    const r = prf(8, 10, 8, 16);
    expect(r.precision).toBe(0.8);
    expect(r.recall).toBe(0.5);
    expect(r.f1).toBeCloseTo(0.6154, 4);
  });

  it('is null on an empty side and 0 when nothing matches', () => {
    expect(prf(0, 0, 0, 5)).toEqual({ precision: null, recall: 0, f1: null });
    expect(prf(0, 4, 0, 5)).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('keeps precision, recall and F1 in [0, 1], F1 between min and max', () => {
    const counts = fc.tuple(fc.nat(50), fc.nat(50), fc.nat(50), fc.nat(50)).map(([a, b, c, d]) => [Math.min(a, b), Math.max(a, b, 1), Math.min(c, d), Math.max(c, d, 1)] as const);
    fc.assert(fc.property(counts, ([pc, p, gf, g]) => {
      const r = prf(pc, p, gf, g);
      for (const x of [r.precision!, r.recall!, r.f1!]) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }
      expect(r.f1!).toBeLessThanOrEqual(Math.max(r.precision!, r.recall!) + 1e-12);
      expect(r.f1!).toBeGreaterThanOrEqual(Math.min(r.precision!, r.recall!) - 1e-12);
    }));
  });
});

describe('auc', () => {
  it('is 0 for perfect answers, 1 for the worst and null for none', () => {
    expect(auc([0, 0, 0])).toBe(0);
    expect(auc([MAX_ERROR_KM, MAX_ERROR_KM])).toBeCloseTo(1, 12);
    expect(auc([1e9])).toBeCloseTo(1, 12);
    expect(auc([])).toBeNull();
  });

  it('follows the trapezoid rule over sorted log errors (Gritta et al. 2018)', () => {
    const norm = Math.log(1 + MAX_ERROR_KM);
    const [a, b, c] = [Math.log(1 + 0), Math.log(1 + 10), Math.log(1 + 1000)];
    // unsorted input: the curve is of the sorted errors
    expect(auc([1000, 0, 10])).toBeCloseTo(((a + b) / 2 + (b + c) / 2) / (2 * norm), 12);
  });

  const errors = fc.array(fc.double({ min: 0, max: 30000, noNaN: true }), { minLength: 1, maxLength: 40 });
  it('stays in [0, 1] and does not fall when any error grows', () => {
    fc.assert(fc.property(errors, fc.nat(), fc.double({ min: 0, max: 5000, noNaN: true }), (e, k, more) => {
      const before = auc(e)!;
      const worse = [...e];
      worse[k % e.length]! += more;
      expect(before).toBeGreaterThanOrEqual(0);
      expect(before).toBeLessThanOrEqual(1 + 1e-12);
      expect(auc(worse)!).toBeGreaterThanOrEqual(before - 1e-12);
    }));
  });
});

describe('summaries', () => {
  it('accuracy at 161 km counts errors up to and including the threshold', () => {
    expect(accuracyAt([0, ACC_KM, ACC_KM + 0.1, 5000])).toBe(0.5);
    expect(accuracyAt([])).toBeNull();
  });

  it('mean, median and quantile', () => {
    expect(mean([1, 2, 3, 10])).toBe(4);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(mean([])).toBeNull();
  });

  it('a quantile is one of the values and grows with q', () => {
    fc.assert(fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 30 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, q1, q2) => {
      const [lo, hi] = q1 <= q2 ? [q1, q2] : [q2, q1];
      expect(xs).toContain(quantile(xs, lo));
      expect(quantile(xs, lo)!).toBeLessThanOrEqual(quantile(xs, hi)!);
    }));
  });
});
