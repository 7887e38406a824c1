import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignMinZoom, BoxGrid, type MinZoomCandidate } from '../../../src/core/engine/basemap/placeLabels.ts';
import { leavesIn, packContextPlaces, unpackContextPlaces, type LabelBand } from '../../../src/core/engine/basemap/contextLabels.ts';
import { linesFromData, traceLines } from '../../../src/core/engine/basemap/divisionLines.ts';
import { worldX, worldY } from '../../../src/core/engine/geo/webMercator.ts';

const box = { left: -3, top: -8, right: 40, bottom: 8 };
const at = (lon: number, lat: number, weight: number, earliest?: number): MinZoomCandidate => ({ x: worldX(lon), y: worldY(lat), weight, box, ...(earliest === undefined ? {} : { earliest }) });

describe('BoxGrid', () => {
  it('refuses a box that meets a placed one, across cell edges, and accepts one that only touches', () => {
    const g = new BoxGrid(10);
    expect(g.tryAdd(5, 5, 25, 15)).toBe(true);
    expect(g.tryAdd(24, 14, 30, 20)).toBe(false);
    expect(g.tryAdd(25, 0, 40, 5)).toBe(true);
    expect(g.free(-10, -10, 4.9, 4.9)).toBe(true);
  });

  it('agrees with a brute-force overlap check', () => {
    const rect = fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 30 }));
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 60 }), (rects) => {
        const g = new BoxGrid(32);
        const kept: number[][] = [];
        for (const [x, y, w, h] of rects) {
          const b = [x, y, x + w, y + h];
          const brute = kept.every((k) => !(b[0]! < k[2]! && k[0]! < b[2]! && b[1]! < k[3]! && k[1]! < b[3]!));
          expect(g.tryAdd(b[0]!, b[1]!, b[2]!, b[3]!)).toBe(brute);
          if (brute) kept.push(b);
        }
      }),
    );
  });
});

describe('assignMinZoom', () => {
  const floor = (z: number) => ({ 5: 1000, 6: 100 } as Record<number, number>)[z] ?? 0;

  it('labels the heavier of two close places first and the other once zoom separates them', () => {
    // 0.3° apart: one label box at zoom 5 (~55 px), two at zoom 8 (~220 px).
    const z = assignMinZoom([at(10, 0, 5000), at(10.3, 0, 4000)], 5, 12, floor);
    expect(z[0]).toBe(5);
    expect(z[1]).toBeGreaterThan(5);
    expect(z[1]).toBeLessThanOrEqual(8);
  });

  it('keeps a place below its zoom floor out until the floor admits it, and honours `earliest`', () => {
    const z = assignMinZoom([at(0, 0, 500), at(40, 0, 50), at(80, 0, 1e9, 7)], 5, 12, floor);
    expect(z).toEqual([6, 7, 7]);
  });

  it('never lets two labels of one zoom overlap, and a label stays at every zoom above its own', () => {
    const places = fc.array(fc.record({ lon: fc.double({ min: 0, max: 2, noNaN: true }), lat: fc.double({ min: 0, max: 1, noNaN: true }), w: fc.integer({ min: 1, max: 1e6 }) }), { maxLength: 40 });
    fc.assert(
      fc.property(places, (ps) => {
        const cands = ps.map((p) => at(p.lon, p.lat, p.w));
        const mz = assignMinZoom(cands, 5, 10, () => 0);
        for (let zoom = 5; zoom <= 10; zoom++) {
          const s = 256 * 2 ** zoom;
          const shown = cands.filter((_, i) => mz[i]! <= zoom).map((c) => [c.x * s + box.left, c.y * s + box.top, c.x * s + box.right, c.y * s + box.bottom]);
          for (let i = 0; i < shown.length; i++)
            for (let j = i + 1; j < shown.length; j++) {
              const [a, b] = [shown[i]!, shown[j]!];
              expect(a[0]! < b[2]! && b[0]! < a[2]! && a[1]! < b[3]! && b[1]! < a[3]!).toBe(false);
            }
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('labels files', () => {
  it('round-trips places and skips malformed lines', () => {
    const text = packContextPlaces([
      { rank: 0, name: 'Isfahan', lat: 32.652, lon: 51.675, minZoom: 5, flag: 'A' },
      { rank: 1, name: 'Tab\tbed', lat: -10, lon: 0.5, minZoom: 9, flag: '' },
    ]);
    const back = unpackContextPlaces(`${text}bad line\n2\tX\tnot-a-number\t1\t5\t\n`);
    expect(back.map((p) => [p.rank, p.name, p.lat, p.lon, p.minZoom, p.flag])).toEqual([
      [0, 'Isfahan', 32.652, 51.675, 5, 'A'],
      [1, 'Tab bed', -10, 0.5, 9, ''],
    ]);
  });

  it('finds the quadtree leaves under a box, also across the antimeridian', () => {
    const band: LabelBand = { minZoom: 8, maxZoom: 9, leaves: [[1, 0, 0, 10], [1, 1, 0, 10], [2, 3, 3, 10]] };
    expect(leavesIn(band, [0.1, 0.1, 0.2, 0.2])).toEqual([[1, 0, 0, 10]]);
    expect(leavesIn(band, [0.9, 0.8, 1.05, 0.9])).toEqual([[2, 3, 3, 10]]);
    // A view east of the antimeridian (x > 1) sees the western half's leaf.
    expect(leavesIn(band, [1.1, 0.1, 1.2, 0.2])).toEqual([[1, 0, 0, 10]]);
  });
});

describe('division lines', () => {
  it('decodes delta-encoded lines and traces only those meeting a tile', () => {
    const set = linesFromData({ quantum: 1e-3, lines: [[10_000, 0, 1_000, 0, 0, 1_000], [-100_000, 50_000, 1_000, 0]] });
    expect(set.start).toEqual(Uint32Array.from([0, 3, 5]));
    const calls: string[] = [];
    const sink = { moveTo: () => calls.push('M'), lineTo: () => calls.push('L'), closePath: () => calls.push('Z') };
    // Zoom-4 tile holding 10–11°E at the equator (x = 8, y = 7 or 8 in a 16-tile world).
    const n = traceLines(set, { x: 8, y: 7, z: 4, size: 256 }, sink);
    expect(n).toBe(3);
    expect(calls).toEqual(['M', 'L', 'L']);
    calls.length = 0;
    expect(traceLines(set, { x: 0, y: 0, z: 4, size: 256 }, sink)).toBe(0);
  });
});
