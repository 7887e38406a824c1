import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildClusterIndex,
  CLUSTER_MAX_ZOOM,
  clusterMembers,
  MIN_POINTS,
  NO_LAYER,
  queryClusters,
  type ClusterIndex,
} from '../../../src/core/engine/cluster/gridClusters.ts';

const LAYERS = 3;

interface Case {
  points: { lon: number; lat: number; layer: number; keep: boolean }[];
  zoom: number;
  view: { west: number; south: number; east: number; north: number };
}

const lon = fc.double({ min: 25, max: 75, noNaN: true });
const lat = fc.double({ min: 10, max: 45, noNaN: true });
// Few distinct spots so that cells fill up and clusters form.
const caseArb: fc.Arbitrary<Case> = fc.record({
  points: fc.array(
    fc.record({
      lon: fc.oneof(lon, fc.constantFrom(44.36, 51.39, 51.4)),
      lat: fc.oneof(lat, fc.constantFrom(33.31, 35.69, 35.7)),
      layer: fc.oneof(fc.integer({ min: 0, max: LAYERS - 1 }), fc.constant(NO_LAYER)),
      keep: fc.boolean(),
    }),
    { maxLength: 80 },
  ),
  zoom: fc.integer({ min: 2, max: 14 }),
  view: fc.record({ west: fc.constantFrom(-180, 20, 45), south: fc.constantFrom(-85, 12, 30), east: fc.constantFrom(180, 60, 52), north: fc.constantFrom(85, 40, 36) }),
});

function indexOf(c: Case): ClusterIndex {
  return buildClusterIndex(
    { lon: Float64Array.from(c.points, (p) => p.lon), lat: Float64Array.from(c.points, (p) => p.lat), layer: Uint8Array.from(c.points, (p) => p.layer) },
    LAYERS,
  );
}
const maskOf = (c: Case) => Uint8Array.from(c.points, (p) => (p.keep ? 1 : 0));
const inView = (c: Case, i: number) => {
  const p = c.points[i]!;
  return p.lon >= c.view.west && p.lon <= c.view.east && p.lat >= c.view.south && p.lat <= c.view.north;
};

describe('queryClusters', () => {
  it('represents every kept point in view exactly once, in its own layer, and nothing else', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const index = indexOf(c);
        const result = queryClusters(index, { zoom: c.zoom, ...c.view, mask: maskOf(c) });
        expect(result).toHaveLength(LAYERS);
        result.forEach((layer, l) => {
          const expected = c.points.map((p, i) => ({ p, i })).filter(({ p, i }) => p.layer === l && p.keep && inView(c, i));
          const clustered = layer.count.reduce((n, k) => n + k, 0);
          expect(clustered + layer.singles.length).toBe(expected.length);
          expect(new Set(layer.singles).size).toBe(layer.singles.length);
          for (const i of layer.singles) expect(expected.some((e) => e.i === i)).toBe(true);
          for (const k of layer.count) expect(k).toBeGreaterThanOrEqual(MIN_POINTS);
          if (c.zoom > CLUSTER_MAX_ZOOM) expect(layer.count.length).toBe(0);
          for (let k = 0; k < layer.count.length; k++) {
            const [w, s, e, n] = layer.bounds.subarray(k * 4, k * 4 + 4);
            // The marker sits inside the box of what it stands for.
            expect(layer.lon[k]!).toBeGreaterThanOrEqual(w! - 1e-9);
            expect(layer.lon[k]!).toBeLessThanOrEqual(e! + 1e-9);
            expect(layer.lat[k]!).toBeGreaterThanOrEqual(s! - 1e-9);
            expect(layer.lat[k]!).toBeLessThanOrEqual(n! + 1e-9);
            // And the cluster's members, listed by cell, are exactly `count` kept points of the layer.
            const members = clusterMembers(index, l, c.zoom, layer.cell[k]!, maskOf(c), 1000);
            expect(members.length).toBeGreaterThanOrEqual(layer.count[k]!);
            for (const i of members) expect(c.points[i]!.layer === l && c.points[i]!.keep).toBe(true);
          }
        });
      }),
    );
  });

  it('a null mask keeps everything, like an all-ones mask', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const index = indexOf(c);
        const open = queryClusters(index, { zoom: c.zoom, ...c.view, mask: null });
        const ones = queryClusters(index, { zoom: c.zoom, ...c.view, mask: new Uint8Array(c.points.length).fill(1) });
        expect(open).toEqual(ones);
      }),
    );
  });

  it('merges three strikes on one town into a cluster and leaves two apart as points', () => {
    const c: Case = {
      points: [
        { lon: 51.39, lat: 35.69, layer: 2, keep: true },
        { lon: 51.4, lat: 35.7, layer: 2, keep: true },
        { lon: 51.41, lat: 35.68, layer: 2, keep: true },
        { lon: 44.36, lat: 33.31, layer: 2, keep: true },
        { lon: 44.37, lat: 33.3, layer: 2, keep: true },
      ],
      zoom: 5,
      view: { west: 20, south: 12, east: 60, north: 40 },
    };
    const [, , strikes] = queryClusters(indexOf(c), { zoom: 5, ...c.view, mask: null });
    expect([...strikes!.count]).toEqual([3]);
    expect(strikes!.lon[0]).toBeCloseTo(51.4, 6);
    expect([...strikes!.singles].sort()).toEqual([3, 4]);
    // Filtering one Tehran strike out breaks the cluster up.
    const [, , filtered] = queryClusters(indexOf(c), { zoom: 5, ...c.view, mask: Uint8Array.from([1, 0, 1, 1, 1]) });
    expect(filtered!.count.length).toBe(0);
    expect([...filtered!.singles].sort()).toEqual([0, 2, 3, 4]);
  });
});
